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

  /** Whether tasks run in their containers, so a task's command is the container's, not one mapped to files here. */
  default boolean containers() {
    return false;
  }

  /** What a task's image {@code image} is, for the cache's key: the image it runs in, with its id where the launcher knows it. */
  default String cacheImage(String image) {
    return image;
  }

  /**
   * {@code container}'s task was taken from the cache, no attempt made: recorded as a launch records it, with what it would
   * have run in (a launcher running containers: the image and its id in run.json).
   */
  default void cached(Container container) {}

  /**
   * One attempt at a command.
   *
   * @param command the command line
   * @param env environment variables it sets, besides this process's own
   * @param dir its working folder
   * @param tmp its temporary folder, made for this attempt ({@link TaskTemp}), or null: none of its own (the runner's)
   * @param log where its output goes
   * @param attempt 1 for the first, which starts the log afresh; later ones append
   * @param timeoutSeconds when it is stopped (0: never)
   * @param inProcess whether a kfp4j Java entrypoint may run in this JVM
   * @param started told of each process started for it; should it throw, the process is stopped and the launch throws that
   * @param container the same command as the container runs it, for a launcher that runs containers
   */
  record Launch(List<String> command, Map<String, String> env, Path dir, Path tmp, TaskLog log, int attempt, long timeoutSeconds,
      boolean inProcess, Consumer<ProcessHandle> started, Container container) {}

  /**
   * A task's container.
   *
   * @param task the task's id in the run
   * @param image the image it names
   * @param command its command and arguments, with the container's own paths
   * @param mounts where its paths are here
   * @param limits its resource limits, by resource
   */
  record Container(String task, String image, List<String> command, Step.Mounts mounts, Map<String, String> limits) {}
}
