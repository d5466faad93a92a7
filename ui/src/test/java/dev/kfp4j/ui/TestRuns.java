package dev.kfp4j.ui;

import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Real runs for the UI's tests, made by the local runner into a runs folder of their own. */
final class TestRuns {
  private TestRuns() {}

  static Workflow workflow(String resource) {
    return Workflow.resource(TestRuns.class.getClassLoader(), resource);
  }

  static Workflow example(String name) {
    return workflow("META-INF/kfp4j/pipelines/" + name + ".yaml");
  }

  static RunResult run(Path root, Workflow w, Map<String, String> arguments) {
    return LocalRunner.builder().root(root).caching(false).build().run(w, arguments);
  }

  /** A copy of {@code run}'s folder, of the same pipeline, under the run id {@code runId}. */
  static Path copy(RunResult run, String runId) throws IOException {
    Path copy = run.runDir().resolveSibling(runId);
    try (Stream<Path> all = Files.walk(run.runDir())) {
      for (Path from : (Iterable<Path>) all::iterator) {
        Path to = copy.resolve(run.runDir().relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    editRecord(copy, record -> record.put("runId", runId));
    return copy;
  }

  /**
   * A copy of {@code run} as a runner killed while {@code task} ran leaves it: run.json says the
   * run and that task are Running, and no runner holds the folder's lock (the system dropped it
   * with the runner).
   */
  static Path killedCopy(RunResult run, String runId, String task) throws IOException {
    Path copy = copy(run, runId);
    editRecord(copy, record -> {
      record.put("state", "Running").remove("finishedAt");
      ((ObjectNode) record.path("tasks").path(task)).put("state", "Running");
    });
    return copy;
  }

  /** A copy of {@code run} under {@code runId} as an older kfp4j wrote it: its run.json without the pipeline's outputs. */
  static Path withoutOutputs(RunResult run, String runId) throws IOException {
    Path copy = copy(run, runId);
    editRecord(copy, record -> record.remove("outputs"));
    return copy;
  }

  /**
   * A copy of {@code run} under {@code runId} whose run.json lists a loop's iterations last item first, where the first of
   * them stood, as cached tasks may end; the other tasks where they were.
   */
  static Path withIterationsLastFirst(RunResult run, String runId) throws IOException {
    Path copy = copy(run, runId);
    editRecord(copy, record -> {
      List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>(record.path("tasks").properties());
      List<Map.Entry<String, JsonNode>> iterations = tasks.stream().filter(t -> t.getKey().contains("(")).sorted(
          Map.Entry.<String, JsonNode>comparingByKey().reversed()).toList();
      ObjectNode reordered = record.putObject("tasks");
      for (Map.Entry<String, JsonNode> t : tasks) {
        if (!t.getKey().contains("(")) {
          reordered.set(t.getKey(), t.getValue());
        } else if (t.getKey().equals(tasks.stream().filter(x -> x.getKey().contains("(")).findFirst().orElseThrow().getKey())) {
          iterations.forEach(i -> reordered.set(i.getKey(), i.getValue()));
        }
      }
    });
    return copy;
  }

  private static void editRecord(Path runDir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    Path file = runDir.resolve("run.json");
    ObjectNode record = (ObjectNode) Yaml.json().readTree(Files.readString(file));
    edit.accept(record);
    Files.writeString(file, Yaml.json().writeValueAsString(record));
  }

  /** A log of {@code lines} lines of 3-byte characters, so that a piece cut at a byte count may start inside one. */
  static String longLog(int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      text.append("line ").append(i).append(" €€€€€€€€€€\n");
    }
    return text.toString();
  }

  /** A folder made empty, under the module's target folder. */
  static Path fresh(String name) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * A KFP 2 pipeline of two container tasks that give what a component logging classification metrics gives KFP's launcher
   * (its executor output): {@code classify}, a {@code ClassificationMetrics} {@code cm} (a confusion matrix of cat and dog,
   * 8 2 / 1 9, and a ROC curve of three points); {@code slice}, a {@code SlicedClassificationMetrics} {@code bySlice} (slice
   * north a matrix, 4 1 / 0 5; slice south a ROC curve of two points). The metadata is what kfp4j's own artifact classes
   * write when logged so.
   */
  static Workflow classification() {
    var cm = new dev.kfp4j.artifacts.ClassificationMetrics(Path.of("cm"));
    cm.logConfusionMatrix(java.util.List.of("cat", "dog"), new int[][] {{8, 2}, {1, 9}});
    cm.logRoc(new double[] {0.1, 0.2, 0.6}, new double[] {0.5, 0.9, 1.0}, new double[] {0.9, 0.5, 0.1});
    var sliced = new dev.kfp4j.artifacts.SlicedClassificationMetrics(Path.of("bySlice"));
    sliced.logConfusionMatrix("north", java.util.List.of("cat", "dog"), new int[][] {{4, 1}, {0, 5}});
    sliced.logRoc("south", new double[] {0.0, 0.3}, new double[] {0.4, 1.0}, new double[] {0.8, 0.2});
    var pipeline = new dev.kfp4j.model.Pipeline("classification", null, java.util.List.of(), java.util.List.of(
        metricsTask("classify", "cm", "system.ClassificationMetrics", cm.metadata()),
        metricsTask("slice", "bySlice", "system.SlicedClassificationMetrics", sliced.metadata())), null,
        dev.kfp4j.model.PipelineSettings.DEFAULTS, null);
    return Workflow.parse(dev.kfp4j.format.kfp2.Kfp2Writer.write(pipeline), "classification.yaml");
  }

  /** A task whose container writes the executor output giving its artifact {@code output} of {@code type} {@code metadata}. */
  private static dev.kfp4j.model.Task metricsTask(String name, String output, String type, Map<String, Object> metadata) {
    ObjectNode executorOutput = Yaml.object();
    ObjectNode artifact = executorOutput.putObject("artifacts").putObject(output).putArray("artifacts").addObject().put("name", output);
    artifact.set("metadata", Yaml.json().valueToTree(metadata));
    var component = new dev.kfp4j.spec.ComponentSpec(name, null, null, null, java.util.List.of(), java.util.List.of(
        new dev.kfp4j.spec.OutputSpec(output, dev.kfp4j.spec.TypeSpec.named(type), null)),
        new dev.kfp4j.spec.ContainerSpec("python:3", java.util.List.of(new dev.kfp4j.spec.Placeholder.Literal("sh")), java.util.List.of(
            new dev.kfp4j.spec.Placeholder.Literal("-c"),
            new dev.kfp4j.spec.Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\"; printf %s \"$1\" > \"$f\""),
            new dev.kfp4j.spec.Placeholder.ExecutorInput(), new dev.kfp4j.spec.Placeholder.Literal(executorOutput.toString())), null, null),
        null);
    return new dev.kfp4j.model.Task(name, component, Map.of());
  }

  /** A classes folder holding the named example pipelines, in the formats they were compiled in, as {@code mvn compile} leaves them. */
  static Path classes(Path dir, String... pipelines) throws IOException {
    for (String p : pipelines) {
      boolean any = false;
      for (String folder : CompiledPipelines.FOLDERS) {
        try (InputStream in = TestRuns.class.getClassLoader().getResourceAsStream(folder + "/" + p + ".yaml")) {
          if (in != null) {
            Files.write(Files.createDirectories(dir.resolve(folder)).resolve(p + ".yaml"), in.readAllBytes());
            any = true;
          }
        }
      }
      if (!any) {
        throw new IllegalArgumentException("no example pipeline " + p);
      }
    }
    return dir;
  }
}
