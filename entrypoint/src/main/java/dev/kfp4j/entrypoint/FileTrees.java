package dev.kfp4j.entrypoint;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Copies a file, or a folder with everything in it, to a new place: an output artifact a KFP v1
 * component wrote at its custom path, copied to the file Argo collects; and in the local runner
 * an importer's source copied into the run, and an artifact taken from the place a KFP 2 executor
 * output gives it. Public for the local runner; JDK only, as everything in a component's image.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Copies the file or folder {@code from} to {@code to}, which does not exist yet, its parent
   * folders made. A folder is copied with everything in it, links followed: a link is copied as
   * what it points to, so a linked folder brings its files. Nothing is replaced or merged: an
   * existing {@code to} (a link too) fails the copy before anything is written, so a copy never
   * writes through a link at its place nor mixes with what was there. What a folder holds is
   * listed before anything is written, so copying a folder into a place inside it ends.
   *
   * @throws FileAlreadyExistsException when {@code to} exists
   * @throws java.nio.file.FileSystemLoopException when a link in {@code from} leads to a folder
   *     that holds it
   * @throws IOException when {@code from} cannot be read (a broken link) or {@code to} written;
   *     what was copied until then stays, for the caller to discard
   */
  public static void copy(Path from, Path to) throws IOException {
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(to.toString(), null, "the copy of " + from + " would replace it");
    }
    List<Path> all = Files.isDirectory(from) ? list(from) : List.of(from);
    Path parent = to.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    for (Path p : all) {
      Path target = p.equals(from) ? to : to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectory(target);
      } else {
        Files.copy(p, target); // what a link points to
      }
    }
  }

  /** The folder {@code from} and everything in it, links followed, each folder before what it holds. */
  private static List<Path> list(Path from) throws IOException {
    List<Path> all = new ArrayList<>();
    Files.walkFileTree(from, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        all.add(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        all.add(file);
        return FileVisitResult.CONTINUE;
      }
    });
    return all;
  }
}
