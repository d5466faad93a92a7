package dev.kfp4j.local;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Task processes never outlive the runner. Where util-linux's {@code setsid} is found (Linux),
 * each task starts as a process group of its own, and a small shell watches the groups: the
 * runner tells it each group as it starts and ends, and when the runner's end of its pipe closes
 * (this JVM ended, however: {@code kill -9} too) it kills every group still running. A group is
 * killed whole when its task ends or times out, so detached grandchildren ({@code (sleep 9 &)})
 * go with it. Elsewhere a task's process and its descendants are stopped instead.
 *
 * <p>No task runs unwatched: a task process runs its command only once the watcher has been told
 * its group ({@link #GATE}), so one started as the runner is killed ends without running it; and
 * the watcher kills each group's first process by its number too, for a runner killed after it
 * told the watcher but before that process made its group.
 */
final class ProcessGroups implements Closeable {
  private static final String SH = find("sh");
  /** util-linux's {@code setsid}, where it and a shell are found (Linux); null elsewhere. */
  private static final String SETSID = SH == null ? null : find("setsid");
  /**
   * Reads {@code + PGID} (watch) and {@code - PGID} (kill, forget) lines; kills what is left at the
   * end of its input, each group and its first process.
   */
  static final String WATCHER = String.join("\n",
      "trap '' INT TERM HUP QUIT PIPE",
      "groups=' '",
      "while read -r op g; do",
      "  case $op in",
      "    +) groups=\"$groups$g \" ;;",
      "    -) kill -s KILL -- \"-$g\" 2>/dev/null",
      "       case $groups in *\" $g \"*) groups=\"${groups%% $g *} ${groups#* $g }\" ;; esac ;;",
      "  esac",
      "done",
      "for g in $groups; do kill -s KILL -- \"-$g\" \"$g\" 2>/dev/null; done",
      "");
  /**
   * What a task process runs first, in its group ({@code sh -c GATE kfp4j-task COMMAND...}): it
   * waits for a line on its standard input, which {@link #start} writes once the watcher has been
   * told the group, then becomes the command; at the end of its input instead (the runner died
   * first) it ends.
   */
  static final String GATE = "read -r _ || exit 1; exec \"$@\"";

  private final Set<Process> live = ConcurrentHashMap.newKeySet();
  /** The output of each process started, as {@link OutputPump#ownEnd} opened it, until {@link #output} takes it. */
  private final Map<Process, InputStream> outputs = new ConcurrentHashMap<>();
  private final Thread hook = new Thread(this::stopAll, "kfp4j-stop-tasks");
  /** Starts share it; {@link #stopAll} takes it alone, so no process starts unwatched while all are stopped. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean stopping;
  private Process watcher;
  private Writer toWatcher;

  ProcessGroups() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether tasks run as process groups that die with the runner. */
  static boolean supported() {
    return SETSID != null;
  }

  /** {@code command}, started as a process group of its own where that is supported. */
  List<String> command(List<String> command) {
    if (SETSID == null) {
      return command;
    }
    List<String> out = new ArrayList<>(command.size() + 5);
    out.addAll(List.of(SETSID, SH, "-c", GATE, "kfp4j-task"));
    out.addAll(command);
    return out;
  }

  /**
   * Starts {@code pb} (its command made by {@link #command}) and watches the process: it dies with
   * this JVM. Its command runs once the watcher has been told ({@link #GATE}). A runner stopped while
   * a process starts stops it too: {@link #stopAll} waits for the starts under way to be watched,
   * and a start after it stops its process at once.
   */
  Process start(ProcessBuilder pb) throws IOException {
    lifecycle.readLock().lock();
    try {
      Process p = pb.start();
      live.add(p);
      if (SETSID != null) {
        tell("+ " + p.pid());
      }
      if (stopping) {
        stop(p);
      } else if (SETSID != null) {
        InputStream own = OutputPump.ownEnd(p); // while it waits at its gate: its output is the pipe it was given
        if (own != null) {
          outputs.put(p, own);
        }
        release(p);
      }
      return p;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Lets {@code p}, waiting at its {@link #GATE}, run its command. */
  private static void release(Process p) {
    try {
      p.getOutputStream().write('\n');
      p.getOutputStream().flush();
    } catch (IOException e) {
      // it ended already
    }
  }

  /**
   * The output (stdout and stderr) of {@code p}, started by {@link #start}, to read: a stream that closing stops a read
   * waiting on it ({@link OutputPump#ownEnd}) where one could be opened, else {@code p}'s own.
   */
  InputStream output(Process p) {
    InputStream own = outputs.remove(p);
    return own != null ? own : p.getInputStream();
  }

  /** Closes {@code p}'s output if {@link #output} did not take it: no stream is left open for a process no task ran. */
  private void dropOutput(Process p) {
    InputStream own = outputs.remove(p);
    if (own != null) {
      try {
        own.close();
      } catch (IOException e) {
        // gone with the process
      }
    }
  }

  /** Stops {@code p} and everything it started, now. */
  void stop(Process p) {
    dropOutput(p);
    if (SETSID != null) {
      tell("- " + p.pid());
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** {@code p} ended: whatever it left running in its group is stopped too, as a container's end stops it. */
  void ended(Process p) {
    live.remove(p);
    dropOutput(p);
    if (SETSID != null) {
      tell("- " + p.pid());
    }
  }

  private synchronized void tell(String line) {
    try {
      if (watcher == null) {
        watcher = new ProcessBuilder("sh", "-c", WATCHER, "kfp4j-watch").redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toWatcher = new OutputStreamWriter(watcher.getOutputStream(), StandardCharsets.US_ASCII);
      }
      toWatcher.write(line + "\n");
      toWatcher.flush();
    } catch (IOException e) {
      // no watcher: stop() still stops a task's process tree, and close() every live task
    }
  }

  private void stopAll() {
    lifecycle.writeLock().lock(); // the starts under way are watched once it is held
    try {
      stopping = true;
    } finally {
      lifecycle.writeLock().unlock();
    }
    live.forEach(this::stop);
    synchronized (this) {
      if (toWatcher != null) {
        try {
          toWatcher.close(); // the watcher kills what is left, then ends
        } catch (IOException e) {
          // it ends with this JVM anyway
        }
      }
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // the JVM is stopping: the hook runs
    }
  }

  /**
   * Stops a task process that an earlier runner started ({@code pid}, started at {@code startMillis}) and that outlived it,
   * with its group, and waits until it is gone. A process that now has that pid but started at another time ({@link
   * Owners#startedAt}), or whose start is unknown, is not touched, nor is a group whose first process is gone (its number
   * may be another's by now).
   */
  static void stopLeftover(long pid, long startMillis) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(h -> h.isAlive() && Owners.startedAt(h, startMillis));
    if (handle.isEmpty()) {
      return;
    }
    if (SETSID != null) {
      try {
        new ProcessBuilder("sh", "-c", "kill -s KILL -- \"-$0\" 2>/dev/null", Long.toString(pid))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // then stop the process tree below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ProcessHandle h = handle.get();
    h.descendants().forEach(ProcessHandle::destroyForcibly);
    h.destroyForcibly();
    try {
      h.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // gone or going
    }
  }

  /** When {@code p} started, in milliseconds since the epoch, or -1 if unknown. */
  static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  private static String find(String program) {
    String path = System.getenv("PATH");
    if (path == null || !System.getProperty("os.name", "").startsWith("Linux")) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(p) && p.isAbsolute()) {
        return p.toString();
      }
    }
    return null;
  }
}
