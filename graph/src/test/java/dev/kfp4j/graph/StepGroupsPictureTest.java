package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kfp4j graph} of a hand-written Argo workflow whose {@code when} and {@code withItems} sit
 * on tasks that run container templates: the step is drawn inside its condition or loop.
 */
class StepGroupsPictureTest {
  static final String WORKFLOW = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: hand-}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: n, value: '3'}]}
        templates:
        - name: main
          dag:
            tasks:
            - {name: flip, template: echo, arguments: {parameters: [{name: msg, value: heads}]}}
            - name: shout
              template: echo
              dependencies: [flip]
              when: '{{tasks.flip.outputs.parameters.out}} == heads || {{workflow.parameters.n}} > 5'
              arguments: {parameters: [{name: msg, value: '{{tasks.flip.outputs.parameters.out}}'}]}
            - {name: each, template: echo, withItems: [a, b], arguments: {parameters: [{name: msg, value: '{{item}}'}]}}
        - name: echo
          inputs: {parameters: [{name: msg}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}
          container: {image: alpine, command: [sh, -c, 'echo "$0" | tee /tmp/out', '{{inputs.parameters.msg}}']}
      """;

  @Test
  void aConditionalAndALoopedStepAreDrawnInsideTheirGroups() {
    Pipeline p = PipelineGraph.read(WORKFLOW, "hand.yaml");
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(List.of("if flip.out == \"heads\" or params.n > 5"), pic.groups().get("condition-shout").texts());
    assertTrue(pic.groups().get("condition-shout").rect().contains(pic.boxes().get("shout").rect()));
    assertEquals(List.of("for each item in [\"a\", \"b\"]"), pic.groups().get("for-loop-each").texts());
    assertTrue(pic.groups().get("for-loop-each").rect().contains(pic.boxes().get("each").rect()));
    assertEquals(List.of("out → msg"), pic.edges("flip", "shout").get(0).label());
    String mermaid = PipelineGraph.mermaid(p);
    PictureChecks.mermaid(p, mermaid);
    assertTrue(mermaid.contains("for each item in"), mermaid);
  }

  /** A value of the run in a condition ({@code {{workflow.name}}}) is drawn as {@code run.name}; it used to fail the picture. */
  @Test
  void aValueOfTheRunInAConditionIsNamed() {
    Pipeline p = PipelineGraph.read(WORKFLOW.replace("{{tasks.flip.outputs.parameters.out}} == heads || {{workflow.parameters.n}} > 5",
        "{{workflow.name}} != skip"), "hand.yaml");
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(List.of("if run.name != \"skip\""), pic.groups().get("condition-shout").texts());
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }
}
