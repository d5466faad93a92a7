package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache key of a task of an Argo template of another tool takes the template's outputs, as KFP v1's cache does ({@code
 * generateCacheKeyFromTemplate}): two templates with the same image, command and inputs whose outputs differ give each its
 * own outputs, not the other's from the cache; the same outputs are still reused.
 */
class ArgoOutputsCacheTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /**
   * Container template {@code name} saving output {@code p} from {@code pPath} and {@code q} from {@code qPath}; its command
   * writes {@code one} to the file its env entry A names and {@code two} to B's, paths it does not name itself.
   */
  private static String template(String name, String pPath, String qPath) {
    return "  - name: " + name + "\n    outputs: {parameters: [{name: p, valueFrom: {path: " + pPath + "}}, {name: q, valueFrom: {path: "
        + qPath + "}}]}\n    container:\n      image: alpine\n      command: [sh, -c, 'echo one > \"$A\"; echo two > \"$B\"']\n"
        + "      env: [{name: A, value: /tmp/out/a}, {name: B, value: /tmp/out/b}]\n";
  }

  private static final String WORKFLOW = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: outputs-}
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - {name: straight, template: straight}
            - {name: swapped, template: swapped, dependencies: [straight]}
            - {name: same, template: same, dependencies: [straight]}
      """ + template("straight", "/tmp/out/a", "/tmp/out/b") + template("swapped", "/tmp/out/b", "/tmp/out/a")
      + template("same", "/tmp/out/a", "/tmp/out/b");

  @Test
  void templatesWhoseOutputsDifferAreCachedApartAndTheSameOutputsAreReused() {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
    for (int run = 1; run <= 2; run++) {
      RunResult r = runner.run(Workflow.parse(WORKFLOW, "outputs.yaml"), Map.of());
      String out = console.toString(StandardCharsets.UTF_8);
      assertEquals(State.Succeeded, r.state(), out);
      assertEquals(run == 1 ? State.Succeeded : State.Cached, r.task("straight").orElseThrow().state(), out);
      assertEquals(run == 1 ? State.Succeeded : State.Cached, r.task("swapped").orElseThrow().state(),
          "its outputs differ from straight's: not straight's entry; its own in the second run");
      assertEquals(State.Cached, r.task("same").orElseThrow().state(), "the same outputs as straight's: straight's entry");
      assertEquals("one", r.output("straight", "p"));
      assertEquals("two", r.output("straight", "q"));
      assertEquals("two", r.output("swapped", "p"), "its p is the file B names, as on Argo");
      assertEquals("one", r.output("swapped", "q"));
      assertEquals("one", r.output("same", "p"));
      assertEquals("two", r.output("same", "q"));
    }
  }
}
