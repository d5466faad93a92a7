package dev.kfp4j.testing;

import dev.kfp4j.testing.containers.EngineListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tests skipped for want of something outside the JVM ({@link Want}), counted over a launcher session and told in
 * one line a want when the session ends ({@link SkipReport}).
 *
 * <p>Maven runs a module's tests in two JVMs at once (the build's {@code forkCount}), each taking test classes from one
 * queue, so that neither knows the other's count. Given a folder ({@value #DIR_PROPERTY}, the module's {@code
 * target/kfp4j-skipped}) and a name for the build ({@value #RUN_PROPERTY}), each JVM holds a lock on a file of its own
 * there while its session is open, and when it ends writes its counts beside it and lets go. The JVM that ends last,
 * finding no other's file locked, adds up every count of the build, tells the lines and removes the files: one line a
 * want for the module, as one JVM would tell. A JVM that started after the queue ran dry ran nothing and adds nothing.
 * Without the folder (a test run from an IDE) the session tells its own lines.
 */
public final class SkippedTests {
  /** What skipped tests wanted, and how the line says so. */
  public enum Want {
    /** The reference folder {@code ../shared} ({@link SharedListener}); the reasons are what was needed from it. */
    SHARED,
    /** A container engine that runs a container ({@link EngineListener}); the reasons are why none does. */
    ENGINE;

    String line(int skipped, Set<String> reasons) {
      return this == SHARED ? SharedListener.line(skipped, reasons) : EngineListener.line(skipped, reasons);
    }
  }

  /** The folder where a module's test JVMs meet: set by the build. */
  static final String DIR_PROPERTY = "kfp4j.skipped.dir";
  /** The build's name, telling its files from those of a build that was stopped: set by the build. */
  static final String RUN_PROPERTY = "kfp4j.skipped.run";
  /** This JVM's tally, which the listeners JUnit finds add to. */
  static final SkippedTests JVM = new SkippedTests(folder(System.getProperty(DIR_PROPERTY)), System.getProperty(RUN_PROPERTY, ""));

  private final Path dir;
  private final String run;
  private final Map<Want, Integer> counts = new EnumMap<>(Want.class);
  private final Map<Want, Set<String>> reasons = new EnumMap<>(Want.class);
  private int sessions;
  private FileChannel alive;

  /** A tally whose JVMs meet in {@code dir} (null: it tells its own lines), with files named after build {@code run}. */
  SkippedTests(Path dir, String run) {
    this.dir = dir;
    this.run = run.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path folder(String property) {
    return property == null || property.isBlank() ? null : Path.of(property);
  }

  /** Adds {@code skipped} tests that wanted {@code want}, for {@code why}. */
  synchronized void add(Want want, int skipped, Collection<String> why) {
    counts.merge(want, skipped, Integer::sum);
    reasons.computeIfAbsent(want, w -> new TreeSet<>()).addAll(why);
  }

  /** A session opened; the first of nested ones takes this JVM's file in the folder. */
  synchronized void opened() throws IOException {
    if (sessions++ == 0 && dir != null) {
      Files.createDirectories(dir);
      alive = FileChannel.open(file(".alive"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      alive.lock();
    }
  }

  /**
   * A session closed: the lines to tell, none until the outermost session ends, and none where another JVM of the build
   * is still running tests (it tells them).
   */
  synchronized List<String> closed() throws IOException {
    if (--sessions > 0) {
      return List.of();
    }
    if (dir == null || alive == null) {
      return take(this);
    }
    if (!counts.isEmpty()) {
      Path part = file(".part");
      Files.writeString(part, text(), StandardCharsets.UTF_8);
      Files.move(part, file(".tally"), StandardCopyOption.ATOMIC_MOVE);
    }
    counts.clear();
    reasons.clear();
    alive.close(); // lets go of the lock
    alive = null;
    Files.deleteIfExists(file(".alive"));
    try (FileChannel meeting = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = meeting.lock()) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.sorted().toList();
      }
      for (Path f : files) {
        if (f.getFileName().toString().startsWith(run + "-") && f.toString().endsWith(".alive") && lockedElsewhere(f)) {
          return List.of();
        }
      }
      SkippedTests all = new SkippedTests(null, run);
      for (Path f : files) {
        if (f.toString().endsWith(".tally")) {
          if (f.getFileName().toString().startsWith(run + "-")) {
            all.read(Files.readString(f, StandardCharsets.UTF_8));
          }
          Files.delete(f); // another build's, stopped before it told them, are dropped
        }
      }
      return take(all);
    }
  }

  private Path file(String suffix) {
    return dir.resolve(run + "-" + ProcessHandle.current().pid() + suffix);
  }

  private static boolean lockedElsewhere(Path f) throws IOException {
    try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
      FileLock l = c.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (java.nio.file.NoSuchFileException gone) { // its JVM ended meanwhile
      return false;
    }
  }

  private static List<String> take(SkippedTests t) {
    List<String> lines = new ArrayList<>();
    t.counts.forEach((want, n) -> lines.add(want.line(n, t.reasons.get(want))));
    t.counts.clear();
    t.reasons.clear();
    return lines;
  }

  /** The counts as a file holds them: a line {@code WANT COUNT}, then a line a reason, each beginning with a space. */
  private String text() {
    StringBuilder out = new StringBuilder();
    counts.forEach((want, n) -> {
      out.append(want).append(' ').append(n).append('\n');
      reasons.get(want).forEach(r -> out.append(' ').append(r.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
    });
    return out.toString();
  }

  private void read(String text) {
    Want want = null;
    for (String line : text.split("\n")) {
      if (line.startsWith(" ")) {
        String r = line.substring(1).replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
        add(want, 0, List.of(r));
      } else if (!line.isEmpty()) {
        String[] p = line.split(" ");
        want = Want.valueOf(p[0]);
        add(want, Integer.parseInt(p[1]), List.of());
      }
    }
  }
}
