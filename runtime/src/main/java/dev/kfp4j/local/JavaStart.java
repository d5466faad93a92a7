package dev.kfp4j.local;

import dev.kfp4j.spec.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Java task processes start from a class-data-sharing archive (AppCDS) of the classes a task loads:
 * the first Java subprocess of a classpath lists the classes it loads ({@code
 * -XX:DumpLoadedClassList}); once it ended well, {@code java -Xshare:dump} writes a static archive
 * of them, which every later task, in this run and the next, maps ({@code -XX:SharedArchiveFile})
 * instead of loading and verifying those classes again. Static, not a dynamic archive written at
 * the first task's exit ({@code -XX:ArchiveClassesAtExit}, as before): a dynamic archive sits on
 * the JDK's default one, which the JVM maps at a random address and so rewrites whole at every
 * start; an archive of only what a task loads is half its size (a task's CPU time 0.17 s against
 * 0.21 s, bench/results.md section 3s). The archive is kept in the runner's {@code .cache/java/}
 * folder under a name made of the tasks' JVM (its home, and its class image's size and modification
 * time) and each classpath entry's path, size and modification time, so a changed jar or JDK gets a
 * new archive rather than a JVM warning; the folder keeps the {@value #KEPT} archives used last (a
 * run touches the one it maps), so rebuilding a jar again and again does not fill the disk with
 * archives no classpath matches any more. The JVM archives classes from jars only: a classpath
 * where a folder of classes comes before a jar gets no archive (the tasks start as before). An
 * archive is kept only once the JVM has mapped it: a JVM may write one it then refuses for the same
 * classpath (JDK 25 does when a folder of classes comes after the jars), and a task given an
 * archive its JVM refuses starts without any, not even the JDK's own, slower than with none given.
 * Then the cache keeps a mark ({@code .refused}) in its place, so that later runs start their tasks
 * as usual without listing and dumping again. The archive holds the classes of a JVM started ahead
 * too ({@link Prestarts}), which would otherwise open the jars to load them.
 */
final class JavaStart {
  /** How many archives and marks the cache folder keeps: those used last. */
  static final int KEPT = 4;
  /** The length of an archive's name before its suffix: hexadecimal digits of the classpath's key. */
  private static final int KEY = 24;
  private static final String ARCHIVE = ".jsa";
  /** The suffix of the mark left where the JVM refused the archive it wrote. */
  static final String REFUSED = ".refused";
  /**
   * How a class list's name starts, then its runner's process id ({@link #sweep}); a partial archive's name is {@value
   * #PARTIAL} and its list's.
   */
  private static final String LIST = "loading-";
  private static final String PARTIAL = "writing-";
  /** Keeps the JVM's messages about its archive out of a task's log. */
  private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

  private final Path archive;
  private final Path refused;
  private final String classpath;
  private final String javaCommand;
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicBoolean touched = new AtomicBoolean();

  private JavaStart(Path cacheDir, String key, String classpath, Path javaHome) {
    this.archive = key == null ? null : cacheDir.resolve(key + ARCHIVE);
    this.refused = key == null ? null : cacheDir.resolve(key + REFUSED);
    this.classpath = classpath;
    this.javaCommand = javaHome.resolve("bin").resolve("java").toString();
  }

  /** The start options of Java tasks on {@code classpath} (this JVM's java), their archive kept in {@code cacheDir}. */
  static JavaStart of(Path cacheDir, List<String> classpath) {
    return of(cacheDir, classpath, Path.of(System.getProperty("java.home")));
  }

  /** The same for tasks started by the {@code java} of the JDK at {@code javaHome}. */
  static JavaStart of(Path cacheDir, List<String> classpath, Path javaHome) {
    return new JavaStart(cacheDir, archivable(classpath) ? key(classpath, javaHome) : null,
        String.join(java.io.File.pathSeparator, classpath), javaHome);
  }

  /**
   * The options to put after {@code java} for one task: map the archive when it is there, else
   * (for one task at a time) list the classes the task loads, for {@link #ended} to archive; none
   * when the classpath has no archive or another task is listing them.
   */
  Options options() {
    if (archive == null) {
      return Options.NONE;
    }
    if (Files.isRegularFile(archive)) {
      return mapping();
    }
    if (isRefused() || !writing.compareAndSet(false, true)) {
      return Options.NONE;
    }
    try {
      Files.createDirectories(archive.getParent());
      sweep(archive.getParent());
      Path list = Files.createTempFile(archive.getParent(), LIST + Owners.current() + "-", ".classlist");
      return new Options(List.of("-XX:DumpLoadedClassList=" + list), list);
    } catch (IOException e) {
      writing.set(false);
      return Options.NONE;
    }
  }

  /**
   * The options of a JVM started ahead of its task ({@link Prestarts}): those {@link #options}
   * gives once the archive is written, or none when the classpath has no archive; null while its
   * archive is not written yet (the first task lists its classes, as a task started as usual).
   */
  Options ahead() {
    if (archive == null) {
      return Options.NONE;
    }
    if (Files.isRegularFile(archive)) {
      return mapping();
    }
    return isRefused() ? Options.NONE : null;
  }

  private Options mapping() {
    touch(archive);
    return new Options(List.of("-XX:SharedArchiveFile=" + archive, QUIET), null);
  }

