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
import java.util.Comparator;
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
