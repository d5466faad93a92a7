package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file's size and modification time, as part of a key that changes when the file does (archives' names, the cache's code stamp). */
final class FileStamp {
  private FileStamp() {}

  /** Appends {@code file}'s size and modification time, or {@code -} when it cannot be read, and a new line. */
  static void append(StringBuilder s, Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      s.append(" -\n");
      return;
    }
    append(s, a);
  }

  /** Appends the size and modification time of {@code a}, a file's attributes already read, and a new line. */
  static void append(StringBuilder s, BasicFileAttributes a) {
    s.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\n');
  }
}
