package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An importer ({@code dsl.importer}) in KFP 2's pipeline spec, as KFP's compiler writes {@code
 * pipeline_with_importer.py}: valid as KFP's {@code .proto} messages, with the structure the SDK
 * writes (the task's {@code uri}, {@code comp-importer}, {@code exec-importer.importer}), read back
 * as the model written and written again byte for byte; and refused in Argo, which has none.
 */
class ImporterFormatTest {
  static final ComponentSpec TRAIN = ComponentYaml.parse("""
      name: train
      inputs:
      - {name: dataset, type: Dataset}
      outputs:
      - {name: scalar, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'cat "$0"; echo 123 > "$1"', {inputPath: dataset}, {outputPath: scalar}]
      """, "train.yaml");

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  /** pipeline_with_importer.py: a constant URI with metadata; under a condition, a pipeline parameter's, imported again. */
  static Pipeline pipeline() {
    ImporterStep first = new ImporterStep("importer", Map.of(ImporterStep.URI, Argument.Constant.of("gs://ml-pipeline-playground/shakespeare1.txt")),
        "system.Dataset", false, "{\"key\": \"value\"}", false, List.of(), List.of());
    Task train = new Task("train", TRAIN, Map.of("dataset", new Argument.TaskOutput("importer", ImporterStep.OUTPUT)));
    ImporterStep second = new ImporterStep("importer-2", Map.of(ImporterStep.URI, new Argument.PipelineParameter("dataset2")),
        "system.Dataset", true, null, false, List.of(), List.of());
    Task train2 = new Task("train-2", TRAIN, Map.of("dataset", new Argument.TaskOutput("importer-2", ImporterStep.OUTPUT)));
    Condition when = new Condition("condition-1", new Predicate.Comparison(new Argument.TaskOutput("train", "scalar"),
        Predicate.Operator.EQ, Argument.Constant.of("123")), List.of(second, train2));
    return new Pipeline("pipeline-with-importer", null,
        List.of(new Parameter("dataset2", ParameterType.STRING, "gs://ml-pipeline-playground/shakespeare2.txt", null)),
        List.of(first, train, when), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void anImporterIsWrittenAsKfpsCompilerWritesIt() {
    String yaml = Kfp2Writer.write(pipeline());
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    JsonNode spec = Yaml.read(yaml);
    JsonNode task = spec.at("/root/dag/tasks/importer");
    assertEquals("gs://ml-pipeline-playground/shakespeare1.txt", task.at("/inputs/parameters/uri/runtimeValue/constant").asString());
    assertEquals("comp-importer", task.at("/componentRef/name").asString());
    assertTrue(task.at("/cachingOptions/enableCache").asBoolean(), yaml);
    assertEquals("{\"executorLabel\":\"exec-importer\",\"inputDefinitions\":{\"parameters\":{\"uri\":{\"parameterType\":\"STRING\"}}},"
        + "\"outputDefinitions\":{\"artifacts\":{\"artifact\":{\"artifactType\":{\"schemaTitle\":\"system.Dataset\","
        + "\"schemaVersion\":\"0.0.1\"}}}}}", spec.at("/components/comp-importer").toString());
    assertEquals("{\"artifactUri\":{\"constant\":\"gs://ml-pipeline-playground/shakespeare1.txt\"},\"metadata\":{\"key\":\"value\"},"
        + "\"typeSchema\":{\"schemaTitle\":\"system.Dataset\",\"schemaVersion\":\"0.0.1\"}}",
        spec.at("/deploymentSpec/executors/exec-importer/importer").toString(), "no reimport when false, as KFP's compiler");
    assertEquals("{\"artifactUri\":{\"runtimeParameter\":\"uri\"},\"reimport\":true,"
        + "\"typeSchema\":{\"schemaTitle\":\"system.Dataset\",\"schemaVersion\":\"0.0.1\"}}",
        spec.at("/deploymentSpec/executors/exec-importer-2/importer").toString(), "no metadata when there is none");
    assertEquals("pipelinechannel--dataset2",
        spec.at("/components/comp-condition-1/dag/tasks/importer-2/inputs/parameters/uri/componentInputParameter").asString());
    JsonNode consumer = spec.at("/root/dag/tasks/train");
    assertEquals("{\"taskOutputArtifact\":{\"outputArtifactKey\":\"artifact\",\"producerTask\":\"importer\"}}",
        consumer.at("/inputs/artifacts/dataset").toString());
    assertEquals("[\"importer\"]", consumer.path("dependentTasks").toString());
  }

  @Test
  void anImporterReadsBackAsWrittenAndWritesAgainTheSame() {
    Pipeline written = pipeline();
    String yaml = Kfp2Writer.write(written);
    Pipeline read = Kfp2Reader.read(yaml, "p.yaml");
    assertEquals(written.node("importer").orElseThrow(), read.node("importer").orElseThrow());
    ImporterStep inCondition = (ImporterStep) read.node("importer-2").orElseThrow();
    assertEquals(List.of("train"), inCondition.after(), "a reader gives a task in a group what the group waits for");
    assertEquals(written.node("importer-2").orElseThrow(), new ImporterStep(inCondition.name(), inCondition.arguments(),
        inCondition.artifactType(), inCondition.reimport(), inCondition.metadata(), inCondition.downloadToWorkspace(), List.of(),
        inCondition.settings()));
    assertEquals(yaml, Kfp2Writer.write(read));
  }

  @Test
  void itsDisplayNameCachingAndRetriesAreTheTasksAndNoOtherSetting() {
    ImporterStep set = new ImporterStep("importer", Map.of(ImporterStep.URI, Argument.Constant.of("/data/x.csv")), "system.Model", false,
        null, false, List.of(), List.of(new TaskSetting.DisplayName("load"), new RunSetting.Caching(false), new RunSetting.Retry(2, null)));
    Pipeline p = new Pipeline("p", null, List.of(), List.of(set), null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
    assertEquals(set, Kfp2Reader.read(yaml, "p.yaml").node("importer").orElseThrow());
    ImporterStep cpu = new ImporterStep("importer", set.arguments(), "system.Model", false, null, false, List.of(),
        List.of(new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "1")));
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(
        new Pipeline("p", null, List.of(), List.of(cpu), null, PipelineSettings.DEFAULTS, null)));
    assertTrue(e.getMessage().contains("an importer runs no container of its own"), e.getMessage());
  }

  @Test
  void argoHasNoImporter() {
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(pipeline()));
    assertTrue(e.getMessage().contains("task 'importer' is an importer (dsl.importer), which KFP v1 has no form for"), e.getMessage());
  }

  @Test
  void aSpecOfKfpsSdkReadsItsImportersAsImporters() {
    String yaml = Yaml.resource(ImporterFormatTest.class, "importer/pipeline_with_importer.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_importer.yaml");
    ImporterStep first = (ImporterStep) p.node("importer").orElseThrow();
    assertEquals(Argument.Constant.of("gs://ml-pipeline-playground/shakespeare1.txt"), first.uri());
    assertEquals("{\"key\":\"value\"}", first.metadata());
    assertFalse(first.reimport());
    ImporterStep second = (ImporterStep) p.node("importer-2").orElseThrow();
    assertEquals(new Argument.PipelineParameter("dataset2"), second.uri());
    assertTrue(second.reimport());
    assertEquals("system.Dataset", second.artifactType());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
  }
}
