package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code NotifyOnExit}, compiled by the real processor: two exit handlers, the first's exit task the pipeline {@code
 * notify-team}, whose {@code post-report} reads the status after {@code open-ticket}. Written as KFP's compiler writes any
 * handler's exit task, and run on this machine: the team is told how training ended, whichever handler fails.
 */
class NotifyOnExitTest {
  private static final String FILE = "META-INF/kfp4j/kfp2/pipelines/notify-on-exit.yaml";

  @TempDir Path dir;

  @Test
  void eachExitTaskWaitsForItsOwnHandlerAndTheExitPipelinesTasksReadItsStatus() {
    String yaml = Yaml.resource(getClass(), FILE);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode root = spec.at("/root/dag/tasks");
    assertEquals("training", root.at("/exit-handler-1/taskInfo/name").asString(), yaml);
    assertEquals("publishing", root.at("/exit-handler-2/taskInfo/name").asString(), yaml);
    // the exit pipeline: a task running its DAG after the first handler's group, whatever happened, given its status
    JsonNode notify = root.get("notify-team");
    assertEquals("[\"exit-handler-1\"]", notify.get("dependentTasks").toString(), yaml);
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", notify.at("/triggerPolicy/strategy").asString(), yaml);
    assertEquals("exit-handler-1", notify.at("/inputs/parameters/status/taskFinalStatus/producerTask").asString(), yaml);
    assertEquals("channel", notify.at("/inputs/parameters/channel/componentInputParameter").asString(), yaml);
    assertEquals("exit-handler-2", root.at("/tidy-publishing/inputs/parameters/status/taskFinalStatus/producerTask").asString(), yaml);
    // its DAG takes the status as KFP's compiler declares it; post-report reads it there, after open-ticket
    JsonNode comp = spec.at("/components/comp-notify-team");
    assertEquals("TASK_FINAL_STATUS", comp.at("/inputDefinitions/parameters/status/parameterType").asString(), yaml);
    assertTrue(comp.at("/inputDefinitions/parameters/status/isOptional").asBoolean(), yaml);
    assertEquals("status", comp.at("/dag/tasks/post-report/inputs/parameters/status/componentInputParameter").asString(), yaml);
    assertEquals("[\"open-ticket\"]", comp.at("/dag/tasks/post-report/dependentTasks").toString(), yaml);
    // read back with its calls kept, it writes the same
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.readNested(yaml, FILE)));
    // no Argo workflow (KFP v1's has one exit handler), and no spec of notify-team's own (it runs only as an exit task)
    assertNull(getClass().getClassLoader().getResource("META-INF/kfp4j/pipelines/notify-on-exit.yaml"));
    assertNull(getClass().getClassLoader().getResource("META-INF/kfp4j/kfp2/pipelines/notify-team.yaml"));
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(yaml, FILE);
  }

  @Test
  void whenAllSucceedTheTeamIsToldTrainingSucceeded() {
    RunResult r = run(Map.of(), "ok");
    assertTrue(r.succeeded());
    assertEquals("#ml-runs/ticket-1: exit-handler-1 succeeded", r.output("post-report", "Output"));
    assertEquals("cleaned up after exit-handler-2 (SUCCEEDED)", r.output("tidy-publishing", "Output"));
  }

  @Test
  void whenTrainingFailsTheTeamIsToldSoAfterTheTicketIsOpened() {
    RunResult r = run(Map.of("failTraining", "true"), "training");
    assertFalse(r.succeeded());
    assertEquals("train-classifier", r.failedTask().orElseThrow().name());
    assertEquals("#ml-runs/ticket-1", r.output("open-ticket", "Output"));
    assertEquals("#ml-runs/ticket-1: exit-handler-1 failed", r.output("post-report", "Output"));
    assertEquals("cleaned up after exit-handler-2 (SUCCEEDED)", r.output("tidy-publishing", "Output"));
  }

  @Test
  void whenPublishingFailsTheTeamIsToldTrainingSucceeded() {
    RunResult r = run(Map.of("failPublishing", "true", "channel", "#ops"), "publishing");
    assertFalse(r.succeeded());
    assertEquals("publish-model", r.failedTask().orElseThrow().name());
    assertEquals("#ops/ticket-1: exit-handler-1 succeeded", r.output("post-report", "Output"));
    assertEquals("cleaned up after exit-handler-2 (FAILED)", r.output("tidy-publishing", "Output"));
  }

  private RunResult run(Map<String, String> args, String name) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    return LocalRunner.builder().root(dir.resolve(name)).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .build().run(Workflow.resource(getClass().getClassLoader(), FILE), args);
  }
}
