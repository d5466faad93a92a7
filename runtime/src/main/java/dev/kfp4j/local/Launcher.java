package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one attempt of a command and gives its exit code; knows nothing of pipelines or formats. */
interface Launcher {
  /** The exit code of an attempt that ran out of time and was stopped. */
  int TIMED_OUT = Integer.MIN_VALUE;

  /** The exit code of a command that could not start (as a shell says). */
  int CANNOT_START = 127;

  int launch(Launch launch);

  /**
   * One attempt at a command.
   *
   * @param command the command line
   * @param env environment variables it sets, besides this process's own
   * @param dir its working folder
   * @param log where its output goes
   * @param attempt 1 for the first, which starts the log afresh; later ones append
   * @param timeoutSeconds when it is stopped (0: never)
   * @param inProcess whether a kfp4j Java entrypoint may run in this JVM
   * @param started told of each process started for it
   */
  record Launch(List<String> command, Map<String, String> env, Path dir, TaskLog log, int attempt, long timeoutSeconds,
      boolean inProcess, Consumer<ProcessHandle> started) {}
}
