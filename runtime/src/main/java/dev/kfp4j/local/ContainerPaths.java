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
        String mount = withoutSlash(m.getKey());
        if (under(s, mount)) {
          s = m.getValue() + s.substring(mount.length());
        }
      }
      out.add(s);
    }
    return out;
  }

  /**
   * The runner's note on a failed task run outside containers that mounts a volume whose path its command line names nowhere:
   * there the path is moved to the volume's folder only where it is an argument, so code that opens it itself reached this
   * machine's path (KFP's volume samples open {@code /data/file.txt}); null when each mount path is an argument.
   */
  static String unmappedMountNote(List<String> command, Map<String, Path> volumes) {
    StringBuilder note = new StringBuilder();
    for (Map.Entry<String, Path> v : volumes.entrySet()) {
      if (v.getKey().equals(dev.kfp4j.model.Workspace.MOUNT_PATH)) {
        continue; // given to the task as its folder here
      }
      String mount = withoutSlash(v.getKey());
      if (command.stream().noneMatch(a -> under(a, mount))) {
        note.append("kfp4j: outside containers, ").append(mount).append(" is the folder ").append(v.getValue())
            .append(" only where the command names it as an argument, and this one names it nowhere: if the task's code opens ")
            .append(mount).append(" itself, run with --containers, which mounts the folder there\n");
      }
    }
    return note.length() == 0 ? null : note.toString();
  }

  /** {@code mount} without a trailing slash. */
  private static String withoutSlash(String mount) {
    return mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
  }

  /** Whether argument {@code arg} is the path {@code mount} or one under it: what {@link #mapMounts} moves. */
  private static boolean under(String arg, String mount) {
    return arg.equals(mount) || arg.startsWith(mount + "/");
  }
}
