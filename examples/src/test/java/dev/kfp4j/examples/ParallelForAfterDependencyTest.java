package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.ArgoSchemas;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ParallelForAfterDependency}, the Java port of KFP's {@code parallel_for_after_dependency.py}, compiled by the
 * real processor: {@code print-op-2} and {@code print-op-3} wait for the loop's group as KFP's compiler wrote it for the
 * Python ({@code dependentTasks: [for-loop-2]}: the loop over constants numbered after its item, {@code loop-item-param-1},
 * as KFP numbers them), Argo's workflow has them depend on the loop's DAG task, and run on this machine from either file they
 * start once every iteration has ended.
 */
class ParallelForAfterDependencyTest {
  private static final String NAME = "loop-with-after-dependency-set.yaml";
  private static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines/" + NAME;
  private static final String ARGO = "META-INF/kfp4j/pipelines/" + NAME;
  private static final String KFP = "dev/kfp4j/examples/parallel_for_after_dependency.yaml";

  @TempDir Path dir;

  @Test
  void theTasksAfterTheLoopWaitForItsGroupAsKfpsCompilerWroteIt() {
    String yaml = Yaml.resource(getClass(), KFP2);
    Shared.root(Shared.KFP_PROTOS);
    Kfp2Schemas.assertValid(yaml, KFP2);
    JsonNode kfp = Yaml.readAll(Yaml.resource(getClass(), KFP)).get(0);
    JsonNode ours = Yaml.readAll(yaml).get(0);
    assertEquals(kfp.at("/pipelineInfo/name"), ours.at("/pipelineInfo/name"));
    JsonNode kfpTasks = kfp.at("/root/dag/tasks");
    JsonNode ourTasks = ours.at("/root/dag/tasks");
    // the same tasks, the loop named as KFP names it: for-loop-2, after its item loop-item-param-1
    assertEquals(List.of("for-loop-2", "print-op-2", "print-op-3"), List.copyOf(kfpTasks.propertyNames()));
    assertEquals(List.copyOf(kfpTasks.propertyNames()), List.copyOf(ourTasks.propertyNames()), yaml);
    for (String t : List.of("print-op-2", "print-op-3")) {
      assertEquals("[\"for-loop-2\"]", kfpTasks.at("/" + t + "/dependentTasks").toString());
      for (String part : List.of("dependentTasks", "inputs", "cachingOptions", "taskInfo")) {
        assertEquals(kfpTasks.at("/" + t + "/" + part), ourTasks.at("/" + t + "/" + part), t + " " + part + " in\n" + yaml);
      }
    }
    assertEquals("pipelinechannel--loop-item-param-1", kfpTasks.at("/for-loop-2/parameterIterator/itemInput").asString());
    assertEquals(kfpTasks.at("/for-loop-2/parameterIterator"), ourTasks.at("/for-loop-2/parameterIterator"), yaml);
    assertEquals(kfpTasks.at("/for-loop-2/taskInfo"), ourTasks.at("/for-loop-2/taskInfo"), yaml);
    assertEquals(kfp.at("/components/comp-for-loop-2/inputDefinitions"), ours.at("/components/comp-for-loop-2/inputDefinitions"), yaml);
    assertEquals(kfp.at("/components/comp-for-loop-2/dag/tasks/print-op/inputs"),
        ours.at("/components/comp-for-loop-2/dag/tasks/print-op/inputs"), yaml);
    // read into kfp4j's model, both are the same loop and the same two tasks waiting for every step of it
    assertEquals(shape(Kfp2Reader.read(Yaml.resource(getClass(), KFP), KFP)), shape(Kfp2Reader.read(yaml, KFP2)));
  }

  /** Each node's name and, for a task, its arguments and what it waits for; for a loop, its items and body. */
  private static List<String> shape(Pipeline p) {
    return shape(p.nodes());
  }

  private static List<String> shape(List<Node> nodes) {
    return nodes.stream().map(n -> n instanceof Task t ? t.name() + " " + t.arguments() + " after " + t.after()
        : n instanceof Loop l ? l.name() + " over " + l.items() + " " + shape(l.body()) : n.name()).toList();
  }

  @Test
  void argosWorkflowHasTheTasksDependOnTheLoopsDagTask() {
    String yaml = Yaml.resource(getClass(), ARGO);
    ArgoSchemas.assertValid(yaml, ARGO);
    JsonNode root = KfpPortsTest.template(Yaml.read(yaml), "loop-with-after-dependency-set");
    assertEquals(List.of("for-loop-2", "print-op-2", "print-op-3"), KfpPortsTest.taskNames(root));
    assertEquals("[\"for-loop-2\"]", KfpPortsTest.task(root, "print-op-2").get("dependencies").toString(), yaml);
    assertEquals("[\"for-loop-2\"]", KfpPortsTest.task(root, "print-op-3").get("dependencies").toString(), yaml);
    assertTrue(KfpPortsTest.task(root, "for-loop-2").get("dependencies") == null, yaml);
  }

  /** Run here from either file, bar and baz start only after every iteration's foo ended (run.json's times). */
  @ParameterizedTest
  @ValueSource(strings = {KFP2, ARGO})
  void theTasksAfterTheLoopStartOnceEveryIterationEnded(String file) throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), file);
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(LocalRunner.JavaMode.IN_PROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of());
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    JsonNode tasks = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json"))).get("tasks");
    List<Instant> iterationsEnded = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode foo = tasks.get("for-loop-2(" + i + ")/print-op");
      assertEquals("Succeeded", foo.get("state").asString(), tasks::toString);
      iterationsEnded.add(Instant.parse(foo.get("finishedAt").asString()));
      assertEquals("foo", Files.readString(r.task("for-loop-2(" + i + ")/print-op").orElseThrow().log()).strip());
    }
    Instant lastEnded = iterationsEnded.stream().max(Instant::compareTo).orElseThrow();
    for (String t : List.of("print-op-2", "print-op-3")) {
      Instant started = Instant.parse(tasks.get(t).get("startedAt").asString());
      assertTrue(started.isAfter(lastEnded), () -> t + " started at " + started + ", before the loop's last iteration ended at "
          + lastEnded + ":\n" + tasks);
    }
    assertEquals("bar", Files.readString(r.task("print-op-2").orElseThrow().log()).strip());
    assertEquals("baz", Files.readString(r.task("print-op-3").orElseThrow().log()).strip());
  }
}
