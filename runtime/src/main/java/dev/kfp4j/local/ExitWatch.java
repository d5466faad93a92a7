package dev.kfp4j.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a component's {@code System.exit} does to an in-process run. Java cannot stop it: it would
 * end the runner's JVM, and with it the run, without a word and with the component's exit code,
 * 0 included, which a script takes for a run that succeeded. A shutdown hook finds the task whose
 * thread called it, says so in the task's log and on standard error (what to do instead), and
 * ends the JVM with exit code 1, a failed run's. The run folder is left as a killed runner leaves
 * it. A JVM that ends otherwise (Ctrl-C, the runner's own exit) is left alone.
 */
final class ExitWatch {
  /** In-process tasks running now, by the thread that runs each. */
  private static final Map<Thread, TaskLog> RUNNING = new ConcurrentHashMap<>();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private ExitWatch() {}

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

  /** Whether the JVM is ending because an in-process task's thread called {@code System.exit}. */
  static boolean componentExits() {
    for (Thread t : RUNNING.keySet()) {
      if (callsExit(t)) {
        return true;
      }
    }
    return false;
  }

  /** The shutdown hook: a task thread waiting in {@code Runtime.exit} is a component that called {@code System.exit}. */
  private static void exiting() {
    for (Map.Entry<Thread, TaskLog> e : RUNNING.entrySet()) {
      if (callsExit(e.getKey())) {
        String message = "task '" + e.getValue().label() + "' called System.exit, which ends the runner's JVM and the run with it; "
            + "return or throw instead, or run it as a java subprocess (--subprocess, or the task's podAnnotation("
            + "\"kfp4j.dev/local-java-mode\", \"subprocess\"))";
        e.getValue().note("kfp4j: " + message + "\n");
        System.err.println("kfp4j: error: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(1);
      }
    }
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
