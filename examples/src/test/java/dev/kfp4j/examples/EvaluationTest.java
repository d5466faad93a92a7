package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code examples/.../kfp/Evaluation.java}: KFP v1's {@code mlpipeline-metrics} and {@code
 * mlpipeline-ui-metadata}, declared as {@code @Out MlpipelineMetrics} and {@code @Out
 * MlpipelineUiMetadata}, named and shaped as KFP v1's SDK, compiler and UI have them.
 */
class EvaluationTest {
  @TempDir Path dir;

  @Test
  void theComponentHasTheOutputsKfpV1sSdkNames() {
    JsonNode spec = Yaml.read(Yaml.resource(getClass(), "META-INF/kfp4j/components/evaluate.yaml"));
    JsonNode outputs = spec.path("outputs");
    assertEquals(2, outputs.size());
    assertEquals("mlpipeline_metrics", outputs.get(0).path("name").asString());
    assertEquals("Metrics", outputs.get(0).path("type").asString()); // OutputPath('Metrics')
    assertEquals("mlpipeline_ui_metadata", outputs.get(1).path("name").asString());
    assertTrue(outputs.get(1).path("type").isMissingNode()); // OutputPath()
  }

  @Test
  void theWorkflowPassesThemAsTheArtifactsKfpV1sUiReads() {
    String yaml = Yaml.resource(getClass(), "META-INF/kfp4j/pipelines/evaluation.yaml");
    ArgoSchemas.assertValid(yaml, "evaluation");
    JsonNode workflow = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(workflow));
    JsonNode evaluate = null;
    for (JsonNode t : workflow.path("spec").path("templates")) {
      if (t.path("name").asString().equals("evaluate")) {
        evaluate = t;
      }
    }
    List<String> artifacts = new ArrayList<>();
    evaluate.path("outputs").path("artifacts").forEach(a -> artifacts.add(a.path("name").asString() + " " + a.path("path").asString()));
    // as KFP 1.8.22's compiler writes them for mlpipeline_metrics_path: OutputPath('Metrics')
    assertEquals(List.of("mlpipeline-metrics /tmp/outputs/mlpipeline_metrics/data",
        "mlpipeline-ui-metadata /tmp/outputs/mlpipeline_ui_metadata/data"), artifacts);
  }

  @Test
  void aLocalRunRecordsTheMetricsAndVisualizations() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).summary(true).build();
    RunResult r = runner.run(Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/evaluation.yaml"),
        Map.of("threshold", "0.5"));
    assertTrue(r.succeeded(), () -> "failed: " + r.failedTask());
    // the summary the README shows
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("\n" + " ".repeat(41) + "metrics: accuracy=0.7 recall=0.8\n"),
        console.toString(StandardCharsets.UTF_8));
    TaskResult task = r.task("evaluate").orElseThrow();
    // 10 items at 0.5: 5 positives, 4 found (recall 0.8); 5 negatives, 3 rejected (accuracy 7 of 10)
    assertEquals(Map.of("accuracy", 0.7, "recall", 0.8), task.metrics());

    JsonNode metricsFile = Yaml.json().readTree(Files.readString(java.util.Objects.requireNonNull(task.artifacts().get("mlpipeline-metrics"), task.artifacts().toString())));
    assertEquals("{\"metrics\": [{\"format\": \"PERCENTAGE\", \"name\": \"accuracy\", \"numberValue\": 0.7}, "
        + "{\"format\": \"RAW\", \"name\": \"recall\", \"numberValue\": 0.8}]}", Yaml.pyJson(metricsFile));

    List<String> types = new ArrayList<>();
    task.visualizations().forEach(v -> types.add(v.path("type").asString()));
    assertEquals(List.of("table", "confusion_matrix", "roc", "markdown", "web-app"), types);
    JsonNode matrix = task.visualizations().get(1);
    assertEquals("inline", matrix.path("storage").asString());
    assertEquals("csv", matrix.path("format").asString());
    assertEquals("[\"no\", \"yes\"]", Yaml.pyJson(matrix.path("labels")));
    assertEquals("[{\"name\": \"target\", \"type\": \"CATEGORY\"}, {\"name\": \"predicted\", \"type\": \"CATEGORY\"}, "
        + "{\"name\": \"count\", \"type\": \"NUMBER\"}]", Yaml.pyJson(matrix.path("schema")));
    assertEquals("no,no,3\nno,yes,2\nyes,no,1\nyes,yes,4\n", matrix.path("source").asString());
    JsonNode table = task.visualizations().get(0);
    assertEquals("[\"item\", \"score\", \"target\", \"predicted\"]", Yaml.pyJson(table.path("header")));
    assertTrue(table.path("source").asString().startsWith("0,0.95,yes,yes\n1,0.85,yes,yes\n"), table.toString());
    JsonNode roc = task.visualizations().get(2);
    assertEquals("fpr,tpr,thresholds", String.join(",", roc.path("schema").valueStream().map(c -> c.path("name").asString()).toList()));
    assertEquals(10, roc.path("source").asString().lines().count());
    assertTrue(task.visualizations().get(4).path("source").asString().contains("accuracy 0.70, recall 0.80"));

    // and run.json, which the local UI reads, has them
    JsonNode run = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json")));
    JsonNode recorded = run.path("tasks").path("evaluate");
    assertEquals(0.7, recorded.path("metrics").path("accuracy").asDouble());
    assertEquals(5, recorded.path("visualizations").size());
  }

  @Test
  void inKfp2TheMetricsAreAlsoTheMetadataOfAMetricsArtifact() {
    LocalRunner runner = LocalRunner.builder().root(dir).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/evaluation.yaml"),
        Map.of("threshold", "0.5"));
    assertTrue(r.succeeded(), () -> "failed: " + r.failedTask());
    TaskResult task = r.task("evaluate").orElseThrow();
    var metrics = task.outputArtifacts().get("mlpipeline_metrics");
    assertEquals("system.Metrics", metrics.type());
    assertEquals(Map.of("accuracy", 0.7, "recall", 0.8), metrics.metadata());
    assertEquals("system.Artifact", task.outputArtifacts().get("mlpipeline_ui_metadata").type());
    assertEquals(5, task.visualizations().size()); // the local runner still reads KFP v1's file
  }
}
