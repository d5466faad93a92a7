package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code MultipleExitHandlers}, the Java port of KFP's {@code pipeline_with_multiple_exit_handlers.py}, compiled by the real
 * processor. KFP's compiler writes each handler as a group, {@code exit-handler-N}, and its exit task beside it waiting for
 * it with {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED}; kfp4j writes the same root and groups, only the
 * names of the components differing (one {@code comp-print-op} for KFP's six copies of it). Run on
 * this machine, the first handler's task fails, every exit task runs after its own handler's tasks, and the run fails, as
 * KFP reports it.
 */
class MultipleExitHandlersTest {
  private static final String OURS = "META-INF/kfp4j/kfp2/pipelines/pipeline-with-multiple-exit-handlers.yaml";
  private static final String KFP = "dev/kfp4j/examples/pipeline_with_multiple_exit_handlers.yaml";
  /** Each exit task, the handler KFP's compiler wrote it after. */
  private static final Map<String, String> EXITS = Map.of("print-op", "exit-handler-1", "print-op-3", "exit-handler-2",
      "print-op-5", "exit-handler-3");

  @TempDir Path dir;

  @Test
  void theRootAndTheHandlersGroupsAreWhatKfpsCompilerWrote() {
    String yaml = Yaml.resource(getClass(), OURS);
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(yaml, OURS);
    JsonNode kfp = Yaml.readAll(Yaml.resource(getClass(), KFP)).get(0);
    JsonNode ours = Yaml.readAll(yaml).get(0);
    assertEquals(kfp.at("/pipelineInfo/name"), ours.at("/pipelineInfo/name"));
    assertEquals(kfp.at("/root/inputDefinitions"), ours.at("/root/inputDefinitions"), yaml);
    // the root: three exit-handler-N groups and each exit task beside its own, waiting for it whatever happened; every part
    // as KFP wrote it but the component each task runs (kfp4j writes one comp-print-op, KFP one per task)
    assertEquals(withoutComponents(kfp.at("/root/dag")), withoutComponents(ours.at("/root/dag")), yaml);
    EXITS.forEach((exit, handler) -> {
      assertEquals(List.of(handler), ours.at("/root/dag/tasks/" + exit + "/dependentTasks").valueStream().map(JsonNode::asString).toList());
      // each handler's group: its DAG and the input it takes, as KFP wrote them
      JsonNode kfpGroup = kfp.at("/components/comp-" + handler);
      JsonNode ourGroup = ours.at("/components/comp-" + handler);
      assertEquals(withoutComponents(kfpGroup.get("dag")), withoutComponents(ourGroup.get("dag")), handler + " in\n" + yaml);
      assertEquals(kfpGroup.get("inputDefinitions"), ourGroup.get("inputDefinitions"), handler + " in\n" + yaml);
    });
    // read into kfp4j's model, both are the same groups and tasks, each exit task run after its handler's tasks whatever happened
    Pipeline fromKfp = Kfp2Reader.read(Yaml.resource(getClass(), KFP), KFP);
    Pipeline fromJava = Kfp2Reader.read(yaml, OURS);
    assertNull(fromJava.exitTask());
    assertEquals(shape(fromKfp), shape(fromJava));
    assertEquals(List.of("exit-handler-1", "exit-handler-2", "exit-handler-3", "print-op", "print-op-3", "print-op-5"), shape(fromJava)
        .stream().map(t -> t.split(" ")[0]).toList());
    // no Argo workflow: KFP v1's has one exit handler
    assertNull(getClass().getClassLoader().getResource("META-INF/kfp4j/pipelines/pipeline-with-multiple-exit-handlers.yaml"));
  }

  @Test
  void oneExitHandlerIsWhatKfpsCompilerWrote() {
    String file = "META-INF/kfp4j/kfp2/pipelines/pipeline-with-exit-handler.yaml";
    String yaml = Yaml.resource(getClass(), file);
    JsonNode kfp = Yaml.readAll(Yaml.resource(getClass(), "dev/kfp4j/examples/pipeline_with_exit_handler.yaml")).get(0);
    JsonNode ours = Yaml.readAll(yaml).get(0);
    // the one handler's group and its exit task beside it, written as for one of several
    assertEquals(withoutComponents(kfp.at("/root/dag")), withoutComponents(ours.at("/root/dag")), yaml);
    assertEquals(withoutComponents(kfp.at("/components/comp-exit-handler-1/dag")),
        withoutComponents(ours.at("/components/comp-exit-handler-1/dag")), yaml);
    assertEquals(kfp.at("/components/comp-exit-handler-1/inputDefinitions"), ours.at("/components/comp-exit-handler-1/inputDefinitions"));
    assertEquals(kfp.at("/root/inputDefinitions"), ours.at("/root/inputDefinitions"), yaml);
  }

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS"})
  void oneBesideOtherTasksRunsAfterItsOwnTasksWithTheirGroupsStatus(LocalRunner.JavaMode mode) throws IOException {
    String file = "META-INF/kfp4j/kfp2/pipelines/exit-handler-beside-tasks.yaml";
    JsonNode tasks = Yaml.readAll(Yaml.resource(getClass(), file)).get(0).at("/root/dag/tasks");
    // as KFP's compiler writes it: the group named as the handler, the exit task given the group's status
    assertEquals("notify", tasks.at("/exit-handler-1/taskInfo/name").asString());
    assertEquals("exit-handler-1", tasks.at("/get-run-state/inputs/parameters/status/taskFinalStatus/producerTask").asString());
    assertEquals("[\"exit-handler-1\"]", tasks.at("/get-run-state/dependentTasks").toString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", tasks.at("/get-run-state/triggerPolicy/strategy").asString());
    assertTrue(tasks.at("/print-op/dependentTasks").isMissingNode() && tasks.at("/print-op-3/dependentTasks").isMissingNode());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(Workflow.resource(getClass().getClassLoader(), file), Map.of());
    assertFalse(r.succeeded(), console::toString);
    assertEquals("fail-op", r.failedTask().orElseThrow().name(), console::toString);
    for (String t : List.of("print-op", "print-op-3", "exit-handler-1/print-op-2", "get-run-state")) {
      assertEquals(TaskResult.State.Succeeded, r.task(t).orElseThrow(() -> new AssertionError(t + ":\n" + console)).state(), console::toString);
    }
    assertEquals("FAILED", r.output("get-run-state", "Output"), console::toString);
    String log = Files.readString(r.task("get-run-state").orElseThrow().log());
    assertTrue(log.contains("exit-handler-1"), log); // the status of the handler's group, as KFP gives it
    JsonNode record = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json"))).get("tasks");
    Instant started = Instant.parse(record.at("/get-run-state/startedAt").asString());
    for (String t : List.of("exit-handler-1/print-op-2", "exit-handler-1/fail-op")) {
      Instant ended = Instant.parse(record.get(t).get("finishedAt").asString());
      assertTrue(!started.isBefore(ended), () -> "get-run-state started before " + t + " ended:\n" + record);
    }
  }

  /** A DAG without the names of the components its tasks run. */
  private static JsonNode withoutComponents(JsonNode dag) {
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) dag.deepCopy();
    copy.get("tasks").forEach(t -> ((tools.jackson.databind.node.ObjectNode) t).remove("componentRef"));
    return copy;
  }

  /** Each task's name, arguments, settings and what it waits for (in name order), and each group's with its body, by name. */
  private static List<String> shape(Pipeline p) {
    return p.nodes().stream().sorted(java.util.Comparator.comparing(Node::name)).map(n -> n instanceof Task t
        ? t.name() + " " + t.arguments() + " " + t.settings() + " after " + new TreeSet<>(t.after())
        : n.name() + " " + n.getClass().getSimpleName() + " " + ((dev.kfp4j.model.Condition) n).predicate() + " "
            + ((dev.kfp4j.model.Condition) n).body().stream().map(b -> ((Task) b).name() + " " + ((Task) b).arguments()).sorted().toList())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void eachExitTaskRunsAfterItsOwnHandlersTasksAndTheRunFails(LocalRunner.JavaMode mode) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), OURS);
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of());
    // KFP reports the run FAILED: a task of it failed, though every exit task succeeded
    assertFalse(r.succeeded(), console::toString);
    assertEquals("fail-op", r.failedTask().orElseThrow().name(), console::toString);
    // each handler's tasks run in its group, as KFP's run shows them
    assertEquals(TaskResult.State.Failed, r.task("exit-handler-1/fail-op").orElseThrow(
        () -> new AssertionError(r.tasks().stream().map(TaskResult::id).toList())).state(), console::toString);
    JsonNode tasks = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json"))).get("tasks");
    Map<String, List<String>> handlers = Map.of("print-op", List.of("exit-handler-1/print-op-2", "exit-handler-1/fail-op"),
        "print-op-3", List.of("exit-handler-2/print-op-4"), "print-op-5", List.of("exit-handler-3/print-op-6"));
    Map<String, String> said = Map.of("print-op", "First exit handler has worked!", "print-op-3", "Second exit handler has worked!",
        "print-op-5", "Third exit handler has worked!");
    handlers.forEach((exit, body) -> {
      TaskResult ran = r.task(exit).orElseThrow(() -> new AssertionError(exit + " did not run:\n" + console));
      assertEquals(TaskResult.State.Succeeded, ran.state(), console::toString);
      try {
        assertEquals(said.get(exit), Files.readString(ran.log()).strip(), console::toString);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Instant started = Instant.parse(tasks.get(exit).get("startedAt").asString());
      List<Instant> ended = new ArrayList<>();
      for (String t : body) {
        JsonNode record = tasks.get(t);
        assertTrue(record != null && record.has("finishedAt"), () -> t + " not in run.json: " + tasks);
        ended.add(Instant.parse(record.get("finishedAt").asString()));
      }
      Instant last = ended.stream().max(Instant::compareTo).orElseThrow();
      assertTrue(!started.isBefore(last), () -> exit + " started at " + started + ", before its handler's last task ended at " + last
          + ":\n" + tasks);
    });
    for (String t : List.of("exit-handler-1/print-op-2", "exit-handler-2/print-op-4", "exit-handler-3/print-op-6")) {
      assertEquals(TaskResult.State.Succeeded, r.task(t).orElseThrow().state(), console::toString);
      assertEquals("Hello World!", Files.readString(r.task(t).orElseThrow().log()).strip(), console::toString);
    }
  }
}
