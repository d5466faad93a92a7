package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Hand-written Argo workflows, as the tests of reading another tool's workflow write them, and their local runs. */
final class HandWritten {
  private HandWritten() {}

  /**
   * A workflow (generateName {@code hand-}, a parameter {@code n} of 3) whose entrypoint's DAG has
   * {@code tasks} (YAML list items) and whose other templates are {@code templates} (list items too).
   */
  static String workflow(String tasks, String templates) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: hand-}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: n, value: '3'}]}
          templates:
          - name: main
            dag:
              tasks:
        """ + tasks.indent(6) + templates.indent(2);
  }

  /** Runs {@code yaml} (read as {@code hand.yaml}) under {@code root}, caching off, its console into {@code console}; it must succeed. */
  static RunResult run(Path root, String yaml, ByteArrayOutputStream console) {
    RunResult r = LocalRunner.builder().root(root).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .progress(false).summary(false).build().run(Workflow.parse(yaml, "hand.yaml"), Map.of());
    assertTrue(r.succeeded(), console.toString());
    return r;
  }
}
