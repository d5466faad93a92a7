package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a process here, its output (stdout and stderr) to the task's log, stopped with
 * everything it started on timeout, at its end, and when the runner stops ({@link ProcessGroups}).
 * The runner's own credentials are not passed on: user code gets no {@value #KFP4J_TOKEN} or
 * {@value #ARGO_TOKEN}.
 */
final class SubprocessLauncher implements Launcher {
  static final String KFP4J_TOKEN = "KFP4J_TOKEN";
  static final String ARGO_TOKEN = "ARGO_TOKEN";
  /** Environment variables holding kfp4j's own credentials, removed from every task's environment. */
  static final List<String> CREDENTIALS = List.of(KFP4J_TOKEN, ARGO_TOKEN);
  /**
   * Whether this JVM's environment holds one of {@link #CREDENTIALS}; if not, a process without variables or a temporary
   * folder of its own inherits it as it is.
   */
  private static final boolean HOLDS_CREDENTIALS = CREDENTIALS.stream().anyMatch(name -> System.getenv(name) != null);

  private final ProcessGroups groups;

  SubprocessLauncher(ProcessGroups groups) {
    this.groups = groups;
  }

  @Override
  public int launch(Launch launch) {
    TaskLog log = launch.log();
    ProcessBuilder pb = builder(launch.command(), launch.env(), launch.dir(), launch.tmp());
    Process p;
    try {
      Files.createDirectories(log.file().getParent());
      if (launch.tmp() != null) {
        Files.createDirectories(launch.tmp());
      }
      p = groups.start(pb);
    } catch (IOException e) {
      log.note("kfp4j: cannot start " + launch.command().get(0) + ": " + FileErrors.why(e) + "\n");
      return CANNOT_START;
    }
    return await(p, launch);
  }

  /**
   * A process for {@code command} in {@code dir}, as a process group of its own, its errors to its
   * output: this JVM's environment without its credentials, with {@value TaskTemp#TMPDIR} the
   * temporary folder {@code tmp} (unless null), with {@code env} set (a {@value TaskTemp#TMPDIR} of
   * its own wins, as in a pod and in {@code kfp.local}'s subprocess runner).
   */
  ProcessBuilder builder(List<String> command, Map<String, String> env, java.nio.file.Path dir, java.nio.file.Path tmp) {
    ProcessBuilder pb = new ProcessBuilder(groups.command(command)).directory(dir.toFile()).redirectErrorStream(true);
    if (HOLDS_CREDENTIALS || !env.isEmpty() || tmp != null) {
      Map<String, String> environment = pb.environment(); // a copy of this JVM's environment, made for each process
      environment.keySet().removeAll(CREDENTIALS);
      if (tmp != null) {
        environment.put(TaskTemp.TMPDIR, tmp.toString());
      }
      environment.putAll(env);
    }
    return pb;
  }

  /**
   * Runs {@code p}, started by {@link #builder} and watched ({@link ProcessGroups#started}), as
   * {@code launch} to its end: its output copied to the log (never straight to the file, which
   * keeps what its {@link LogBounds} allow), the launch's timeout counted from now; its exit
   * code, or {@link #TIMED_OUT}. It ends when {@code p} ends, whatever {@code p} left running that holds its output
   * ({@link OutputPump}).
   */
  int await(Process p, Launch launch) {
    OutputPump pump = OutputPump.start(groups.output(p), launch.log(), launch.attempt());
    try {
      try {
        launch.started().accept(p.toHandle());
      } catch (RuntimeException e) { // told, it could not note it (its start cannot be journaled): it does not run unnoted
        groups.stop(p);
        p.waitFor(10, TimeUnit.SECONDS);
        throw e;
      }
      if (launch.timeoutSeconds() > 0 && !p.waitFor(launch.timeoutSeconds(), TimeUnit.SECONDS)) {
        groups.stop(p);
        p.waitFor(10, TimeUnit.SECONDS);
        return TIMED_OUT;
      }
      return p.waitFor();
    } catch (InterruptedException e) {
      groups.stop(p);
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      groups.ended(p);
      pump.finish();
    }
  }

  /** The process groups the processes of this launcher run in. */
  ProcessGroups groups() {
    return groups;
  }
}
