package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A container's paths in a command line, moved to the files and folders that stand for them here. */
final class ContainerPaths {
  private ContainerPaths() {}

  /** Replaces container paths inside arguments with their local files, longest first. */
  static List<String> mapPaths(List<String> args, Map<String, Path> paths) {
    List<String> keys = new ArrayList<>(paths.keySet());
    keys.removeIf(String::isEmpty);
    keys.sort(Comparator.comparingInt(String::length).reversed());
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String s = a;
      for (String k : keys) {
        if (s.contains(k)) {
          s = s.replace(k, paths.get(k).toString());
        }
      }
      out.add(s);
    }
    return out;
  }

  /** Arguments that are paths under a mount point move to the mount's local folder. */
  static List<String> mapMounts(List<String> args, Map<String, Path> mounts) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String s = a;
      for (Map.Entry<String, Path> m : mounts.entrySet()) {
        String mount = m.getKey().endsWith("/") ? m.getKey().substring(0, m.getKey().length() - 1) : m.getKey();
        if (s.equals(mount) || s.startsWith(mount + "/")) {
          s = m.getValue() + s.substring(mount.length());
        }
      }
      out.add(s);
    }
    return out;
  }
}
