package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs and outputs of another tool's DAG and resource templates, and the workflow's own
 * arguments: held, refused when written again, or refused when read, as {@link TemplateIo} says.
 */
class ForeignWorkflowIoTest {
  private static final String CARRY = ", which kfp4j's model does not carry: the workflow written again would lose it. "
      + "Run it locally, or submit the file with Argo's own tools";
  private static final String ECHO = """
      - name: echo
        inputs: {parameters: [{name: x}]}
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
        container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}} > /tmp/o']}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** A workflow of {@code spec} (YAML under {@code spec:}) and {@link #ECHO}. */
  private static String workflow(String spec) {
    return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: hand-}\nspec:\n  entrypoint: main\n"
        + spec.indent(2) + ECHO.indent(2);
  }

  private RunResult run(String yaml) {
    return HandWritten.run(dir.resolve("runs"), yaml, console);
  }

  @Test
  void aWorkflowParametersDescriptionIsHeld() {
    Pipeline p = ArgoReader.readToWrite(workflow("""
        arguments: {parameters: [{name: n, value: '3', description: how many}]}
        templates:
        - name: main
          dag:
            tasks:
            - {name: e, template: echo, arguments: {parameters: [{name: x, value: '{{workflow.parameters.n}}'}]}}
        """), "hand.yaml");
    assertEquals("how many", p.parameters().get(0).description());
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(written)), written);
    assertEquals("{\"name\":\"n\",\"value\":\"3\",\"description\":\"how many\"}",
        Yaml.read(written).at("/spec/arguments/parameters/0").toString(), written);
    assertEquals(p.parameters(), ArgoReader.readToWrite(written, "written.yaml").parameters());
  }

  @Test
  void aWorkflowParameterThatARunHereWouldNotHonourIsRefusedWhenRead() {
    assertEquals("hand.yaml: spec.arguments.parameters 'n' uses 'enum', which kfp4j's model does not hold: a run here would not check "
        + "the value given against it. Remove it, or check the value in a template", assertThrows(FormatException.class,
            () -> ArgoReader.read(workflow("""
                arguments: {parameters: [{name: n, value: '3', enum: ['3', '4']}]}
                templates:
                - name: main
                  dag: {tasks: [{name: e, template: echo, arguments: {parameters: [{name: x, value: '{{workflow.parameters.n}}'}]}}]}
                """), "hand.yaml")).getMessage());
    assertEquals("hand.yaml: spec.arguments.parameters 'n' uses 'valueFrom', which kfp4j's model does not hold: a run here would not "
        + "take the value from it. Give the parameter a value", assertThrows(FormatException.class, () -> ArgoReader.read(workflow("""
            arguments: {parameters: [{name: n, valueFrom: {configMapKeyRef: {name: settings, key: n}}}]}
            templates:
            - name: main
              dag: {tasks: [{name: e, template: echo, arguments: {parameters: [{name: x, value: '{{workflow.parameters.n}}'}]}}]}
            """), "hand.yaml")).getMessage());
  }

  @Test
  void workflowArtifactsAreRefusedWhenWrittenAgain() {
    String yaml = workflow("""
        arguments: {artifacts: [{name: data, http: {url: 'https://example.com/data.csv'}}]}
        templates:
        - name: main
          dag: {tasks: [{name: e, template: echo, arguments: {parameters: [{name: x, value: '1'}]}}]}
        """);
    assertEquals("1", run(yaml).output("e", "out"), "nothing reads them: a run here is as before");
    assertEquals("hand.yaml: spec.arguments uses 'artifacts'" + CARRY,
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "hand.yaml")).getMessage());
  }

  @Test
  void anInputOfADagATaskDoesNotGiveHasItsDefaultAsInArgo() {
    String yaml = workflow("""
        templates:
        - name: main
          dag: {tasks: [{name: sub, template: sub}]}
        - name: sub
          inputs: {parameters: [{name: y, default: 'dy'}, {name: z, value: 'vz', default: 'dz'}]}
          dag:
            tasks:
            - {name: e, template: echo, arguments: {parameters: [{name: x, value: '{{inputs.parameters.y}}'}]}}
            - {name: f, template: echo, arguments: {parameters: [{name: x, value: '{{inputs.parameters.z}}'}]}}
        """);
    Pipeline p = ArgoReader.readToWrite(yaml, "hand.yaml");
    assertEquals(Map.of("x", Argument.Constant.of("dy")), ((Task) p.node("e").orElseThrow()).arguments());
    assertEquals(Map.of("x", Argument.Constant.of("vz")), ((Task) p.node("f").orElseThrow()).arguments(), "a value wins over a default");
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(written)), written);
    assertEquals(((Task) p.node("e").orElseThrow()).arguments(),
        ((Task) ArgoReader.readToWrite(written, "written.yaml").node("e").orElseThrow()).arguments());
    RunResult r = run(yaml);
    assertEquals("dy", r.output("e", "out"));
    assertEquals("vz", r.output("f", "out"));
  }

  @Test
  void anEnumOnADagsInputIsRefusedWhenRead() {
    assertEquals("hand.yaml: template 'sub': inputs.parameters 'y' uses 'enum', which kfp4j's model does not hold: a run here "
        + "would not check the value against it. Remove it, or check the value in the template's command",
        assertThrows(FormatException.class, () -> ArgoReader.read(workflow("""
            templates:
            - name: main
              dag: {tasks: [{name: sub, template: sub, arguments: {parameters: [{name: y, value: '5'}]}}]}
            - name: sub
              inputs: {parameters: [{name: y, enum: ['1', '2']}]}
              dag: {tasks: [{name: e, template: echo, arguments: {parameters: [{name: x, value: '{{inputs.parameters.y}}'}]}}]}
            """), "hand.yaml")).getMessage());
  }

  @Test
  void aDagsOutputsAreRefusedWhenWrittenAgain() {
    String yaml = workflow("""
        templates:
        - name: main
          outputs: {parameters: [{name: r, valueFrom: {parameter: '{{tasks.e.outputs.parameters.out}}'}}]}
          dag: {tasks: [{name: e, template: echo, arguments: {parameters: [{name: x, value: '2'}]}}]}
        """);
    assertEquals("2", run(yaml).output("e", "out"), "a run here is as before");
    assertEquals("hand.yaml: template 'main' uses 'outputs'" + CARRY,
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "hand.yaml")).getMessage());
  }

  @Test
  void aResourcesOutputFromAnythingButAJsonPathIsRefusedWhenWrittenAgain() {
    String resource = """
        templates:
        - name: main
          dag: {tasks: [{name: r, template: r}, {name: e, template: echo, arguments: {parameters: [{name: x, value: '1'}]}}]}
        - name: r
          resource: {action: create, manifest: "apiVersion: v1\\nkind: ConfigMap\\nmetadata: {generateName: c-}\\n"}
          outputs: {parameters: [{name: n, valueFrom: {jsonPath: '{.metadata.name}'}}, OUT]}
        """;
    ArgoReader.readToWrite(workflow(resource.replace(", OUT", "")), "hand.yaml");
    assertEquals("hand.yaml: template 'r': outputs.parameters 'm' uses 'valueFrom.jqFilter'" + CARRY,
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(workflow(resource.replace("OUT",
            "{name: m, valueFrom: {jqFilter: .metadata.name}}")), "hand.yaml")).getMessage());
    assertEquals("hand.yaml: template 'r': outputs.parameters 'm' uses 'globalName'" + CARRY,
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(workflow(resource.replace("OUT",
            "{name: m, valueFrom: {jsonPath: '{.metadata.uid}'}, globalName: uid}")), "hand.yaml")).getMessage());
  }
}
