package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.Placeholder;
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
 * A task the runner itself failed in an attempt (here: it ran, printed, and left an executor output that is not JSON, which
 * the runner cannot complete its outputs from) had {@code millis} 0 and no log in its result, in run.json and in the journal,
 * though it ran and its log.txt was there: the summary showed neither its last lines nor where its log is. Now its result
 * has the attempt's time and its log, as a task that fails by itself has.
 */
class RunnerFaultResultTest {
  @TempDir Path dir;

  @Test
  void aTaskTheRunnerFailedInAnAttemptHasItsTimeAndItsLog() throws Exception {
    ComponentSpec spoils = new ComponentSpec("spoils", null, null, null, List.of(), List.of(),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "echo working on it; sleep 0.05; mkdir -p \"$(dirname \"$f\")\"; printf 'not json' > \"$f\""),
            new Placeholder.ExecutorInput()), null, null), null);
    Pipeline p = new Pipeline("spoiled", null, List.of(), List.of(new Task("spoils", spoils, Map.of())), null,
        PipelineSettings.DEFAULTS, null);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(Workflow.parse(Kfp2Writer.write(p), "spoiled.yaml"), Map.of());
    String shown = console.toString(StandardCharsets.UTF_8);

    TaskResult t = r.task("spoils").orElseThrow();
    assertEquals(State.Failed, t.state(), shown);
    assertTrue(t.message().startsWith("its executor output ") && t.message().contains(" is not JSON"), t.message());
    Path log = r.runDir().resolve("spoils/log.txt");
    assertEquals(log, t.log(), "its log, as a task that fails by itself has (was null): " + t);
    assertTrue(Files.readString(log).contains("working on it\n"));
    assertTrue(t.millis() > 0, "the attempt's time (was 0): " + t.millis());
    assertEquals(1, t.attempts());

    JsonNode recorded = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).path("tasks").path("spoils");
    assertEquals(t.millis(), recorded.path("millis").asLong(), "run.json says it");
    JsonNode journaled = Journal.read(r.runDir()).stream().filter(e -> e.has("task") && e.path("id").asString().equals("spoils"))
        .findFirst().orElseThrow().path("task");
    assertEquals("Failed", journaled.path("state").asString());
    assertEquals(t.millis(), journaled.path("millis").asLong(), "the journal says it");

    assertTrue(shown.contains("task 'spoils' failed: " + t.message() + "\n"), shown);
    assertTrue(shown.contains("  | working on it\n"), "its last lines: " + shown);
    assertTrue(shown.contains("  log: " + log + "\n"), "where its log is: " + shown);
  }
}
