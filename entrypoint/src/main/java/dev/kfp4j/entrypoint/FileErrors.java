package dev.kfp4j.entrypoint;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A local file that could not be read, written or made, in a few words, as the runner (its run folder), the {@code kfp4j}
 * command (any file it reads or writes), the component sources and MLflow's steps (an artifact they upload) say it. JDK only,
 * in kfp4j-entrypoint, so that each of them can.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * A file standing where {@code e} needed a folder ({@code /a is a file, not a folder}): the one
   * named when it was to be a folder, else one above it; null when none does.
   */
  public static String fileInTheWay(FileSystemException e) {
    Path named = Path.of(e.getFile());
    for (Path p = e instanceof FileAlreadyExistsException ? named : named.getParent(); p != null && !Files.isDirectory(p);
        p = p.getParent()) {
      if (Files.exists(p)) {
        return p + " is a file, not a folder";
      }
    }
    return null;
  }

  /** What else {@code e} says: {@code no such file or folder}, {@code permission denied}, or what the system said. */
  public static String reason(FileSystemException e) {
    return e instanceof NoSuchFileException ? "no such file or folder"
        : e instanceof AccessDeniedException ? "permission denied"
        : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }

  /**
   * {@link #reason(FileSystemException)} of any I/O error: a write's own (a full disk, {@code No space left on device}) names no
   * file and is no {@link FileSystemException}, its message is what the system said.
   */
  public static String reason(java.io.IOException e) {
    return e instanceof FileSystemException f ? reason(f) : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * {@code e}, met writing the runner's file {@code file}, as thrown where no {@link java.io.IOException} may be: {@code cannot
   * write FILE: REASON}, its cause a {@link FileSystemException} naming the file with the {@link #reason} (a write's own error, a
   * full disk's, names none), so that the {@code kfp4j} command says it as every local file error.
   */
  public static java.io.UncheckedIOException unwritten(Path file, java.io.IOException e) {
    String reason = reason(e);
    FileSystemException f = new FileSystemException(file.toString(), null, reason);
    f.initCause(e);
    return new java.io.UncheckedIOException("cannot write " + file + ": " + reason, f);
  }

  /**
   * An I/O error in a few words: the file in its way ({@code /a/b is a file, not a folder}), else the file it names and its
   * {@link #reason(java.io.IOException) reason}, else its reason alone.
   */
  public static String why(java.io.IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String inTheWay = fileInTheWay(f);
      return inTheWay != null ? inTheWay : f.getFile() + ": " + reason(f);
    }
    return reason(e);
  }

  /**
   * {@link #why(java.io.IOException)} of {@code e}, met reading or writing {@code named}, for a message that names that file
   * already: its reason alone when {@code e} names that file ({@code cannot read /a: permission denied}, not {@code cannot
   * read /a: /a: permission denied}).
   */
  public static String why(Path named, java.io.IOException e) {
    String why = why(e);
    String again = named + ": ";
    return why.startsWith(again) ? why.substring(again.length()) : why;
  }

  /**
   * What went wrong, in words: an I/O error as {@link #why(java.io.IOException)} says it, or, thrown unchecked ({@link
   * java.io.UncheckedIOException}), as its own message says it where kfp4j wrote one ({@code cannot write FILE: REASON}),
   * else as the error it wraps; any other, a fault of kfp4j's own, as Java names it, for a report.
   */
  public static String problem(Throwable t) {
    if (t instanceof java.io.UncheckedIOException u) {
      String own = u.getMessage();
      return own != null && !own.equals(String.valueOf(u.getCause())) ? own : why(u.getCause());
    }
    return t instanceof java.io.IOException e ? why(e) : t.toString();
  }
}
