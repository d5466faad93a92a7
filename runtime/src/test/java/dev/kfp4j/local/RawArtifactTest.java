package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constant given to a file input (a raw artifact): Argo writes it as the artifact's {@code raw}
 * data and reads it back as the same constant; the local runner gives the task a file holding the
 * text; KFP 2, which passes no constant to an artifact input, refuses it with what to do instead.
 */
class RawArtifactTest {
  @TempDir Path dir;

  private static final ComponentSpec COPY = new ComponentSpec("copy", null, null, null,
      List.of(new InputSpec("data", TypeSpec.named("String"), null, null, false)),
      List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("cat \"$0\" > \"$1\""), new Placeholder.InputPath("data"), new Placeholder.OutputPath("out")),
          null, null), null);

  @Test
  void argoWritesARawArtifactReadsItBackAndTheTaskReadsTheTextFromAFile() throws Exception {
    Argument.Constant text = Argument.Constant.of("line one\nline two");
    Pipeline p = new Pipeline("raw", null, List.of(), List.of(new Task("copy", COPY, Map.of("data", text))), null,
        PipelineSettings.DEFAULTS, null);
    String yaml = ArgoWriter.write(p);
    assertEquals("line one\nline two", Yaml.read(yaml).at("/spec/templates/0/dag/tasks/0/arguments/artifacts/0/raw/data").asString());
    assertEquals(p.nodes(), ArgoReader.read(yaml, "raw.yaml").nodes());

    Workflow w = Workflow.parse(yaml, "raw.yaml");
    assertNotNull(w.pipeline(), "runs from the model");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(w, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult copy = r.task("copy").orElseThrow();
    Path out = copy.artifacts().containsKey("out") ? copy.artifacts().get("out") : null;
    assertEquals("line one\nline two", out != null ? Files.readString(out) : copy.outputs().get("out"));

    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(p));
    assertTrue(e.getMessage().contains("KFP 2 passes no constant to an artifact input"), e.getMessage());
  }
}
