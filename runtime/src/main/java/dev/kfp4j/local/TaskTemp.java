package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A task's temporary folder, {@value #FOLDER} in the task's folder, as a container has its own
 * {@code /tmp}: made for each attempt of a task run here as a process, by the launcher that starts
 * it (a task run in this JVM makes none), and deleted with everything in it when the attempt ends,
 * so what a task leaves there (KFP's Python components write their program to {@code $(mktemp)}
 * and never delete it) stays in the run's folder and goes. The process has it as {@value #TMPDIR}
 * ({@code mktemp}, Python's {@code tempfile} and most tools write there) unless the task sets
 * {@value #TMPDIR} itself, which wins as it does in a pod; a Java task's JVM as {@code
 * java.io.tmpdir} (Java ignores {@value #TMPDIR}) unless the task's {@code JAVA_TOOL_OPTIONS} or
 * {@code JDK_JAVA_OPTIONS} set that property.
 */
final class TaskTemp {
  /** The folder's name in the task's folder: none of the runner's other names there, and outputs are under {@code outputs/}. */
  static final String FOLDER = "tmp";
  static final String TMPDIR = "TMPDIR";
  private static final String PROPERTY = "-Djava.io.tmpdir=";
  /** The variables in which a task may set the JVM's options itself. */
  private static final List<String> JAVA_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

  private TaskTemp() {}

  /** The temporary folder of the task whose folder is {@code taskDir}. */
  static Path of(Path taskDir) {
    return RunPaths.inside(taskDir, FOLDER);
  }

  /** Deletes the temporary folder of the task in {@code taskDir} with everything in it; links in it are deleted, never followed. */
  static void delete(Path taskDir) throws IOException {
    RunPaths.deleteTree(taskDir, of(taskDir));
  }

  /** The JVM option giving a Java task of variables {@code env} the folder {@code tmp}: none when there is none or the task sets it. */
  static List<String> jvm(Map<String, String> env, Path tmp) {
    if (tmp == null) {
      return List.of();
    }
    for (String options : JAVA_OPTIONS) {
      String set = env.get(options);
      if (set != null && set.contains(PROPERTY)) {
        return List.of();
      }
    }
    return List.of(PROPERTY + tmp);
  }
}
