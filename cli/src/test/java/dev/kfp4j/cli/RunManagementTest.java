package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The run-management groups ({@code experiments}, {@code pipelines}, {@code runs}, {@code
 * recurring-runs}) end to end against the fake KFP server, through each API: what they change is
 * read back from the server, and what they print is what it holds.
 */
class RunManagementTest {
  @TempDir
  Path dir;

  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() {
    kfp = FakeKfpServer.start();
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  private Cli kfp4j(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--config", config.toString()));
    return Cli.run(all.toArray(String[]::new));
  }

  private JsonNode json(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("-o", "json"));
    Cli r = kfp4j(all.toArray(String[]::new));
    assertEquals(0, r.code(), String.join(" ", args) + ": " + r);
    return Yaml.json().readTree(r.out());
  }

  private void configure(String apiVersion) throws Exception {
    config = dir.resolve("kfp4j.yaml");
    Files.writeString(config, "host: " + kfp.uri() + "\napi_version: " + apiVersion
        + "\nrun_config: {image: registry.example.com/calc:2.0, experiment_name: Calc, run_name: nightly}\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1beta1", "v2beta1"})
  void experimentsPipelinesRunsAndRecurringRuns(String apiVersion) throws Exception {
    configure(apiVersion);
    boolean v2 = apiVersion.equals("v2beta1");
    kfp.tasksReport("make-data", Map.of("data", v2 ? "17" : "artifacts/training/make-data/data.tgz"));
    String runId = json("run-once", "--no-wait", "--classes", CommandsTest.CLASSES, "-p", "training").path("run_id").asString();

    // experiments
    assertEquals("Calc", json("experiments", "list").path(0).path("name").asString());
    String calc = json("experiments", "get", "Calc").path("id").asString();
    assertEquals(calc, json("experiments", "get", calc).path("id").asString(), "by name or id");
    JsonNode old = json("experiments", "create", "old", "--description", "last year's");
    assertEquals("AVAILABLE", old.path("state").asString());
    assertEquals("ARCHIVED", json("experiments", "archive", "old").path("state").asString());
    assertEquals("ARCHIVED", experiment(v2, "old").path("storage_state").asString().replace("STORAGESTATE_", ""));
    assertEquals("AVAILABLE", json("experiments", "unarchive", "old").path("state").asString(), "kfp experiment unarchive");
    assertEquals("AVAILABLE", experiment(v2, "old").path("storage_state").asString().replace("STORAGESTATE_", ""));
    assertEquals("experiment", json("experiments", "delete", old.path("id").asString()).path("deleted").asString());
    assertEquals(1, v2 ? kfp.v2().experiments().size() : kfp.experiments().size());

    // pipelines and versions
    JsonNode pipeline = json("pipelines", "get", "training");
    assertEquals("training", pipeline.path("name").asString());
    JsonNode versions = json("pipelines", "list-versions", "training");
    assertEquals(1, versions.size());
    String version = versions.path(0).path("id").asString();
    assertEquals(pipeline.path("id").asString(), json("pipelines", "get-version", "training", version).path("pipeline_id").asString());
    Cli table = kfp4j("pipelines", "list");
    assertTrue(table.out().startsWith("NAME") && table.out().contains("training"), table.toString());
    // a v2beta1 pipeline has no default version: no column, no key (the column was always empty, the key null)
    for (Cli listed : List.of(table, kfp4j("list-pipelines"))) {
      assertTrue(listed.out().lines().findFirst().orElseThrow().matches("NAME +ID +CREATED" + (v2 ? "" : " +DEFAULT_VERSION_ID")),
          listed.toString());
    }
    for (JsonNode shown : List.of(pipeline, json("list-pipelines").path(0))) {
      assertEquals(v2 ? null : version, shown.has("default_version_id") ? shown.path("default_version_id").asString() : null,
          shown.toString());
    }

    // runs: states and task outputs as the server reports them
    JsonNode running = json("runs", "get", runId);
    assertEquals("RUNNING", running.path("state").asString());
    JsonNode done = json("runs", "get", runId);
    assertEquals("SUCCEEDED", done.path("state").asString());
    JsonNode tasks = done.path("tasks");
    assertEquals(List.of("make-data", "train"), List.of(tasks.path(0).path("name").asString(), tasks.path(1).path("name").asString()));
    assertEquals(v2 ? "SUCCEEDED" : "Succeeded", tasks.path(0).path("state").asString());
    assertFalse(tasks.path(0).path("pod").asString().isEmpty());
    assertEquals(v2 ? "17" : "artifacts/training/make-data/data.tgz", tasks.path(0).at("/outputs/data").asString());
    assertTrue(tasks.path(1).path("outputs").isEmpty(), "the server reported none for train");
    Cli shown = kfp4j("runs", "get", runId);
    assertTrue(shown.out().contains("state: SUCCEEDED"), shown.toString());
    assertTrue(shown.out().matches("(?s).*TASK +STATE +POD +OUTPUTS\nmake-data +" + (v2 ? "SUCCEEDED" : "Succeeded") + " .* data="
        + (v2 ? "17" : "artifacts/training/make-data/data.tgz") + "\n.*"), shown.toString());
    assertEquals(runId, json("runs", "list", "--experiment", "Calc").path(0).path("id").asString());

    assertEquals(v2 ? "CANCELED" : "FAILED", json("runs", "terminate", runId).path("state").asString());
    assertEquals("RUNNING", json("runs", "retry", runId).path("state").asString());
    json("runs", "archive", runId);
    assertEquals(v2 ? "ARCHIVED" : "STORAGESTATE_ARCHIVED", (v2 ? kfp.v2().runs() : kfp.runs()).get(0).path("storage_state").asString());
    json("runs", "unarchive", runId); // kfp run unarchive
    assertEquals(v2 ? "AVAILABLE" : "STORAGESTATE_AVAILABLE", (v2 ? kfp.v2().runs() : kfp.runs()).get(0).path("storage_state").asString());
    assertEquals("run", json("runs", "delete", runId).path("deleted").asString());
    assertTrue((v2 ? kfp.v2().runs() : kfp.runs()).isEmpty());

    // recurring runs
    String recurring = json("schedule", "--every", "1h", "--classes", CommandsTest.CLASSES, "-p", "training")
        .path("recurring_run_id").asString();
    assertEquals(recurring, json("recurring-runs", "list").path(0).path("id").asString());
    assertEquals("true", json("recurring-runs", "get", recurring).path("enabled").asString());
    assertEquals("false", json("recurring-runs", "disable", recurring).path("enabled").asString());
    assertFalse(recurringEnabled(v2));
    assertEquals("true", json("recurring-runs", "enable", recurring).path("enabled").asString());
    assertTrue(recurringEnabled(v2));
    json("recurring-runs", "delete", recurring);
    assertTrue((v2 ? kfp.v2().recurringRuns() : kfp.jobs()).isEmpty());

    // and last, the version and the pipeline
    json("pipelines", "delete-version", "training", version);
    assertTrue((v2 ? kfp.v2().versions() : kfp.versions()).isEmpty());
    assertEquals("pipeline", json("pipelines", "delete", "training").path("deleted").asString());
    assertTrue((v2 ? kfp.v2().pipelines() : kfp.pipelines()).isEmpty());
  }

