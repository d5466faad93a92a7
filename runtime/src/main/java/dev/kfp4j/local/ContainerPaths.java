package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

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
   * {@code values} (an input's name to its text) with each value that is a path under a mount point moved to the mount's local
   * folder, as {@link #mapMounts} moves an argument: for a command that takes its inputs in KFP 2's executor input, a JSON
   * argument that is no path itself, where a value given as {@code /mnt/f} would otherwise reach this machine's {@code /mnt}.
   */
  static Map<String, String> mapMountedValues(Map<String, String> values, Map<String, Path> mounts) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> out.put(name, mapNested(mapMounts(List.of(value), mounts).get(0), mounts)));
    return out;
  }

  /**
   * {@code values} (an input's name to its text) with each string in a JSON list or map value ({@code ["/mnt/f"]}, {@code
   * {"f": "/mnt/f"}}, at any depth) that is a path under a mount point moved to the mount's local folder, as {@link #mapMounts}
   * moves an argument: the whole string, never a part of it, and no map's key. A value that is no JSON list or map, or has no
   * such string, is kept as it is, byte for byte.
   */
  static Map<String, String> mapNestedValues(Map<String, String> values, Map<String, Path> mounts) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> out.put(name, mapNested(value, mounts)));
    return out;
  }

  /** {@code value} with the strings of its JSON list or map moved as {@link #mapNestedValues} says. */
  private static String mapNested(String value, Map<String, Path> mounts) {
    String text = value.strip();
    if (!(text.startsWith("[") || text.startsWith("{"))) {
      return value;
    }
    JsonNode tree;
    try {
      tree = Yaml.json().readTree(text);
    } catch (JacksonException e) {
      return value; // a text that only looks like JSON: not a list or map, so no strings in one
    }
    JsonNode mapped = mapStrings(tree, mounts);
    return mapped == tree ? value : Yaml.json().writeValueAsString(mapped);
  }

  /** {@code node} with its strings under a mount point moved; {@code node} itself when none is. */
  private static JsonNode mapStrings(JsonNode node, Map<String, Path> mounts) {
    if (node.isString()) {
      String moved = mapMounts(List.of(node.asString()), mounts).get(0);
      return moved.equals(node.asString()) ? node : StringNode.valueOf(moved);
    }
    if (!node.isContainer()) {
      return node;
    }
    JsonNode copy = null;
    for (Map.Entry<String, JsonNode> e : node.isObject() ? node.properties() : List.<Map.Entry<String, JsonNode>>of()) {
      JsonNode m = mapStrings(e.getValue(), mounts);
      if (m != e.getValue()) {
        copy = copy == null ? node.deepCopy() : copy;
        ((ObjectNode) copy).set(e.getKey(), m);
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      JsonNode m = mapStrings(node.get(i), mounts);
      if (m != node.get(i)) {
        copy = copy == null ? node.deepCopy() : copy;
        ((ArrayNode) copy).set(i, m);
      }
    }
    return copy == null ? node : copy;
  }

  /**
   * The runner's note on a failed task run outside containers that mounts a volume whose path its command line names nowhere:
   * there the path is moved to the volume's folder only where it is an argument, so code that opens it itself reached this
   * machine's path (KFP's volume samples open {@code /data/file.txt}); null when each mount path is an argument. {@code
   * containers} is the option that runs the tasks in containers, as the command's user gives it ({@code --containers}).
   */
  static String unmappedMountNote(List<String> command, Map<String, Path> volumes, String containers) {
    StringBuilder note = new StringBuilder();
    for (Map.Entry<String, Path> v : volumes.entrySet()) {
      if (v.getKey().equals(dev.kfp4j.model.Workspace.MOUNT_PATH)) {
        continue; // given to the task as its folder here
      }
      String mount = withoutSlash(v.getKey());
      if (command.stream().noneMatch(a -> under(a, mount) || inJson(a, mount))) {
        note.append("kfp4j: outside containers, ").append(mount).append(" is the folder ").append(v.getValue())
            .append(" only where the command names it, as an argument or an input's value in KFP 2's executor input, and this "
                + "one names it nowhere: if the task's code opens ")
            .append(mount).append(" itself, run with ").append(containers).append(", which mounts the folder there\n");
      }
    }
    return note.length() == 0 ? null : note.toString();
  }

  /**
   * The place here of the container's path {@code path}, through the deepest of {@code mounts} (container path to its file or
   * folder here) that holds it; null when none does. {@code what} names the path in the error that refuses one the container
   * could not mean: a path with a {@code ..} segment, or one that meets a link, on its way from the mount or inside it. A link
   * a container made names a path of its own, which followed here is this machine's: any file its user can read or write. A
   * folder that cannot be looked through for links (a folder in it without read permission) is refused too, naming it.
   */
  static Path hereOf(String path, Map<String, Path> mounts, String what) {
    String mount = null;
    for (String m : mounts.keySet()) {
      if (under(path, withoutSlash(m)) && (mount == null || withoutSlash(m).length() > withoutSlash(mount).length())) {
        mount = m;
      }
    }
    if (mount == null) {
      return null;
    }
    Path here = RunPaths.withoutLinks(mounts.get(mount), path.substring(withoutSlash(mount).length()), segment -> {
      if (segment.equals("..")) {
        throw new WorkflowException(what + " " + path + " has a '..': give the path as it is");
      }
      return segment.isEmpty() || segment.equals(".") ? null : segment;
    }, link -> linkError(what, path, link));
    if (Files.isDirectory(here, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (java.util.stream.Stream<Path> all = Files.walk(here)) { // links not followed
        Path link = all.filter(Files::isSymbolicLink).findFirst().orElse(null);
        if (link != null) {
          throw linkError(what, path, link);
        }
      } catch (IOException e) {
        throw unreadable(what, path, here, e);
      } catch (UncheckedIOException e) { // a folder in it that cannot be listed (no read permission)
        throw unreadable(what, path, here, e.getCause());
      }
    }
    return here;
  }

  /** The error of a path whose folder {@code here} cannot be looked through, for {@code e}: which file, and why. */
  private static WorkflowException unreadable(String what, String path, Path here, IOException e) {
    return new WorkflowException(what + " " + path + " cannot be read: its folder " + here + " cannot be looked through ("
        + FileErrors.why(e) + ")");
  }

  /** The error of a path that meets {@code link} here, naming the link's own name and what it points to. */
  private static WorkflowException linkError(String what, String path, Path link) {
    return new WorkflowException(what + " " + path + " meets a link (" + link.getFileName() + " -> " + RunPaths.linkTarget(link)
        + "), which kfp4j "
        + "does not follow out of a container: here it would lead to this machine's files; write the file itself");
  }

  /**
   * Whether {@code arg}, JSON (KFP 2's executor input, a list or map value), has a value that is {@code mount} or a path under
   * it.
   */
  private static boolean inJson(String arg, String mount) {
    return (arg.startsWith("{") || arg.startsWith("[")) && (arg.contains("\"" + mount + "\"") || arg.contains("\"" + mount + "/"));
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
