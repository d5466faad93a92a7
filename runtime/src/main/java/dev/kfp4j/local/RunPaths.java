package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The one way the runner turns names into paths. Every file or folder it writes, moves or
 * deletes is resolved here: each name is one plain path segment, and the result is proven to
 * stay inside the folder it was resolved against, so no task, output, claim or pipeline name can
 * reach outside the run's folders.
 */
final class RunPaths {
  private static final Pattern OTHER_THAN_FOLDER_CHARACTERS = Pattern.compile("[^A-Za-z0-9._()-]+");
  private static final Set<PosixFilePermission> OWNER_ALL =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private RunPaths() {}

  /** {@code folder/names[0]/names[1]/...}, each name one segment, the result inside {@code folder}. */
  static Path inside(Path folder, String... names) {
    Path base = folder.toAbsolutePath().normalize();
    Path p = base;
    for (String name : names) {
      p = p.resolve(segment(name));
    }
    Path normal = p.normalize();
    if (!normal.startsWith(base) || normal.equals(base)) {
      throw new WorkflowException("'" + String.join("/", names) + "' would be outside " + base);
    }
    return normal;
  }

  /** {@code name} if it is one plain path segment: not empty, not {@code .} or {@code ..}, no separator, no NUL. */
  static String segment(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      throw new WorkflowException("'" + name + "' cannot name a file: a name must be one plain path segment");
    }
    return name;
  }

  /**
   * {@code folder/relative}, for a {@code relative} path of {@code /}-separated plain segments ({@link #segment}: no
   * {@code ..}, not absolute), where nothing below {@code folder} on the way to it, itself included, is a link: so what
   * is read or written there stays inside {@code folder}.
   */
  static Path beneath(Path folder, String relative) {
    return withoutLinks(folder, relative, RunPaths::segment,
        link -> new WorkflowException("'" + relative + "' meets a link at " + link + ", which kfp4j does not follow"));
  }

  /**
   * {@code folder/relative} one {@code /}-separated name at a time, where nothing on the way is a link: the one rule of
   * {@link #beneath} and of a container's path here ({@link ContainerPaths#hereOf}). {@code name} gives what each name
   * resolves to (null: nothing, as {@code .}), or refuses it; {@code linkError} is the error of the first link met.
   */
  static Path withoutLinks(Path folder, String relative, UnaryOperator<String> name, Function<Path, WorkflowException> linkError) {
    Path p = folder;
    for (String n : relative.split("/", -1)) {
      String segment = name.apply(n);
      if (segment != null) {
        p = p.resolve(segment);
        if (Files.isSymbolicLink(p)) {
          throw linkError.apply(p);
        }
      }
    }
    return p;
  }

  /** What the link {@code link} points to, as written, for a message; {@code ?} where it cannot be read. */
  static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  /** The folder name of a task: its id, with each run of other characters than {@code A-Za-z0-9._()-} as {@code _}. */
  static String taskFolder(String taskId) {
    return OTHER_THAN_FOLDER_CHARACTERS.matcher(taskId).replaceAll("_");
  }

  /**
   * Deletes {@code target} and everything in it, if it is inside {@code folder} once links are
   * followed; links in it are deleted, never followed. A folder in it that its owner may not list or
   * change (a task's {@code chmod a-w}, a tool's read-only cache) is given its owner's read, write and
   * search permission first, as {@code rm -rf} cannot do, so that a user other than root can empty
   * it: only folders inside {@code target}, never what a link there points to.
   */
  static void deleteTree(Path folder, Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path realFolder = folder.toRealPath();
    Path realParent = target.toAbsolutePath().getParent().toRealPath();
    if (!realParent.startsWith(realFolder) || !target.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
      throw new IOException("refusing to delete " + target + ": it is not inside " + folder);
    }
    delete(realParent.resolve(target.getFileName()));
  }

  /** Deletes {@code p}: a folder (not a link to one) with what is in it, once its owner may list and change it. */
  private static void delete(Path p) throws IOException {
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isDirectory()) {
      ownerMayChange(p);
      try (DirectoryStream<Path> in = Files.newDirectoryStream(p)) {
        for (Path child : in) {
          delete(child);
        }
      }
    }
    Files.delete(p);
  }

  /**
   * Adds its owner's read, write and search permission to folder {@code dir} where one is missing
   * (POSIX file systems). {@code dir} is a folder, no link, as {@link #delete} has just read it: it
   * is changed by its name (Java's no-follow change opens it first, which a folder without read
   * permission refuses).
   */
  private static void ownerMayChange(Path dir) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    if (!permissions.containsAll(OWNER_ALL)) {
      permissions.addAll(OWNER_ALL);
      Files.setPosixFilePermissions(dir, permissions); // fails, as the deletion would, where this user is not the owner
    }
  }
}
