package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The artifacts a loop collects ({@link Argument.Collected} of an artifact output, KFP 2's {@code
 * dsl.Collected}) given to an input that takes a list of them ({@code isArtifactList}): written as
 * KFP's compiler writes them and read back as the same model; run locally, where the consumer gets
 * every iteration's artifact in the order of the items, through the executor input ({@code {{$}}})
 * or KFP 2's {@code {{$.inputs.artifacts['name']}}}; refused by the Argo format.
 */
class ArtifactListRunTest {
  @TempDir Path dir;

  /** Writes its text to a {@code Dataset}, with the text as the artifact's metadata too. */
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
              a['metadata'] = {'text': text}
              json.dump({'artifacts': {'data': {'artifacts': [a]}}}, open(e['outputs']['outputFile'], 'w'))
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  /** Joins the texts of its list of datasets, read from the executor input: each file, then its metadata. */
  private static final ComponentSpec JOIN = new ComponentSpec("join", null, null, null,
      List.of(InputSpec.artifactList("datasets", TypeSpec.named("system.Dataset"), null, false)),
      List.of(new OutputSpec("joined", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              e = json.loads(sys.argv[1])
              ds = e['inputs']['artifacts']['datasets']['artifacts']
              out = ','.join(open(d['uri']).read() for d in ds) + '|' + ','.join(d['metadata']['text'] for d in ds)
              open(e['outputs']['parameters']['joined']['outputFile'], 'w').write(out)
              """), new Placeholder.ExecutorInput()), null, null),
      null);

  /** As KFP's SDK writes a container component taking {@code Input[List[Dataset]]}: the list as JSON on its command line. */
  private static final ComponentSpec COUNT = new ComponentSpec("count", null, null, null,
      List.of(InputSpec.artifactList("datasets", TypeSpec.named("system.Dataset"), null, false)),
      List.of(new OutputSpec("summary", TypeSpec.named("String"), null)),
      new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")),
          List.of(new Placeholder.Literal("""
              import json, sys
              ds = json.loads(sys.argv[1])
              open(sys.argv[2], 'w').write(str(len(ds)) + ':' + ''.join(open(d['uri']).read() for d in ds)
                  + ':' + ','.join(d['type']['schemaTitle'] for d in ds))
              """), new Placeholder.InputArtifacts("datasets"), new Placeholder.OutputPath("summary")), null, null),
      null);

  private static Pipeline pipeline(List<String> items) {
    Argument.Collected written = new Argument.Collected("for-loop-1", "write", "data");
    Loop loop = new Loop("for-loop-1", new Loop.Constants(items.stream().map(Argument.Constant::of).toList()), 0,
        List.of(new Task("write", WRITE, Map.of("text", new Argument.LoopItem("for-loop-1", null)))));
    return new Pipeline("fan-in", null, List.of(), List.of(loop, new Task("join", JOIN, Map.of("datasets", written)),
        new Task("count", COUNT, Map.of("datasets", written))), null, PipelineSettings.DEFAULTS, null, Map.of("written", written));
  }

  private RunResult run(Pipeline p) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(Workflow.parse(Kfp2Writer.write(p), "fan-in.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    return r;
  }

  @Test
  void writtenAsKfpsCompilerWritesItAndReadBack() {
    Pipeline p = pipeline(List.of("a", "b"));
    String yaml = Kfp2Writer.write(p);
    JsonNode spec = Yaml.read(yaml);
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--write-data": {"artifactSelectors": [
          {"outputArtifactKey": "data", "producerSubtask": "write"}]}}}"""), spec.at("/components/comp-for-loop-1/dag/outputs"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"pipelinechannel--write-data": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"},
          "isArtifactList": true}}}"""), spec.at("/components/comp-for-loop-1/outputDefinitions"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"datasets": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"},
          "isArtifactList": true}}}"""), spec.at("/components/comp-join/inputDefinitions"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"datasets": {"taskOutputArtifact": {"outputArtifactKey": "pipelinechannel--write-data",
          "producerTask": "for-loop-1"}}}}"""), spec.at("/root/dag/tasks/join/inputs"));
    assertEquals(Yaml.readJson("""
        {"artifacts": {"written": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"},
          "isArtifactList": true}}}"""), spec.at("/root/outputDefinitions"));
    assertEquals("{{$.inputs.artifacts['datasets']}}", spec.at("/deploymentSpec/executors/exec-count/container/args/1").asString());
    Pipeline back = Kfp2Reader.read(yaml, "fan-in.yaml");
    assertEquals(((Task) p.node("join").orElseThrow()).arguments(), ((Task) back.node("join").orElseThrow()).arguments());
    assertEquals(JOIN.inputs(), ((Task) back.node("join").orElseThrow()).component().inputs());
    assertEquals(p.outputs(), back.outputs());
    assertEquals(yaml, Kfp2Writer.write(back));
  }

  @Test
  void theConsumerGetsEveryIterationsArtifactInTheItemsOrder() throws Exception {
    RunResult r = run(pipeline(List.of("c", "a", "b", "d")));
    assertEquals("c,a,b,d|c,a,b,d", r.output("join", "joined"), "files and metadata, from {{$}}");
    assertEquals("4:cabd:system.Dataset,system.Dataset,system.Dataset,system.Dataset", r.output("count", "summary"),
        "from {{$.inputs.artifacts['datasets']}}");
    JsonNode record = Yaml.readJson(Files.readString(r.runDir().resolve("run.json")));
    assertTrue(record.toString().contains("\"text\":\"d\""), "each iteration's artifact, with its metadata, in run.json: " + record);
  }

  @Test
  void noItemsGiveAnEmptyList() {
    RunResult r = run(pipeline(List.of()));
    assertEquals("|", r.output("join", "joined"));
    assertEquals("0::", r.output("count", "summary"));
  }

  @Test
  void argoHasNoFormForIt() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline(List.of("a"))));
    assertTrue(e.getMessage().contains("KFP 2 format only"), e.getMessage());
  }
}
