package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a component's {@code System.exit} does to an in-process run. Java cannot stop it: it would
 * end the runner's JVM, and with it the run, without a word and with the component's exit code,
 * 0 included, which a script takes for a run that succeeded. A shutdown hook finds the task whose
 * thread called it, or the run a thread started by one of its tasks belongs to (the run's threads
 * are in a {@link ThreadGroup} of its own, which threads they start inherit), says so in the
 * tasks' logs and on standard error (what to do instead), and ends the JVM with exit code 1, a
 * failed run's. The run folder is left as a killed runner leaves it. A JVM that ends otherwise
 * (Ctrl-C, the runner's own exit, a thread of no run) is left alone. {@code Runtime.halt} runs no
 * hook, so nothing can say anything about it.
 */
final class ExitWatch {
  /** In-process tasks running now, by the thread that runs each. */
  private static final Map<Thread, TaskLog> RUNNING = new ConcurrentHashMap<>();
  /** The thread groups of runs going on now. */
  private static final Set<ThreadGroup> RUNS = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private ExitWatch() {}

  /** A thread group for a run's threads, watched until {@link #runEnded}. */
  static ThreadGroup runStarted(String runId) {
    ThreadGroup group = new ThreadGroup("kfp4j-run-" + runId);
    RUNS.add(group);
    return group;
  }

  static void runEnded(ThreadGroup group) {
    RUNS.remove(group);
  }

  /** The current thread runs the in-process task of {@code log} until {@link #ended()}. */
  static void running(TaskLog log) {
    if (HOOKED.compareAndSet(false, true)) {
      // made by a task's thread: not inheriting its routing of System.err to the task's log (TaskOutput)
      Runtime.getRuntime().addShutdownHook(new Thread(null, ExitWatch::exiting, "kfp4j-exit-watch", 0, false));
    }
    RUNNING.put(Thread.currentThread(), log);
  }

  static void ended() {
    RUNNING.remove(Thread.currentThread());
  }

  /** Whether the JVM is ending because an in-process task's thread, or one it started, called {@code System.exit}. */
  static boolean componentExits() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (callsExit(t) && (RUNNING.containsKey(t) || run(t) != null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the JVM is ending (Ctrl-C, a kill, an exit): its shutdown hooks stop the run's task processes, so a task that
   * ended now was stopped, and did not fail. The JDK refuses a new hook once its shutdown has begun, whichever hook runs first.
   */
  static boolean jvmEnding() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException ending) {
      return true;
    }
  }

  /**
   * Waits for the JVM to end, without returning: a task stopped by the JVM's end records and prints nothing, so the run folder
   * shows it as interrupted, as the runner's own note says, and {@code --resume} runs it again.
   */
  static void awaitEnd() {
    while (true) {
      java.util.concurrent.locks.LockSupport.park();
    }
  }

  /** The shutdown hook: a task's thread, or a thread of a run, waiting in {@code Runtime.exit} is a component's call. */
  private static void exiting() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!callsExit(t)) {
        continue;
      }
      TaskLog own = RUNNING.get(t);
      ThreadGroup run = own == null ? run(t) : null;
      if (own == null && run == null) {
        continue;
      }
      List<TaskLog> logs = own != null ? List.of(own) : tasksOf(run);
      String who = own != null ? "task '" + own.label() + "' called System.exit"
          : "a thread started by " + names(logs) + " called System.exit";
      String message = who + ", which ends the runner's JVM and the run with it; "
          + "return or throw instead, or run it as a java subprocess (--subprocess, or the task's podAnnotation("
          + "\"kfp4j.dev/local-java-mode\", \"subprocess\"))";
      for (TaskLog log : logs) {
        log.note("kfp4j: " + message + "\n");
      }
      System.err.println("kfp4j: error: " + message);
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  /** The group of the run {@code t} is a thread of, or null. */
  private static ThreadGroup run(Thread t) {
    for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
      if (RUNS.contains(g)) {
        return g;
      }
    }
    return null;
  }

  private static List<TaskLog> tasksOf(ThreadGroup run) {
    List<TaskLog> logs = new ArrayList<>();
    RUNNING.forEach((thread, log) -> {
      if (run(thread) == run) {
        logs.add(log);
      }
    });
    logs.sort(java.util.Comparator.comparing(TaskLog::label));
    return logs;
  }

  private static String names(List<TaskLog> logs) {
    if (logs.isEmpty()) {
      return "an in-process task that has ended";
    }
    List<String> names = new ArrayList<>();
    for (TaskLog log : logs) {
      names.add("'" + log.label() + "'");
    }
    return (logs.size() == 1 ? "task " : "one of the tasks ") + String.join(", ", names);
  }

  private static boolean callsExit(Thread t) {
    for (StackTraceElement f : t.getStackTrace()) {
      if (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("exit")) {
        return true;
      }
    }
    return false;
  }
}
