package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A loop over a list of artifacts ({@link Loop.Over} of the artifacts a loop collects or of a
 * pipeline's artifact parameter, KFP 2's {@code artifactIterator}): written as KFP's compiler
 * writes {@code dsl.ParallelFor} over a list of artifacts and read back as the same model; run
 * locally, where each iteration gets one artifact of the list (its file and metadata), in the
 * order of the list; refused by the Argo format.
 */
class ArtifactLoopRunTest {
  @TempDir Path dir;

  /** Writes its text to a {@code Dataset}, with the text's length as the artifact's metadata. */
  private static final ComponentSpec WRITE = new ComponentSpec("write", null, null, null,
      List.of(new InputSpec("text", TypeSpec.named("String"), null, null, false)),
      List.of(new OutputSpec("data", TypeSpec.named("Dataset"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              e = json.loads(sys.argv[1])
              text = e['inputs']['parameterValues']['text']
              a = e['outputs']['artifacts']['data']['artifacts'][0]
              open(a['uri'], 'w').write(text)
              a['metadata'] = {'length': len(text)}
              json.dump({'artifacts': {'data': {'artifacts': [a]}}}, open(e['outputs']['outputFile'], 'w'))
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  /** Reads one dataset, given through the executor input: its text, its metadata's length and its type. */
  private static final ComponentSpec READ = new ComponentSpec("read", null, null, null,
      List.of(new InputSpec("dataset", TypeSpec.named("system.Dataset"), null, null, false)),
      List.of(new OutputSpec("said", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              e = json.loads(sys.argv[1])
              d = e['inputs']['artifacts']['dataset']['artifacts'][0]
              out = open(d['uri']).read() + ':' + str(d['metadata']['length']) + ':' + d['type']['schemaTitle']
              open(e['outputs']['parameters']['said']['outputFile'], 'w').write(out)
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  private static final Argument.Collected WRITTEN = new Argument.Collected("for-loop-1", "write", "data");

  /** One dataset written per text, then a loop over the datasets reading each, its outputs collected. */
  static Pipeline pipeline(List<String> texts, int parallelism) {
    Loop write = new Loop("for-loop-1", new Loop.Constants(texts.stream().map(Argument.Constant::of).toList()), 0,
        List.of(new Task("write", WRITE, Map.of("text", new Argument.LoopItem("for-loop-1", null)))));
    Loop read = new Loop("for-loop-2", new Loop.Over(WRITTEN), parallelism,
        List.of(new Task("read", READ, Map.of("dataset", new Argument.LoopItem("for-loop-2", null)))));
    return new Pipeline("artifact-loop", null, List.of(), List.of(write, read), null, PipelineSettings.DEFAULTS, null,
        Map.of("said", new Argument.Collected("for-loop-2", "read", "said")));
  }

  private RunResult run(Pipeline p) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(Workflow.parse(Kfp2Writer.write(p), "artifact-loop.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    return r;
  }

  /** What each of the {@code n} iterations of the loop over the datasets said, in their order; no more ran. */
  private static List<String> said(RunResult r, int n) {
    assertEquals(n, r.tasks().stream().filter(t -> t.id().matches("for-loop-2\\(\\d+\\)/read")).count(), r.tasks()::toString);
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> r.output("for-loop-2(" + i + ")/read", "said")).toList();
  }

  @Test
  void writtenAsKfpsCompilerWritesItAndReadBack() {
    Pipeline p = pipeline(List.of("a", "b"), 2);
    assertTrue(p.overArtifacts((Loop) p.node("for-loop-2").orElseThrow()));
    assertFalse(p.overArtifacts((Loop) p.node("for-loop-1").orElseThrow()));
    String yaml = Kfp2Writer.write(p);
    JsonNode spec = Yaml.read(yaml);
    String list = "pipelinechannel--for-loop-1-pipelinechannel--write-data";
    assertEquals(Yaml.readJson("""
        {"artifactIterator": {"itemInput": "%1$s-loop-item", "items": {"inputArtifact": "%1$s"}},
         "componentRef": {"name": "comp-for-loop-2"}, "dependentTasks": ["for-loop-1"],
         "inputs": {"artifacts": {"%1$s": {"taskOutputArtifact": {"outputArtifactKey": "pipelinechannel--write-data",
           "producerTask": "for-loop-1"}}}},
         "iteratorPolicy": {"parallelismLimit": 2}, "taskInfo": {"name": "for-loop-2"}}""".formatted(list)),
        spec.at("/root/dag/tasks/for-loop-2"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"%1$s": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}, "isArtifactList": true},
          "%1$s-loop-item": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}}}}""".formatted(list)),
        spec.at("/components/comp-for-loop-2/inputDefinitions"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"dataset": {"componentInputArtifact": "%s-loop-item"}}}""".formatted(list)),
        spec.at("/components/comp-for-loop-2/dag/tasks/read/inputs"));
    Pipeline back = Kfp2Reader.read(yaml, "artifact-loop.yaml");
    Loop loop = (Loop) back.node("for-loop-2").orElseThrow();
    assertEquals(new Loop.Over(WRITTEN), loop.items());
    assertEquals(2, loop.parallelism());
    assertEquals(Map.of("dataset", new Argument.LoopItem("for-loop-2", null)), ((Task) loop.body().get(0)).arguments());
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  @Test
  void eachIterationGetsOneArtifactInTheOrderOfTheList() {
    RunResult r = run(pipeline(List.of("ccc", "a", "bb", "dddd"), 0));
    assertEquals(List.of("ccc:3:system.Dataset", "a:1:system.Dataset", "bb:2:system.Dataset", "dddd:4:system.Dataset"), said(r, 4));
    // each iteration shown by the task that wrote its artifact, not by the JSON the run keeps of it
    assertEquals("for-loop-2(1:for-loop-1(1)_write)/read", r.task("for-loop-2(1)/read").orElseThrow().label());
  }

  @Test
  void oneAtATimeWithParallelismOne() {
    RunResult r = run(pipeline(List.of("x", "yy", "zzz"), 1));
    assertEquals(List.of("x:1:system.Dataset", "yy:2:system.Dataset", "zzz:3:system.Dataset"), said(r, 3));
  }

  @Test
  void noArtifactsNoIterations() {
    RunResult r = run(pipeline(List.of(), 0));
    assertEquals(List.of(), said(r, 0));
  }

  @Test
  void overAPipelineArtifactParameterTakenAsAList() {
    Loop read = new Loop("for-loop-1", new Loop.Over(new Argument.PipelineParameter("datasets")), 0,
        List.of(new Task("read", READ, Map.of("dataset", new Argument.LoopItem("for-loop-1", null)))));
    Pipeline p = new Pipeline("each-dataset", null, List.of(Parameter.artifact("datasets", "system.Dataset", null, false)),
        List.of(read), null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(p);
    JsonNode spec = Yaml.read(yaml);
    assertTrue(spec.at("/root/inputDefinitions/artifacts/datasets/isArtifactList").asBoolean(), yaml);
    assertEquals(Yaml.readJson("""
        {"artifactIterator": {"itemInput": "pipelinechannel--datasets-loop-item", "items": {"inputArtifact": "pipelinechannel--datasets"}},
         "componentRef": {"name": "comp-for-loop-1"},
         "inputs": {"artifacts": {"pipelinechannel--datasets": {"componentInputArtifact": "datasets"}}},
         "taskInfo": {"name": "for-loop-1"}}"""), spec.at("/root/dag/tasks/for-loop-1"));
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "each-dataset.yaml")));
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(p));
    assertTrue(e.getMessage().contains("the pipeline takes artifact 'datasets'"), e.getMessage());
  }

  @Test
  void argoHasNoFormForIt() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(List.of("a"), 0)));
    assertTrue(e.getMessage().contains("loop 'for-loop-2' iterates over the artifacts of 'write' collected from loop 'for-loop-1'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("KFP 2 format only"), e.getMessage());
  }

  @Test
  void anArtifactIsNoValueOfACondition() {
    Loop read = new Loop("for-loop-2", new Loop.Over(WRITTEN), 0, List.of(new dev.kfp4j.model.Condition("condition-3",
        new dev.kfp4j.model.Predicate.Comparison(new Argument.LoopItem("for-loop-2", null), dev.kfp4j.model.Predicate.Operator.EQ,
            Argument.Constant.of("x")),
        List.of(new Task("read", READ, Map.of("dataset", new Argument.LoopItem("for-loop-2", null)))))));
    Pipeline p = new Pipeline("artifact-loop", null, List.of(), List.of(pipeline(List.of("a"), 0).nodes().get(0), read), null,
        PipelineSettings.DEFAULTS, null);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(p));
    assertTrue(e.getMessage().contains("condition 'condition-3' compares LoopItem[loop=for-loop-2, field=null], an artifact"),
        e.getMessage());
  }
}