  private JsonNode experiment(boolean v2, String name) {
    return (v2 ? kfp.v2().experiments() : kfp.experiments()).stream()
        .filter(e -> name.equals(e.path(v2 ? "display_name" : "name").asString())).findFirst().orElseThrow();
  }

  private boolean recurringEnabled(boolean v2) {
    return v2 ? kfp.v2().recurringRuns().get(0).path("status").asString().equals("ENABLED") : kfp.jobs().get(0).path("enabled").asBoolean();
  }

  @Test
  void aGroupWithoutItsCommandOrAnIdIsAUsageErrorAndAnUnknownIdTheServersAnswer() throws Exception {
    configure("v2beta1");
    Cli group = Cli.run("runs");
    assertEquals(2, group.code(), group.toString());
    assertTrue(group.err().contains("choose a command: list, get, terminate, retry, archive, unarchive, delete"), group.toString());
    Cli noId = kfp4j("recurring-runs", "disable");
    assertEquals(2, noId.code(), noId.toString());
    assertTrue(noId.err().contains("Missing required parameter: 'ID'"), noId.toString());
    Cli noVersion = kfp4j("pipelines", "get-version", "add-example"); // named as the README names it, an id
    assertEquals(2, noVersion.code(), noVersion.toString());
    assertTrue(noVersion.err().contains("Missing required parameter: 'VERSION_ID'"), noVersion.toString());
    assertTrue(noVersion.err().contains("PIPELINE VERSION_ID"), "the usage line: " + noVersion);
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Cli unknown = kfp4j("runs", "get", "run-404");
    assertEquals(3, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("Run run-404 not found"), unknown.toString());
    Cli noExperiment = kfp4j("experiments", "archive", "nightly");
    assertEquals(3, noExperiment.code(), noExperiment.toString());
    assertTrue(noExperiment.err().contains("no experiment named 'nightly' or of that id"), noExperiment.toString());
    Cli noPipeline = kfp4j("pipelines", "delete", "nightly");
    assertEquals(3, noPipeline.code(), noPipeline.toString());
    assertTrue(noPipeline.err().contains("no pipeline named 'nightly' or of that id on ")
        && noPipeline.err().contains("; 'kfp4j pipelines list' lists them"), noPipeline.toString());
  }
}
