package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A component file written straight from the component is the one its one-task pipeline gives. */
class Kfp2ComponentFileTest {
  private static final String JAVA = """
      implementation:
        container:
          image: registry.example.com/app:1
          command: [java, -cp, '/app/resources:/app/classes:/app/libs/*', com.example.StepsEntrypoint, %s]
          args: [--a, {inputValue: a}, '----output-paths', {outputPath: Output}]
      """;

  private static void assertSameAsThePipelinePath(String yaml, String source) {
    ComponentSpec spec = ComponentYaml.parse(yaml, "test.yaml");
    assertEquals(Kfp2Writer.write(Kfp2Writer.componentPipeline(spec, source)), Kfp2ComponentFile.write(spec, source));
    assertEquals(Kfp2ComponentFile.write(spec, source), Kfp2Writer.writeComponent(spec, source));
  }

  @Test
  void valuesOfEveryTypeWithDefaultsAndDescriptions() {
    assertSameAsThePipelinePath("""
        name: My Step_1
        description: |-
          Does things.

          In two paragraphs.
        inputs:
        - {name: a, type: Integer, description: a number}
        - {name: f, type: Float, default: '0.5', optional: true}
        - {name: b, type: Boolean, default: 'True'}
        - {name: s, type: String, default: 'it''s', description: "text, quoted"}
        - {name: l, type: JsonArray, default: '[1, 2]'}
        - {name: m, type: JsonObject, default: '{"k": 1}'}
        - {name: u}
        - {name: o, type: Integer, optional: true}
        outputs:
        - {name: Output, type: Integer, description: the sum}
        - {name: names, type: JsonArray}
        """ + JAVA.formatted("my-step-1"), "com.example.Steps.myStep(int, ...)");
  }

  /** An input taking a list of artifacts (kfp4j's mark in KFP v1's YAML): {@code isArtifactList} in the component and at the root. */
  @Test
  void aListOfArtifacts() {
    String yaml = """
        name: pick
        inputs:
        - {name: models, type: Model, annotations: {kfp4j.dev/artifact-list: 'true'}}
        outputs:
        - {name: Output, type: String}
        """ + JAVA.formatted("pick").replace("--a, {inputValue: a}", "--models, {inputPath: models}");
    assertSameAsThePipelinePath(yaml, null);
    String written = Kfp2ComponentFile.write(ComponentYaml.parse(yaml, "pick.yaml"), null);
    assertEquals(2, written.split("isArtifactList: true", -1).length - 1, written);
  }

  @Test
  void filesAndArtifactsInAndOut() {
    assertSameAsThePipelinePath("""
        name: train
        inputs:
        - {name: data, type: Dataset, description: the rows}
        - {name: table, type: CSV}
        - {name: extra, type: Model, optional: true}
        - {name: rate, type: Float, default: '0.1'}
        outputs:
        - {name: model, type: Model, description: the trained model}
        - {name: metrics, type: Metrics}
        - {name: report, type: HTML}
        - {name: Output, type: Float}
        implementation:
          container:
            image: registry.example.com/app:1
            command: [java, -cp, '/app/resources:/app/classes:/app/libs/*', com.example.StepsEntrypoint, train]
            args: [--data, {inputPath: data}, --table, {inputPath: table},
                   {if: {cond: {isPresent: extra}, then: [--extra, {inputPath: extra}]}}, --rate, {inputValue: rate},
                   --model, {outputPath: model}, --metrics, {outputPath: metrics}, --report, {outputPath: report},
                   '----output-paths', {outputPath: Output}]
        """, null);
  }

  @Test
  void aContainerOfItsOwnWithoutNameOrOutputs() {
    assertSameAsThePipelinePath("""
        inputs:
        - {name: msg, type: String}
        implementation:
          container:
            image: alpine:3
            command: [sh, -c, 'echo "$0"', {inputValue: msg}]
            env: {GREETING: {inputValue: msg}}
        """, "somewhere");
  }

