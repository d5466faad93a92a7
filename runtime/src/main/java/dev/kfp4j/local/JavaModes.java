package dev.kfp4j.local;

/**
 * How a task's Java component runs: the runner's mode, unless the task says otherwise (pod
 * annotation {@value #ANNOTATION}: {@code in-process} or {@code subprocess}); in-process by
 * default, but a subprocess where that is what works: a task with a timeout (so it can be
 * killed) or with environment variables.
 */
final class JavaModes {
  /** The annotation choosing how a task's Java component runs locally. */
  static final String ANNOTATION = "kfp4j.dev/local-java-mode";

  private JavaModes() {}

  /** {@code chosen}: the annotation's value, or empty. */
  static LocalRunner.JavaMode choose(String chosen, LocalRunner.JavaMode runnerMode, long timeoutSeconds, boolean env) {
    if (chosen.equals("subprocess")) {
      return LocalRunner.JavaMode.SUBPROCESS;
    }
    if (chosen.equals("in-process")) {
      return LocalRunner.JavaMode.IN_PROCESS;
    }
    return runnerMode == LocalRunner.JavaMode.SUBPROCESS || timeoutSeconds > 0 || env
        ? LocalRunner.JavaMode.SUBPROCESS : LocalRunner.JavaMode.IN_PROCESS;
  }
}