  /** Whether the JVM refused the archive it wrote of this classpath (its mark is then kept as used). */
  private boolean isRefused() {
    if (!Files.isRegularFile(refused)) {
      return false;
    }
    touch(refused);
    return true;
  }

  /** Marks {@code file} used now, once a run, so that {@link #prune} keeps it. */
  private void touch(Path file) {
    if (touched.compareAndSet(false, true)) {
      try {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      } catch (IOException e) {
        // not this user's file: its time stays
      }
    }
  }

  /**
   * After the task started with {@code options} ended with {@code exitCode}: when it listed its
   * classes and ended well, writes their archive (a few seconds, once per classpath), kept only
   * when the JVM wrote it whole and then maps it for this classpath; when it does not, the mark
   * that it refused it. Those JVMs run in {@code groups}, and are stopped with the runner ({@link ArchiveWriting}).
   */
  void ended(Options options, int exitCode, ProcessGroups groups) {
    if (options.written() == null) {
      return;
    }
    Path partial = archive.resolveSibling(PARTIAL + options.written().getFileName() + ".jsa");
    ArchiveWriting w = new ArchiveWriting(groups, partial, options.written());
    try {
      if (exitCode == 0 && Files.size(options.written()) > 0 && w.watched()) {
        addAhead(options.written());
        if (dump(w, options.written(), partial)) {
          if (maps(w, partial)) {
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } else {
            Files.write(refused, new byte[0]);
          }
          prune(archive.getParent());
        }
      }
    } catch (IOException e) {
      // no archive: the next task tries again
    } finally {
      w.close();
      writing.set(false);
    }
  }

  /**
   * Deletes the class lists and partial archives in {@code dir} of runners that are gone: a runner stopped while its first
   * Java task listed its classes, or killed ({@code kill -9}) while the JVM wrote their archive, left them, never read
   * again. Those of a runner still running are its own.
   */
  private static void sweep(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        String list = name.startsWith(PARTIAL) ? name.substring(PARTIAL.length()) : name;
        if (list.startsWith(LIST) && !Owners.alive(list)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // left for the next run that lists classes
    }
  }

  /**
   * Deletes the archives and marks of {@code dir} beyond the {@value #KEPT} used last (by
   * modification time, which a run sets on the one it uses); files of other names are never
   * touched. A JVM that has mapped a deleted archive keeps it; one started on it later starts
   * without (the next task writes it again).
   */
  static void prune(Path dir) {
    List<Path> archives;
    try (Stream<Path> files = Files.list(dir)) {
      archives = files.filter(JavaStart::isKept).toList();
    } catch (IOException e) {
      return;
    }
    if (archives.size() <= KEPT) {
      return;
    }
    Map<Path, Long> times = new HashMap<>();
    for (Path a : archives) {
      try {
        times.put(a, Files.getLastModifiedTime(a).toMillis());
      } catch (IOException e) {
        times.put(a, Long.MAX_VALUE); // gone or unreadable: not deleted here
      }
    }
    List<Path> oldestLast = archives.stream()
        .sorted(Comparator.comparing((Path a) -> times.get(a)).reversed().thenComparing(Path::toString)).toList();
    for (Path a : oldestLast.subList(KEPT, oldestLast.size())) {
      try {
        Files.deleteIfExists(a);
      } catch (IOException e) {
        // another user's file: left
      }
    }
  }

  /** An archive or a mark as {@link #of} names them: 24 hexadecimal digits, then {@value #ARCHIVE} or {@value #REFUSED}. */
  static boolean isKept(Path p) {
    String name = p.getFileName().toString();
    if (!(name.length() == KEY + ARCHIVE.length() && name.endsWith(ARCHIVE)
        || name.length() == KEY + REFUSED.length() && name.endsWith(REFUSED))) {
      return false;
    }
    for (int i = 0; i < KEY; i++) {
      if (Character.digit(name.charAt(i), 16) < 0 || Character.isUpperCase(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Adds to the class list {@code list} the classes a JVM started ahead loads beyond its task's ({@link Prestarts#CLASSES}). */
  private static void addAhead(Path list) throws IOException {
    Files.writeString(list, String.join("\n", Prestarts.CLASSES) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }

  /** {@code java -Xshare:dump} of the classes listed in {@code list}, to {@code to}: whether it wrote it. */
  private boolean dump(ArchiveWriting w, Path list, Path to) throws IOException {
    return w.succeeds(javaCommand, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + to, "-cp",
        classpath) && Files.isRegularFile(to);
  }

  /** Whether a JVM on this classpath maps {@code archive} ({@code -Xshare:on} fails when it does not). */
  private boolean maps(ArchiveWriting w, Path archive) throws IOException {
    return w.succeeds(javaCommand, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, QUIET, "-cp", classpath, "-version");
  }

  /** JVM options of one task and the class list it writes (null when it writes none). */
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

  /**
   * A name for the archive of {@code classpath} under the JVM of {@code javaHome}: changes when the
   * JVM (its home, or its class image {@code lib/modules}, which every build of a JDK rewrites) or
   * any entry does.
   */
  private static String key(List<String> classpath, Path javaHome) {
    StringBuilder s = new StringBuilder("static\n").append(javaHome);
    FileStamp.append(s, javaHome.resolve("lib").resolve("modules"));
    for (String entry : classpath) {
      FileStamp.append(s.append(entry), Path.of(entry));
    }
    return Sha256.hexOf(s.toString()).substring(0, KEY);
  }
}