  @Test
  void namesAndTextsThatYamlQuotesOrWritesAsBlocks() {
    assertSameAsThePipelinePath("""
        name: 'yes: no'
        description: "line one\\n  indented: two\\n'quoted' #3\\n"
        inputs:
        - {name: 'y', type: String, default: 'on', description: "two\\nlines"}
        - {name: '1', type: Integer, default: '7'}
        - {name: z, type: JsonObject, default: '{"b": [1, {"d": "x: y", "c": null}], "a": "No"}'}
        - {name: Data, type: system.Dataset, default: 'gs://b/d', description: 'a: file'}
        outputs:
        - {name: 'null', type: String, description: "- dash"}
        - {name: Out put, type: Markdown}
        implementation:
          container:
            image: "reg.example.com:5000/app@sha256:0123"
            command: [sh, -c, "echo \\"$0\\"\\necho 'two'\\n", {inputValue: 'y'}, {inputPath: Data}, {concat: [a, {inputValue: '1'}]}]
            args: ['- x', '#', {outputPath: 'null'}, {outputPath: Out put}]
            env: {B: '1', A: {inputValue: 'y'}, 'on': 'yes'}
        """, "com.example.Odd.names(String, ...)");
  }

  /**
   * A component taking the pipeline's final status, compiled alone as KFP's compiler compiles one
   * (its test data component_with_task_final_status_GH-12033.yaml): the root's input is an
   * optional TASK_FINAL_STATUS parameter too, so that the root's value fits the task's input, and
   * the header names its type as KFP's does ({@code status: PipelineTaskFinalStatus}). The pipeline
   * path writes the same, and the file read back as a pipeline writes the same again.
   */
  @Test
  void aFinalStatusInputIsTaskFinalStatusAtTheRootTooAsKfpWritesIt() {
    ComponentSpec spec = ComponentYaml.parse("""
        name: exit-comp
        inputs:
        - {name: status, type: PipelineTaskFinalStatus}
        """ + JAVA.formatted("exit-comp").replace("[--a, {inputValue: a}, '----output-paths', {outputPath: Output}]",
            "[--status, {inputValue: status}]"), "exit.yaml");
    String yaml = Kfp2ComponentFile.write(spec, null);
    tools.jackson.databind.JsonNode file = dev.kfp4j.yaml.Yaml.read(yaml);
    for (String at : List.of("/components/comp-exit-comp/inputDefinitions/parameters/status", "/root/inputDefinitions/parameters/status")) {
      assertEquals("{\"isOptional\":true,\"parameterType\":\"TASK_FINAL_STATUS\"}", file.at(at).toString(), at);
    }
    assertEquals("{\"componentInputParameter\":\"status\"}", file.at("/root/dag/tasks/exit-comp/inputs/parameters/status").toString());
    assertEquals(yaml, Kfp2Writer.writeComponent(spec, null));
    assertEquals("""
        # PIPELINE DEFINITION
        # Name: exit-comp
        # Inputs:
        #    status: PipelineTaskFinalStatus
        """, yaml.substring(0, yaml.indexOf("components:")));
    assertEquals(yaml, Kfp2Writer.write(Kfp2Writer.componentPipeline(spec, null)), "the pipeline path");
    assertEquals(yaml, Kfp2Writer.write(Kfp2Reader.read(yaml, "exit.yaml")), "read back as a pipeline and written again");
  }

  @Test
  void aBadDefaultFailsAsOnThePipelinePath() {
    ComponentSpec spec = ComponentYaml.parse("""
        name: bad
        inputs:
        - {name: a, type: Integer, default: 'seven'}
        outputs:
        - {name: Output, type: Integer}
        """ + JAVA.formatted("bad"), "bad.yaml");
    FormatException viaPipeline = assertThrows(FormatException.class, () -> Kfp2Writer.write(Kfp2Writer.componentPipeline(spec, null)));
    FormatException direct = assertThrows(FormatException.class, () -> Kfp2ComponentFile.write(spec, null));
    assertEquals(viaPipeline.getMessage(), direct.getMessage());
  }
}
