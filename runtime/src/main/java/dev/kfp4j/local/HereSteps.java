package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The steps a run in containers runs in the runner's JVM all the same: an importer ({@link ImportArtifact}), a volume step
 * ({@link MakeClaim}) and a claim's deletion ({@link DeleteClaim}) have no image, as KFP's backend does their work, not a container of the pipeline's.
 */
final class HereSteps {
  /** A step's main, which says what it did on {@code out} and what went wrong on {@code err}, and returns its exit code. */
  private interface Main {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private static final Map<String, Main> MAINS = Map.of(ImportArtifact.class.getName(), ImportArtifact::run,
      MakeClaim.class.getName(), MakeClaim::run, DeleteClaim.class.getName(), DeleteClaim::run);

  private HereSteps() {}

  /** Whether {@code command} is the {@code java -cp CLASSPATH MAIN ARGS...} of such a step. */
  static boolean runsHere(List<String> command) {
    String main = Launchers.javaMain(command);
    return main != null && MAINS.containsKey(main); // Map.of refuses to look up null
  }

  /** Runs {@code launch}, such a step's, in this JVM, its output in the task's log. */
  static int run(Launcher.Launch launch) {
    List<String> command = launch.command();
    try (PrintStream log = new PrintStream(launch.log().open(launch.attempt()), true, StandardCharsets.UTF_8)) {
      return MAINS.get(Launchers.javaMain(command)).run(command.subList(4, command.size()).toArray(String[]::new), log, log);
    } catch (IOException e) {
      launch.log().note("kfp4j: cannot write the log: " + FileErrors.why(e) + "\n");
      return Launcher.CANNOT_START;
    }
  }
}
