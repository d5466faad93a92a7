package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step of an Argo workflow that exits 0 but whose outputs cannot be saved (an output's file not written) ends in {@code
 * Error}, as Argo's controller gives a pod whose main container succeeded and whose wait container failed ({@code
 * inferFailedReason} in {@code workflow/controller/operator.go}); its retry policy retries it as Argo's {@code
 * processNodeRetries} does: {@code OnFailure} (the default) not, {@code OnError} and {@code Always} yes; a step that exits
 * non-zero still fails, retried under {@code OnFailure} and {@code Always}, not under {@code OnError}.
 */
class ArgoOutputErrorTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** A template writing a line to {@code runs} each attempt, then exiting {@code exit} without its output, retried twice. */
  private String template(String name, String policy, int exit, Path runs) {
    return "  - name: " + name + "\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    retryStrategy: {limit: '2'" + (policy == null ? "" : ", retryPolicy: " + policy) + "}\n"
        + "    container:\n      image: alpine\n      command: [sh, -c, 'echo x >> " + runs.resolve(name) + "; exit " + exit + "']\n";
  }

  @Test
  void aStepWhoseOutputIsNotWrittenEndsInErrorRetriedAsItsPolicySays() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("attempts"));
    String[][] steps = {{"none", null, "0"}, {"on-error", "OnError", "0"}, {"always", "Always", "0"}, {"on-failure", "OnFailure", "0"},
        {"fails-on-error", "OnError", "3"}, {"fails-on-failure", "OnFailure", "3"}};
    StringBuilder tasks = new StringBuilder();
    StringBuilder templates = new StringBuilder();
    for (String[] s : steps) {
      tasks.append("      - {name: ").append(s[0]).append(", template: ").append(s[0]).append("}\n");
      templates.append(template(s[0], s[1], Integer.parseInt(s[2]), runs));
    }
    String y = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: outputs-}\nspec:\n  entrypoint: main\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n" + tasks + templates;
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
    RunResult r = runner.run(Workflow.parse(y, "outputs.yaml"), Map.of());
    String out = console.toString(StandardCharsets.UTF_8);
    Map<String, State> states = Map.of("none", State.Error, "on-error", State.Error, "always", State.Error, "on-failure", State.Error,
        "fails-on-error", State.Failed, "fails-on-failure", State.Failed);
    Map<String, Integer> attempts = Map.of("none", 1, "on-error", 3, "always", 3, "on-failure", 1, "fails-on-error", 1,
        "fails-on-failure", 3);
    for (String[] s : steps) {
      TaskResult t = r.task(s[0]).orElseThrow();
      assertEquals(states.get(s[0]), t.state(), s[0] + ": " + t.message());
      assertEquals(attempts.get(s[0]), Files.readAllLines(runs.resolve(s[0])).size(), s[0] + " attempts");
      assertEquals(attempts.get(s[0]), t.attempts(), s[0]);
      assertTrue(Files.notExists(t.log().resolveSibling("outputs")), s[0] + " leaves no outputs");
    }
    assertTrue(r.task("none").orElseThrow().message().contains("it wrote no output 'out'"), r.task("none").orElseThrow().message());
    assertEquals(State.Error, r.state(), "the DAG's first leaf that failed ended in error");
    assertTrue(out.contains("task 'none' errored: it wrote no output 'out'"), out);
  }
}
