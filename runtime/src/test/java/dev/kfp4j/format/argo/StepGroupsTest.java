package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Predicate.Operator;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code when}, {@code withItems} and {@code withParam} on a DAG task that runs a container
 * template, as the KFP SDK and hand-written workflows put them: the step inside a condition or
 * loop of its own, never an unconditional step; written back, the same condition or loop.
 */
class StepGroupsTest {
  /** A hand-written workflow whose DAG is {@code tasks}, with one container template {@code echo}. */
  static String workflow(String tasks) {
    return HandWritten.workflow(tasks, """
        - name: echo
          inputs: {parameters: [{name: msg}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}
          container: {image: alpine, command: [sh, -c, 'echo "$0" | tee /tmp/out', '{{inputs.parameters.msg}}']}
        """);
  }

  static final String FLIP = "- {name: flip, template: echo, arguments: {parameters: [{name: msg, value: heads}]}}\n";

  /** Reads {@code yaml}, writes the model as kfp4j does, checks Argo's rules, and reads that back to the same nodes. */
  static Pipeline readAndRoundTrip(String yaml) {
    Pipeline read = ArgoReader.read(yaml, "hand.yaml");
    String written = ArgoWriter.write(read);
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(written)), written);
    Pipeline again = ArgoReader.read(written, "written.yaml");
    assertEquals(read.nodes(), again.nodes(), written);
    assertEquals(written, ArgoWriter.write(again));
    return read;
  }

  static Task task(Node n) {
    return (Task) n;
  }

  @Test
  void aWhenOnAContainerTaskIsAConditionAroundTheStep() {
    Pipeline p = readAndRoundTrip(workflow(FLIP + """
        - name: shout
          template: echo
          dependencies: [flip]
          when: '{{tasks.flip.outputs.parameters.out}} == heads || {{workflow.parameters.n}} > 5'
          arguments: {parameters: [{name: msg, value: '{{tasks.flip.outputs.parameters.out}}'}]}
        - {name: done, template: echo, dependencies: [shout], arguments: {parameters: [{name: msg, value: bye}]}}
        """));
    assertEquals(3, p.nodes().size());
    Condition c = (Condition) p.nodes().get(1);
    assertEquals("condition-shout", c.name());
    assertEquals(new Predicate.Any(List.of(
        new Predicate.Comparison(new Argument.TaskOutput("flip", "out"), Operator.EQ, Argument.Constant.of("heads")),
        new Predicate.Comparison(new Argument.PipelineParameter("n"), Operator.GT, new Argument.Constant("5", ParameterType.INTEGER)))),
        c.predicate());
    Task shout = task(c.body().get(0));
    assertEquals("shout", shout.name());
    assertEquals(new Argument.TaskOutput("flip", "out"), shout.arguments().get("msg"));
    assertEquals(List.of("flip"), shout.after());
    assertEquals(List.of("shout"), task(p.nodes().get(2)).after());

    // written: the condition's own DAG task carries the when; the step runs in the condition's template
    tools.jackson.databind.JsonNode wf = ArgoWriter.toNode(p);
    tools.jackson.databind.JsonNode group = wf.at("/spec/templates/0/dag/tasks/1");
    assertEquals("condition-shout", group.path("template").asString());
    assertTrue(group.path("when").asString().contains("||"), group.toString());
    assertEquals("shout", wf.at("/spec/templates/1/dag/tasks/0/name").asString());
    assertEquals("condition-shout", wf.at("/spec/templates/1/name").asString());
  }

  @Test
  void withItemsOnAContainerTaskIsALoopAroundTheStep() {
    Pipeline p = readAndRoundTrip(workflow("""
        - name: shout
          template: echo
          arguments: {parameters: [{name: msg, value: '{{item}}'}]}
          withItems: [a, b, 3]
        - {name: done, template: echo, dependencies: [shout], arguments: {parameters: [{name: msg, value: bye}]}}
        """));
    Loop loop = (Loop) p.nodes().get(0);
    assertEquals("for-loop-shout", loop.name());
    assertEquals(new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"),
        new Argument.Constant("3", ParameterType.INTEGER))), loop.items());
    assertEquals(0, loop.parallelism());
    Task shout = task(loop.body().get(0));
    assertEquals("shout", shout.name());
    assertEquals(new Argument.LoopItem("for-loop-shout", null), shout.arguments().get("msg"));
    assertEquals(List.of("shout"), task(p.nodes().get(1)).after());
  }

  /** With a loop and a condition both, Argo tests the condition per item: it sits in the loop and may read the item. */
  @Test
  void withParamAndWhenOnAContainerTaskIsALoopHoldingAConditionAroundTheStep() {
    Pipeline p = readAndRoundTrip(workflow(FLIP + """
        - name: shout
          template: echo
          dependencies: [flip]
          when: '{{item}} != {{workflow.parameters.n}}'
          arguments: {parameters: [{name: msg, value: '{{item}}'}]}
          withParam: '{{tasks.flip.outputs.parameters.out}}'
        """));
    Loop loop = (Loop) p.nodes().get(1);
    assertEquals(new Loop.Over(new Argument.TaskOutput("flip", "out")), loop.items());
    Condition c = (Condition) loop.body().get(0);
    assertEquals(new Predicate.Comparison(new Argument.LoopItem("for-loop-shout", null), Operator.NE, new Argument.PipelineParameter("n")),
        c.predicate());
    Task shout = task(c.body().get(0));
    assertEquals(new Argument.LoopItem("for-loop-shout", null), shout.arguments().get("msg"));
    assertEquals(List.of("flip"), shout.after());
  }

  /** Before, the reader kept the loop of a DAG task that has both and dropped its when. */
  @Test
  void aDagTaskWithALoopAndAWhenKeepsBoth() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: both}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              tasks:
              - {name: each, template: body, when: '{{item}} != b', withItems: [a, b], arguments: {parameters: [{name: x, value: '{{item}}'}]}}
          - name: body
            inputs: {parameters: [{name: x}]}
            dag: {tasks: [{name: say, template: echo, arguments: {parameters: [{name: msg, value: '{{inputs.parameters.x}}'}]}}]}
          - name: echo
            inputs: {parameters: [{name: msg}]}
            container: {image: alpine, command: [echo, '{{inputs.parameters.msg}}']}
        """;
    Pipeline p = readAndRoundTrip(yaml);
    Loop loop = (Loop) p.nodes().get(0);
    assertEquals("each", loop.name());
    Condition c = (Condition) loop.body().get(0);
    assertEquals("condition-each", c.name());
    assertEquals(new Predicate.Comparison(new Argument.LoopItem("each", null), Operator.NE, Argument.Constant.of("b")), c.predicate());
    assertEquals(new Argument.LoopItem("each", null), task(c.body().get(0)).arguments().get("msg"));
  }

  /** A group's name is no task's: {@code condition-shout} taken, the condition is {@code condition-shout-2}. */
  @Test
  void aGroupsNameIsNoTasksName() {
    Pipeline p = readAndRoundTrip(workflow(FLIP + """
        - {name: condition-shout, template: echo, arguments: {parameters: [{name: msg, value: x}]}}
        - {name: shout, template: echo, when: '{{workflow.parameters.n}} > 1', arguments: {parameters: [{name: msg, value: y}]}}
        """));
    assertEquals("condition-shout-2", p.nodes().get(2).name());
  }

  @Test
  void readingTheOutputOfAConditionalOrLoopedStepFromOutsideIsAClearError() {
    String conditional = workflow(FLIP + """
        - {name: shout, template: echo, when: '{{workflow.parameters.n}} > 1', arguments: {parameters: [{name: msg, value: y}]}}
        - {name: next, template: echo, dependencies: [shout], arguments: {parameters: [{name: msg, value: '{{tasks.shout.outputs.parameters.out}}'}]}}
        """);
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.read(conditional, "hand.yaml"));
    assertEquals("hand.yaml: task 'next' of template 'main': '{{tasks.shout.outputs.parameters.out}}' reads an output of task 'shout', "
        + "which runs only when its 'when' holds; kfp4j's model reads such a task's outputs only inside its loop or condition: "
        + "move the reader there", e.getMessage());
    String looped = conditional.replace("when: '{{workflow.parameters.n}} > 1'", "withItems: [1, 2]");
    assertTrue(assertThrows(FormatException.class, () -> ArgoReader.read(looped, "hand.yaml")).getMessage()
        .contains("reads an output of task 'shout', which runs once per item (withItems/withParam)"));
  }

  /**
   * The KFP SDK 1.8.22's own workflow: each DAG task is a step of the model with the tasks it
   * depends on and every argument it passes (the refused keys above make a dropped key an error).
   */
  @Test
  void theKfpSdksWorkflowKeepsEveryTaskItsDependenciesAndArguments() throws Exception {
    java.nio.file.Path file = dev.kfp4j.testing.Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml");
    String yaml = java.nio.file.Files.readString(file);
    Pipeline p = readAndRoundTrip(yaml);
    int tasks = 0;
    for (tools.jackson.databind.JsonNode template : Yaml.read(yaml).at("/spec/templates")) {
      for (tools.jackson.databind.JsonNode t : template.at("/dag/tasks")) {
        tasks++;
        Task task = task(p.node(t.path("name").asString()).orElseThrow());
        List<String> dependencies = new java.util.ArrayList<>();
        t.path("dependencies").forEach(d -> dependencies.add(d.asString()));
        assertEquals(dependencies, task.after(), t.toString());
        assertEquals(t.at("/arguments/parameters").size(), task.arguments().size(), t.toString());
      }
    }
    assertEquals(3, tasks);
    assertEquals(3, p.steps().size());
  }

  /** What the model has no place for on a DAG task is refused by name, not dropped. */
  @Test
  void aTaskKeyTheModelCannotHoldIsAClearError() {
    String sequence = workflow("""
        - {name: shout, template: echo, withSequence: {count: '3'}, arguments: {parameters: [{name: msg, value: '{{item}}'}]}}
        """);
    assertEquals("hand.yaml: task 'shout' of template 'main' uses 'withSequence', which kfp4j's model does not hold; "
            + "it reads name, template, dependencies, depends, arguments, when, withItems and withParam",
        assertThrows(FormatException.class, () -> ArgoReader.read(sequence, "hand.yaml")).getMessage());
  }
}
