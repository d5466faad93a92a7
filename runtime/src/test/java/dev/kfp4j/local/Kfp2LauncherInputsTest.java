package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.GoFloats;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a container component is given in a local run of a KFP 2 spec, as KFP 2's driver and launcher give it on a cluster:
 * its values on the command line as the launcher writes them ({@code true}, {@code 0.00001}: a Kubeflow docs' {@code
 * container_comp} echoing its inputs prints the same here as there), where a run of the Argo workflow gives KFP v1's text
 * forms; and each input artifact with its producer's type, so an {@code Input[Artifact]} given a {@code Model} gets a {@code
 * system.Model}, as on KFP (kfp4j's entrypoint then makes its {@code Artifact} parameter a {@code Model}).
 */
class Kfp2LauncherInputsTest {
  @TempDir Path dir;

  private static ComponentSpec echo() {
    List<InputSpec> inputs = List.of(new InputSpec("flag", TypeSpec.named("Boolean"), null, null, false),
        new InputSpec("ratio", TypeSpec.named("Float"), null, null, false),
        new InputSpec("count", TypeSpec.named("Integer"), null, null, false),
        new InputSpec("word", TypeSpec.named("String"), null, null, false));
    return new ComponentSpec("echo", null, null, null, inputs, List.of(new OutputSpec("line", TypeSpec.named("String"), null)),
        new ContainerSpec("alpine", List.of(new Placeholder.Literal("sh"), new Placeholder.Literal("-c"),
            new Placeholder.Literal("printf '%s|%s|%s|%s' \"$0\" \"$1\" \"$2\" \"$3\" > \"$4\"")),
            List.of(new Placeholder.InputValue("flag"), new Placeholder.Concat(List.of(new Placeholder.Literal("r="),
                new Placeholder.InputValue("ratio"))), new Placeholder.InputValue("count"), new Placeholder.InputValue("word"),
                new Placeholder.OutputPath("line")), null, null),
        null);
  }

  private static Pipeline values(String flag, String ratio, String count) {
    Task t = new Task("echo", echo(), Map.of("flag", new Argument.Constant(flag, ParameterType.BOOLEAN),
        "ratio", new Argument.Constant(ratio, ParameterType.FLOAT), "count", new Argument.Constant(count, ParameterType.INTEGER),
        "word", new Argument.Constant("False", ParameterType.STRING)));
    return new Pipeline("values", null, List.of(), List.of(t), null, PipelineSettings.DEFAULTS, null, Map.of());
  }

  private RunResult run(String yaml, String name) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(Workflow.parse(yaml, name), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    return r;
  }

  @Test
  void aKfp2RunGivesValuesAsKfpsLauncherWritesThem() {
    assertEquals("false|r=0.00001|20|False", run(Kfp2Writer.write(values("False", "1e-05", "20")), "v.yaml").output("echo", "line"));
    assertEquals("true|r=2|-3|False", run(Kfp2Writer.write(values("True", "2.0", "-3")), "v.yaml").output("echo", "line"));
    assertEquals("false|r=100000000000000000000|0|False",
        run(Kfp2Writer.write(values("False", "1e+20", "0")), "v.yaml").output("echo", "line"));
  }

  @Test
  void anArgoRunGivesKfpV1sTextForms() {
    assertEquals("False|r=1e-05|20|False", run(ArgoWriter.write(values("False", "1e-05", "20")), "v.yaml").output("echo", "line"));
  }

  @Test
  void launcherNumbersAreGosFormatFloat() {
    assertEquals("0.1", GoFloats.f(0.1));
    assertEquals("0.30000000000000004", GoFloats.f(0.1 + 0.2));
    assertEquals("-1.5", GoFloats.f(-1.5));
    assertEquals("-0", GoFloats.f(-0.0));
    assertEquals("+Inf", GoFloats.f(Double.POSITIVE_INFINITY));
    assertEquals("NaN", GoFloats.f(Double.NaN));
    assertEquals("True", LauncherText.of("True", ParameterType.STRING));
    assertEquals("[1, 2]", LauncherText.of("[1, 2]", ParameterType.LIST));
  }

  /** Writes a {@code Model} (or, untyped, an artifact of no kind) at its output path. */
  private static ComponentSpec make(String type) {
    return new ComponentSpec("make-" + (type == null ? "file" : type.toLowerCase()), null, null, null, List.of(),
        List.of(new OutputSpec("out", type == null ? null : TypeSpec.named(type), null)),
        new ContainerSpec("alpine", List.of(new Placeholder.Literal("sh"), new Placeholder.Literal("-c"),
            new Placeholder.Literal("echo m > \"$0\"")), List.of(new Placeholder.OutputPath("out")), null, null),
        null);
  }

  /** Writes the schema titles of its input artifacts, as its executor input gives them, to its output. */
  private static final ComponentSpec TITLES = new ComponentSpec("titles", null, null, null,
      List.of(new InputSpec("any", TypeSpec.named("system.Artifact"), null, null, false),
          new InputSpec("data", TypeSpec.named("system.Dataset"), null, null, false),
          InputSpec.artifactList("all", TypeSpec.named("system.Artifact"), null, false)),
      List.of(new OutputSpec("titles", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              e = json.loads(sys.argv[1])
              a = e['inputs']['artifacts']
              t = [a[n]['artifacts'][0]['type']['schemaTitle'] for n in ('any', 'data')]
              t += [x['type']['schemaTitle'] for x in a['all']['artifacts']]
              open(e['outputs']['parameters']['titles']['outputFile'], 'w').write(','.join(t))
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  @Test
  void anInputArtifactHasItsProducersType() {
    Argument.Collected models = new Argument.Collected("for-loop-1", "make-model-2", "out");
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(Argument.Constant.of("a"))), 0,
        List.of(new Task("make-model-2", make("Model"), Map.of())));
    Pipeline p = new Pipeline("titles", null, List.of(), List.of(new Task("make-model", make("Model"), Map.of()),
        new Task("make-file", make(null), Map.of()), loop,
        new Task("titles", TITLES, Map.of("any", new Argument.TaskOutput("make-model", "out"),
            "data", new Argument.TaskOutput("make-file", "out"), "all", models))),
        null, PipelineSettings.DEFAULTS, null, Map.of());
    assertEquals("system.Model,system.Artifact,system.Model", run(Kfp2Writer.write(p), "t.yaml").output("titles", "titles"),
        "the producers' types: a Model, an untyped file (KFP's system.Artifact), the Models a loop collects");
  }
}
