package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow read to be written again ({@link ArgoReader#readToWrite}, what {@code kfp4j run-once --argo}, {@code
 * ArgoClient.submit} and a pipeline called from the class path do) keeps what a run here does without: a task's argument
 * artifact's {@code optional: true} (Argo's {@code resolveDependencyReferences}, dag.go, drops such an argument where it
 * cannot resolve it), and, in a template kfp4j wrote, an output's {@code globalName} and an output artifact's {@code
 * archive}; a hand edit it cannot keep is refused, naming the template and the key. The file written is valid for Argo.
 */
class ArgoWrittenAgainTest {
  /** A task's argument artifacts, by name, of task {@code task} of the written workflow {@code yaml}. */
  private static JsonNode argument(String yaml, String task, String artifact) {
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      for (JsonNode dagTask : t.path("dag").path("tasks")) {
        if (dagTask.path("name").asString("").equals(task)) {
          for (JsonNode a : dagTask.path("arguments").path("artifacts")) {
            if (a.path("name").asString("").equals(artifact)) {
              return a;
            }
          }
        }
      }
    }
    throw new AssertionError("no artifact '" + artifact + "' of task '" + task + "' in\n" + yaml);
  }

  private static final String FOREIGN = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: optional-}
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - {name: writer, template: writer}
            - {name: reader, template: reader, dependencies: [writer], arguments: {artifacts: [{name: f, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}]}}
            - {name: inner, template: inner, dependencies: [writer], arguments: {artifacts: [{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}]}}
        - name: inner
          inputs: {artifacts: [{name: g}]}
          dag:
            tasks:
            - {name: nested, template: reader, arguments: {artifacts: [{name: f, from: '{{inputs.artifacts.g}}', optional: true}]}}
        - name: writer
          outputs: {artifacts: [{name: model, path: /tmp/w/model}]}
          container: {image: alpine, command: [sh, -c, 'mkdir -p /tmp/w && printf m > /tmp/w/model']}
        - name: reader
          inputs: {artifacts: [{name: f, path: /tmp/f}]}
          container: {image: alpine, command: [sh, -c, 'cat /tmp/f']}
      """;

  @Test
  void anArgumentsOptionalIsKeptWhenTheWorkflowIsWrittenAgain() {
    String written = ArgoWriter.write(ArgoReader.readToWrite(FOREIGN, "optional.yaml"));
    assertEquals(true, argument(written, "reader", "f").path("optional").asBoolean(false), written);
    assertEquals(true, argument(written, "nested", "f").path("optional").asBoolean(false), "a nested DAG's task, put into main:\n" + written);
    assertTrue(argument(written, "reader", "f").path("from").asString("").contains("tasks.writer.outputs.artifacts"), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(written), written);
  }

  @Test
  void anOptionalArgumentToANestedDagIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String yaml = FOREIGN.replace("{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}",
        "{name: g, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}");
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "optional.yaml"));
    assertTrue(e.getMessage().startsWith("optional.yaml: template 'main': task 'inner' passes artifact 'g' with optional: true to DAG"
        + " template 'inner', which kfp4j's model does not carry"), e.getMessage());
    ArgoReader.read(yaml, "optional.yaml"); // a run takes it, as Argo does where it resolves it
  }

  private static ComponentSpec spec(String yaml) {
    return ComponentYaml.parse(yaml, "component.yaml");
  }

  /** A workflow kfp4j wrote: task {@code make} writes output {@code data} (a value) and file {@code model}, which {@code use} reads. */
  private static ObjectNode kfp4jWorkflow() {
    ComponentSpec make = spec("""
        name: make
        outputs:
        - {name: data, type: String}
        - {name: model, type: Model}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'printf d > "$0" && printf m > "$1"', {outputPath: data}, {outputPath: model}]
        """);
    ComponentSpec use = spec("""
        name: use
        inputs:
        - {name: data, type: String}
        - {name: model, type: Model}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'echo "$0" && cat "$1"', {inputValue: data}, {inputPath: model}]
        """);
    Pipeline p = new Pipeline("edited", null, List.of(), List.of(new Task("make", make, Map.of()),
        new Task("use", use, Map.of("data", new Argument.TaskOutput("make", "data"),
        "model", new Argument.TaskOutput("make", "model")))), null, PipelineSettings.DEFAULTS, "T.edited()");
    return ArgoWriter.toNode(p);
  }

  /** The output {@code name} in list {@code list} ({@code parameters}, {@code artifacts}) of template {@code make} of {@code wf}. */
  private static ObjectNode makeOutput(JsonNode wf, String list, String name) {
    for (JsonNode t : wf.path("spec").path("templates")) {
      if (t.path("name").asString("").equals("make")) {
        for (JsonNode o : t.path("outputs").path(list)) {
          if (o.path("name").asString("").equals(name)) {
            return (ObjectNode) o;
          }
        }
      }
    }
    throw new AssertionError("no output " + list + " '" + name + "' of template 'make' in\n" + Yaml.jsonText(wf));
  }

  /** {@code wf} edited, read to be written again and written: the text. */
  private static String writtenAgain(ObjectNode wf, Consumer<ObjectNode> edit) {
    edit.accept(wf);
    return ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(wf), "edited.yaml"));
  }

  @Test
  void aKfp4jTemplatesGlobalNameAndArchiveAreKeptWhenTheWorkflowIsWrittenAgain() {
    ObjectNode wf = kfp4jWorkflow();
    String model = "model";
    String written = writtenAgain(wf, w -> {
      makeOutput(w, "parameters", "data").put("globalName", "data");
      makeOutput(w, "artifacts", model).put("globalName", "model").putObject("archive").putObject("tar").put("compressionLevel", 9);
    });
    JsonNode again = Yaml.read(written);
    assertEquals("data", makeOutput(again, "parameters", "data").path("globalName").asString(""), written);
    assertEquals("model", makeOutput(again, "artifacts", model).path("globalName").asString(""), written);
    assertEquals(9, makeOutput(again, "artifacts", model).at("/archive/tar/compressionLevel").asInt(-1), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    String none = writtenAgain(kfp4jWorkflow(), w -> makeOutput(w, "artifacts", model).putObject("archive").putObject("none"));
    assertTrue(makeOutput(Yaml.read(none), "artifacts", model).path("archive").path("none").isObject(), none);
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(written), written);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(ArgoReader.read(written, "written.yaml")));
    assertTrue(e.getMessage().contains("its output 'data' is exported as 'data' (Argo's globalName), which a KFP 2 pipeline spec has"
        + " no place for"), e.getMessage());
  }

  @Test
  void aHandEditToAKfp4jTemplateThatCannotBeKeptIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String model = "model";
    Map<String, Consumer<ObjectNode>> edits = Map.of(
        "outputs.artifacts '" + model + "' uses 'archiveLogs'", w -> makeOutput(w, "artifacts", model).put("archiveLogs", true),
        "outputs.artifacts '" + model + "' uses 's3'", w -> makeOutput(w, "artifacts", model).putObject("s3").put("key", "m"),
        "outputs.artifacts '" + model + "' uses 'archive'",
        w -> makeOutput(w, "artifacts", model).putObject("archive").putObject("tar").put("level", 1),
        "outputs.parameters 'data' uses 'description'", w -> makeOutput(w, "parameters", "data").put("description", "d"));
    edits.forEach((what, edit) -> {
      ObjectNode wf = kfp4jWorkflow();
      FormatException e = assertThrows(FormatException.class, () -> writtenAgain(wf, edit), what);
      assertTrue(e.getMessage().startsWith("edited.yaml: template 'make' (written by kfp4j): " + what + ", which kfp4j does not write"),
          what + " => " + e.getMessage());
      ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // a run does without it
    });
  }
}
