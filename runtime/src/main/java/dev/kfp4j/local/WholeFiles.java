package dev.kfp4j.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: the text goes to a new file of a unique name beside it, made
 * only if no file, folder or link has that name ({@code O_CREAT|O_EXCL}, so it never replaces or
 * follows anything), which is then moved over the target in one step. On failure the staged file
 * is deleted; the target is as it was.
 */
public final class WholeFiles {
  /** What every staged name ends with, after {@code .<target's name>.}. */
  static final String STAGED = ".partial";

  private WholeFiles() {}

  /** Writes {@code text} (UTF-8) to {@code target}, replacing what was there only once all of it is written. */
  public static void write(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path staged = create(target);
    try {
      try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        out.write(bytes);
      }
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(staged);
      throw e;
    }
  }

  /** Whether {@code name} is one that {@link #write} stages {@code target} under. */
  static boolean isStaged(String name, Path target) {
    return name.startsWith("." + target.getFileName() + ".") && name.endsWith(STAGED);
  }

  /** A new empty file beside {@code target}, of a name nothing had. */
  private static Path create(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path staged = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + STAGED);
      try {
        return Files.createFile(staged);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 9) {
          throw e;
        }
      }
    }
  }
}
