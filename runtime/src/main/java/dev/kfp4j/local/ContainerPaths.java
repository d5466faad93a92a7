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

  /**
   * Why a task that mounts volumes at {@code volumes} (by mount path) does not run outside containers, or null: there a mount
   * path is the volume's folder here only where the command ({@code command}, the container's) names it as an argument, so a
   * command that names one nowhere would have its code open this machine's path (KFP's volume samples open {@code
   * /data/file.txt}).
   */
  static String unmappedMount(List<String> command, Map<String, Path> volumes) {
    for (String path : volumes.keySet()) {
      String mount = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (command.stream().noneMatch(a -> a.equals(mount) || a.startsWith(mount + "/"))) {
        return "it mounts a volume at " + mount + ", which its command names nowhere: outside containers a mount path is the "
            + "volume's folder here only as an argument, and code opening " + mount + " itself would reach this machine's " + mount
            + "; run it in containers (--containers), which mount the folder there, or pass the path as an argument";
      }
    }
    return null;
  }
}
