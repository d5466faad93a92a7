package dev.kfp4j.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Java task processes start from a class-data-sharing archive (AppCDS) of the classes a task
 * loads: the first Java subprocess of a classpath writes it at its exit ({@code
 * -XX:ArchiveClassesAtExit}), every later one, in this run and the next, maps it ({@code
 * -XX:SharedArchiveFile}) instead of loading and verifying those classes again. The archive is
 * kept in the runner's {@code .cache/java/} folder under a name made of this JVM's version and
 * installation and each classpath entry's path, size and modification time, so a changed jar gets
 * a new archive rather than a JVM warning. The JVM archives classes from jars only: a classpath
 * where a folder of classes comes before a jar gets no archive (the tasks start as before).
 */
final class JavaStart {
  private final Path archive;
  private final AtomicBoolean writing = new AtomicBoolean();

  private JavaStart(Path archive) {
    this.archive = archive;
  }

  /** The start options of Java tasks on {@code classpath}, their archive kept in {@code cacheDir}. */
  static JavaStart of(Path cacheDir, List<String> classpath) {
    return new JavaStart(archivable(classpath) ? cacheDir.resolve(key(classpath) + ".jsa") : null);
  }

  /**
   * The options to put after {@code java} for one task: map the archive when it is there, else
   * (for one task at a time) write it at the task's end to a file of its own; none when the
   * classpath has no archive or another task is writing it.
   */
  Options options() {
    if (archive == null) {
      return Options.NONE;
    }
    if (Files.isRegularFile(archive)) {
      return new Options(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"), null);
    }
    if (!writing.compareAndSet(false, true)) {
      return Options.NONE;
    }
    try {
      Files.createDirectories(archive.getParent());
      Path partial = Files.createTempFile(archive.getParent(), "writing-", ".jsa");
      Files.delete(partial); // the JVM creates it
      return new Options(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off,cds+dynamic=off"), partial);
    } catch (IOException e) {
      writing.set(false);
      return Options.NONE;
    }
  }

  /** After the task started with {@code options} ended with {@code exitCode}: keeps an archive it wrote whole. */
  void ended(Options options, int exitCode) {
    if (options.written() == null) {
      return;
    }
    try {
      if (exitCode == 0 && Files.isRegularFile(options.written())) {
        Files.move(options.written(), archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(options.written());
      }
    } catch (IOException e) {
      // no archive: the next task tries again
    } finally {
      writing.set(false);
    }
  }

  /** JVM options of one task and the archive it writes (null when it writes none). */
  record Options(List<String> jvm, Path written) {
    static final Options NONE = new Options(List.of(), null);
  }

  /** Whether the JVM can archive the classes of {@code classpath}: no folder of classes before a jar. */
  static boolean archivable(List<String> classpath) {
    boolean folder = false;
    boolean jar = false;
    for (String entry : classpath) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        folder |= !isEmpty(p);
      } else if (Files.isRegularFile(p)) {
        if (folder) {
          return false;
        }
        jar = true;
      }
    }
    return jar;
  }

  private static boolean isEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** A name for the archive of {@code classpath} under this JVM: changes when the JVM or any entry does. */
  private static String key(List<String> classpath) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      StringBuilder s = new StringBuilder(System.getProperty("java.home")).append('\n')
          .append(System.getProperty("java.vm.version")).append('\n');
      for (String entry : classpath) {
        s.append(entry);
        try {
          BasicFileAttributes a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
          s.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
        } catch (IOException e) {
          s.append(" -");
        }
        s.append('\n');
      }
      return HexFormat.of().formatHex(d.digest(s.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
