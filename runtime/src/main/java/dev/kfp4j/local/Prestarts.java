package dev.kfp4j.local;

import dev.kfp4j.entrypoint.Prestart;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Java task processes started ahead, while the tasks they wait for still run, so that a task
 * ready to run has its JVM started already. A JVM started for task {@code id} runs {@link Prestart}
 * on the runner's classpath, from the class-data archive, in the task's folder, with the task's
 * environment: it loads the task's main class and waits for its arguments on standard input;
 * until then its output waits in its pipe, copied to the task's log from when the task runs. The task
 * takes it ({@link #take}) when its launch is the one foreseen, for its first attempt, its timeout
 * counted from then; else, and when the task does not run (skipped, cached, its upstream failed,
 * the run ended), it is stopped, and the task's folder removed when it was made for
 * it and is empty ({@link #discard}). At most {@code most} wait for a task that has not started.
 * Only where task processes run as process groups ({@link ProcessGroups#supported}): they die
 * with the runner; and only on a classpath that holds {@link Prestart} (kfp4j's entrypoint module).
 */
final class Prestarts implements Closeable {
  /**
   * The classes a JVM started ahead loads beyond those of its task, for the class-data archive
   * ({@link JavaStart}): without them there, it opens the classpath's jars (12 ms of CPU more than
   * a task started as usual, against 2 ms). A name this JVM lacks is skipped.
   */
  static final List<String> CLASSES = List.of("dev/kfp4j/entrypoint/Prestart", "java/lang/reflect/InvocationTargetException",
      "java/io/DataInputStream", "java/nio/charset/StandardCharsets", "sun/nio/cs/US_ASCII", "sun/nio/cs/ISO_8859_1",
      "sun/nio/cs/UTF_16BE", "sun/nio/cs/UTF_16LE", "sun/nio/cs/UTF_16");

  /** The most bytes of framed arguments written to a JVM's standard input at once: well within what a pipe holds. */
  private static final int INLINE = 16 * 1024;

  private final SubprocessLauncher subprocess;
  private final JavaStart start;
  private final String java;
  private final String classpath;
  private final int most;
  private final Executor starter;
  private final Map<String, Ahead> ahead = new HashMap<>();
  /** What waits for a task to launch its process, by the task's id ({@link #whenLaunched}). */
  private final Map<String, Runnable> onLaunch = new HashMap<>();
  private boolean closed;
  private Boolean onClasspath;

  /**
   * {@code java} and {@code classpath}: how Java tasks start; {@code starter}: where processes are
   * started, off the caller's thread.
   */
  Prestarts(SubprocessLauncher subprocess, JavaStart start, String java, String classpath, int most, Executor starter) {
    this.subprocess = subprocess;
    this.start = start;
    this.java = java;
    this.classpath = classpath;
    this.most = most;
    this.starter = starter;
  }

  /** A JVM started ahead of its task, or starting. */
  private static final class Ahead {
    final Prelaunch foreseen;
    final CompletableFuture<Process> process = new CompletableFuture<>();
    /** Whether the task's folder was made for it. */
    volatile boolean madeDir;
    /** Whether its task started, so it no longer counts against the bound. */
    boolean claimed;

    Ahead(Prelaunch foreseen) {
      this.foreseen = foreseen;
    }
  }

  /** Starts task {@code id}'s JVM ahead as {@code foreseen}; false when it is not (one is, too many wait, no archive yet). */
  boolean offer(String id, Prelaunch foreseen) {
    JavaStart.Options options = start.ahead();
    if (options == null || !onClasspath()) {
      return false;
    }
    Ahead a = new Ahead(foreseen);
    synchronized (this) {
      if (closed || ahead.containsKey(id) || ahead.values().stream().filter(w -> !w.claimed).count() >= most) {
        return false;
      }
      ahead.put(id, a);
    }
    try {
      starter.execute(() -> {
        try {
          a.process.complete(startJvm(a, options));
        } catch (IOException | RuntimeException e) {
          a.process.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) { // the run is ending
      a.process.completeExceptionally(e);
    }
    return true;
  }

  /** Whether the tasks' classpath holds {@link Prestart} (a classpath of the user's may not): found once. */
  private synchronized boolean onClasspath() {
    if (onClasspath == null) {
      List<URL> urls = new ArrayList<>();
      for (String entry : classpath.split(File.pathSeparator)) {
        try {
          urls.add(Path.of(entry).toUri().toURL());
        } catch (MalformedURLException | InvalidPathException e) {
          // not an entry the JVM finds classes in either
        }
      }
      try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
        onClasspath = loader.findResource(Prestart.class.getName().replace('.', '/') + ".class") != null;
      } catch (IOException e) {
        onClasspath = false;
      }
    }
    return onClasspath;
  }

  private Process startJvm(Ahead a, JavaStart.Options options) throws IOException {
    Path dir = a.foreseen.dir();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      a.madeDir = true;
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options.jvm());
    command.addAll(TaskTemp.jvm(a.foreseen.env(), a.foreseen.tmp()));
    command.add("-cp");
    command.add(classpath);
    command.add(Prestart.class.getName());
    command.add(a.foreseen.javaMain());
    ProcessBuilder pb = subprocess.builder(command, a.foreseen.env(), dir, a.foreseen.tmp());
    return subprocess.groups().start(pb);
  }

  /**
   * Runs {@code then} when task {@code id} launches its process ({@link #launching}), once; never
   * when the task does not (taken from the cache, skipped, failed before): a task whose outputs come
   * from the cache likely has the tasks after it come from the cache too, and their JVMs would
   * start for nothing.
   */
  synchronized void whenLaunched(String id, Runnable then) {
    if (!closed) {
      onLaunch.put(id, then);
    }
  }

  /** Task {@code id} launches its process (any command, each attempt): what waited for that runs, the first time. */
  void launching(String id) {
    Runnable then;
    synchronized (this) {
      then = onLaunch.remove(id);
    }
    if (then != null) {
      then.run();
    }
  }

  /** Task {@code id} started: its JVM, if one waits for it, no longer counts against the bound. */
  synchronized void claim(String id) {
    Ahead a = ahead.get(id);
    if (a != null) {
      a.claimed = true;
    }
  }

  /**
   * The JVM started ahead for task {@code id}, given {@code arguments} and running as {@code
   * launch}, its output now the log; null when there is none or it is not as foreseen (then it is
   * stopped) or it is not the first attempt: the task starts as usual.
   */
  Process take(String id, Launcher.Launch launch, String main, List<String> arguments) {
    Ahead a;
    synchronized (this) {
      a = ahead.remove(id);
    }
    if (a == null) {
      return null;
    }
    Process p = started(a);
    if (p == null || launch.attempt() != 1 || !a.foreseen.foresaw(launch, main) || !p.isAlive()) {
      stop(a, p, false);
      return null;
    }
    try {
      Files.createDirectories(launch.tmp()); // foreseen: the task's, which its attempt starts without
      ByteArrayOutputStream framed = new ByteArrayOutputStream();
      Prestart.write(arguments, framed);
      if (framed.size() <= INLINE) {
        try (OutputStream in = p.getOutputStream()) {
          framed.writeTo(in);
        }
      } else {
        handOver(framed, p); // more than a pipe holds: not to wait here, outside the task's timeout, for its JVM to read them
      }
      return p;
    } catch (IOException e) {
      stop(a, p, false); // it starts as usual, its log afresh
      return null;
    }
  }

  /** Writes {@code framed} to {@code p}'s standard input from a thread of its own, and closes it. */
  private static void handOver(ByteArrayOutputStream framed, Process p) {
    Thread t = new Thread(() -> {
      try (OutputStream in = p.getOutputStream()) {
        framed.writeTo(in);
      } catch (IOException e) {
        // the process ended (stopped, or timed out) before it read them all
      }
    }, "kfp4j-task-arguments");
    t.setDaemon(true);
    t.start();
  }

  /** Task {@code id} ended or will not run: the JVM started ahead for it, if any, is stopped and leaves nothing. */
  void discard(String id) {
    Ahead a;
    synchronized (this) {
      onLaunch.remove(id);
      a = ahead.remove(id);
    }
    if (a != null) {
      stop(a, started(a), true);
    }
  }

  private static Process started(Ahead a) {
    try {
      return a.process.join();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Stops {@code p} (null: it did not start) and removes its output file, and with {@code tidy} the folder made for it if empty. */
  private void stop(Ahead a, Process p, boolean tidy) {
    if (p != null) {
      subprocess.groups().stop(p);
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      subprocess.groups().ended(p);
      try {
        p.getOutputStream().close();
        p.getInputStream().close();
      } catch (IOException e) {
        // gone with the process
      }
    }
    try {
      if (tidy && a.madeDir) {
        Files.deleteIfExists(a.foreseen.dir());
      }
    } catch (DirectoryNotEmptyException e) {
      // the task's folder holds what else was put there: kept
    } catch (IOException e) {
      // a leftover in the run's folder
    }
  }

  /** Stops every JVM still waiting. */
  @Override
  public void close() {
    List<String> ids;
    synchronized (this) {
      closed = true;
      onLaunch.clear();
      ids = new ArrayList<>(ahead.keySet());
    }
    ids.forEach(this::discard);
  }
}
