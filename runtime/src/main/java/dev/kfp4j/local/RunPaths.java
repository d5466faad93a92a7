package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The one way the runner turns names into paths. Every file or folder it writes, moves or
 * deletes is resolved here: each name is one plain path segment, and the result is proven to
 * stay inside the folder it was resolved against, so no task, output, claim or pipeline name can
 * reach outside the run's folders.
 */
final class RunPaths {
  private static final Pattern OTHER_THAN_FOLDER_CHARACTERS = Pattern.compile("[^A-Za-z0-9._()-]+");

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

  /** The folder name of a task: its id, with each run of other characters than {@code A-Za-z0-9._()-} as {@code _}. */
  static String taskFolder(String taskId) {
    return OTHER_THAN_FOLDER_CHARACTERS.matcher(taskId).replaceAll("_");
  }

  /**
   * Deletes {@code target} and everything in it, if it is inside {@code folder} once links are
   * followed; links in it are deleted, never followed.
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
    Files.walkFileTree(realParent.resolve(target.getFileName()), new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
