package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run record keeps every finished task, also when the process dies before run.json is rewritten. */
class RunRecordTest {
  @TempDir Path dir;

  static TaskResult succeeded(String id, Map<String, String> outputs) {
    return new TaskResult(id, id, "t", TaskResult.State.Succeeded, 1, 0, outputs, Map.of(), 5, null, null, null);
  }

  @Test
  void aFinishedTaskSurvivesACrashBeforeTheNextFlush() throws Exception {
    RunRecord record = new RunRecord(dir, "p", "run-1", Map.of("n", "1"));
    String beforeTheTask = Files.readString(dir.resolve("run.json"));
    record.finished(succeeded("a", Map.of("out", "42")));
    // the crash: run.json as it was before the task finished
    Files.writeString(dir.resolve("run.json"), beforeTheTask);
    PreviousRun loaded = PreviousRun.load(dir);
    assertNotNull(loaded.finished("a"));
    assertEquals("42", loaded.finished("a").at("/outputs/out").asString());
    assertNull(loaded.finished("b"));
    assertEquals(Map.of("n", "1"), loaded.arguments());
    assertEquals("run-1", loaded.runId());
    record.done(TaskResult.State.Succeeded, Map.of()); // stops its flusher before the folder is deleted
  }

  @Test
  void savingRunJsonNeitherFollowsNorReplacesAnyFileBesideIt() throws Exception {
    Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("keep.txt"), "mine");
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.createSymbolicLink(run.resolve(".run-writing.json"), elsewhere); // the name an earlier runner staged run.json under
    RunRecord record = new RunRecord(run, "p", "run-1", Map.of());
    record.done(TaskResult.State.Succeeded, Map.of());
    assertEquals("mine", Files.readString(elsewhere), "the file the link points to is untouched");
    assertEquals("run-1", PreviousRun.load(run).runId());
    try (java.util.stream.Stream<Path> files = Files.list(run)) {
      assertEquals(java.util.List.of(".run-writing.json", "journal.jsonl", "run.json"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing staged is left");
    }
  }

  @Test
  void runJsonIsTheRecordAsJacksonPrettyPrintsIt() throws Exception {
    RunRecord record = new RunRecord(dir, "p", "run-1", Map.of("n", "1"));
    record.running("a", "a", 1);
    record.finished(new TaskResult("a", "a", "t", TaskResult.State.Succeeded, 1, 0, Map.of("out", "4\n2 \"x\""),
        Map.of("model", dir.resolve("a/outputs/model/data")), 5, null, null, java.util.List.of("java", "-cp", "x", "Main")));
    record.running("b", "b", 1);
    record.container("b", "image:1", null);
    record.done(TaskResult.State.Failed, Map.of("total", "4", "size", "small"));
    String text = Files.readString(dir.resolve("run.json"));
    tools.jackson.databind.JsonNode tree = dev.kfp4j.yaml.Yaml.json().readTree(text);
    assertEquals(dev.kfp4j.yaml.Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree), text);
    assertEquals("4\n2 \"x\"", tree.at("/tasks/a/outputs/out").asString());
    assertEquals("a/outputs/model/data", tree.at("/tasks/a/artifacts/model/path").asString());
    assertEquals("image:1", tree.at("/tasks/b/image").asString());
    assertEquals("{\"size\":\"small\",\"total\":\"4\"}", tree.path("outputs").toString(), "the pipeline's outputs, by name");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertEquals(java.util.List.of("journal.jsonl", "run.json"), files.map(f -> f.getFileName().toString()).sorted().toList(),
          "no file of its writing is left");
    }
  }

  @Test
  void eachRewriteShowsATaskAsItIsThen() throws Exception {
    RunRecord record = new RunRecord(dir, "p", "run-1", Map.of());
    record.running("a", "a", 1);
    record.done(TaskResult.State.Succeeded, Map.of());
    assertEquals("Running", dev.kfp4j.yaml.Yaml.json().readTree(dir.resolve("run.json").toFile()).at("/tasks/a/state").asString());
    record.running("a", "a", 2);
    record.finished(succeeded("a", Map.of("out", "42")));
    record.done(TaskResult.State.Succeeded, Map.of());
    tools.jackson.databind.JsonNode a = dev.kfp4j.yaml.Yaml.json().readTree(dir.resolve("run.json").toFile()).at("/tasks/a");
    assertEquals("Succeeded", a.path("state").asString());
    assertEquals("42", a.at("/outputs/out").asString());
  }

  @Test
  void aLineCutShortByTheCrashIsIgnored() throws Exception {
    RunRecord record = new RunRecord(dir, "p", "run-1", Map.of());
    record.finished(succeeded("a", Map.of()));
    Files.writeString(dir.resolve("journal.jsonl"), "{\"entry\":{\"id\": \"b\", \"task\": {\"state\": \"Succ", java.nio.file.StandardOpenOption.APPEND);
    PreviousRun loaded = PreviousRun.load(dir);
    assertNotNull(loaded.finished("a"));
    assertNull(loaded.finished("b"));
    record.done(TaskResult.State.Succeeded, Map.of());
  }
}
