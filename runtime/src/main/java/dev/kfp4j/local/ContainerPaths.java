package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container's mounted paths in a command line, moved to the folders that stand for them here. */
final class ContainerPaths {
  private ContainerPaths() {}

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
