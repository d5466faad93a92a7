package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step of an Argo workflow that exits 0 without an output's file succeeds where Argo's executor does: an output parameter
 * with {@code valueFrom.default} whose file it did not write, or cannot be read (a folder), takes the default, one trailing
 * newline trimmed ({@code SaveParameters} in {@code workflow/executor/executor.go}); an output artifact with {@code optional:
 * true} it did not write is not saved ({@code saveArtifact}). A task given that missing artifact ends in Error, as Argo's
 * {@code resolveDependencyReferences} (dag.go) cannot resolve it. A task's argument artifact with {@code optional: true} is
 * passed as any other, as Argo passes it where it resolves it, and where it does not, the task errors as on Argo ({@code
 * ProcessArgs}: its input is not optional). A template kfp4j wrote whose outputs say what kfp4j does not write is refused.
 */
class ArgoMissingOutputTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private static String workflow(String tasks, String templates) {
    return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: missing-}\nspec:\n  entrypoint: main\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n" + tasks + templates;
  }

  /** A container template {@code name} with {@code outputs} (a YAML flow map) running {@code script} in sh. */
  private static String template(String name, String outputs, String script) {
    return "  - name: " + name + "\n    outputs: " + outputs + "\n    container:\n      image: alpine\n      command: [sh, -c, '"
        + script + "']\n";
  }

  private static final String PRODUCERS = template("value", "{parameters: [{name: p, valueFrom: {path: /tmp/value/p, default: \"fallback\\n\"}}]}",
      "true")
      + template("other", "{parameters: [{name: p, valueFrom: {path: /tmp/other/p, default: other}}]}", "true")
      + template("folder", "{parameters: [{name: p, valueFrom: {path: /tmp/folder/p, default: 7.0}}]}", "mkdir -p /tmp/folder/p")
      + template("written", "{parameters: [{name: p, valueFrom: {path: /tmp/written/p, default: unused}}]}", "printf real > /tmp/written/p")
      + template("optional", "{artifacts: [{name: model, path: /tmp/optional/model, optional: true}]}", "true")
      + template("optional-written", "{artifacts: [{name: model, path: /tmp/written2/model, optional: true}]}",
          "printf m > /tmp/written2/model")
      + "  - name: echo\n    inputs: {parameters: [{name: v}]}\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/echo/out}}]}\n"
      + "    container: {image: alpine, command: [sh, -c, 'printf %s {{inputs.parameters.v}} > /tmp/echo/out']}\n";

  private static final String TASKS = """
            - {name: value, template: value}
            - {name: other, template: other}
            - {name: folder, template: folder}
            - {name: written, template: written}
            - {name: optional, template: optional}
            - {name: optional-written, template: optional-written}
            - {name: echo, template: echo, dependencies: [value], arguments: {parameters: [{name: v, value: '{{tasks.value.outputs.parameters.p}}'}]}}
      """;

  private RunResult run(String yaml, boolean caching) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(caching)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(true).build();
    return runner.run(Workflow.parse(yaml, "missing.yaml"), Map.of());
  }

  @Test
  void anOutputsDefaultIsItsValueAndAnOptionalArtifactNotWrittenIsLeftOutAsOnArgo() throws Exception {
    String yaml = workflow(TASKS, PRODUCERS);
    assertEquals(java.util.List.of(), ArgoRules.errors(Yaml.read(yaml)), "Argo's validation takes them");
    for (State expected : new State[] {State.Succeeded, State.Cached}) {
      RunResult r = run(yaml, true);
      String out = console.toString(StandardCharsets.UTF_8);
      assertEquals(State.Succeeded, r.state(), out);
      for (String t : new String[] {"value", "other", "folder", "written", "optional", "optional-written", "echo"}) {
        assertEquals(expected, r.task(t).orElseThrow().state(), t + ": " + r.task(t).orElseThrow().message());
      }
      assertEquals("fallback", r.output("value", "p"), "the default, one trailing newline trimmed");
      assertEquals("fallback", r.output("echo", "out"), "the default reaches the task given it");
      assertEquals("other", r.output("other", "p"), "the same command with another default: cached apart");
      assertEquals("7", r.output("folder", "p"), "a folder at the file's path cannot be read: the default, a number as Argo reads it");
      assertEquals("real", r.output("written", "p"), "a file written is read, the default unused");
      assertFalse(r.task("optional").orElseThrow().artifacts().containsKey("model"), r.task("optional").orElseThrow().artifacts().toString());
      Path model = r.task("optional-written").orElseThrow().artifacts().get("model");
      assertEquals("m", Files.readString(model));
    }
  }

  @Test
  void aTaskGivenAnOptionalArtifactNotWrittenErrorsAsOnArgo() {
    String yaml = workflow("""
            - {name: optional, template: optional}
            - {name: reader, template: reader, dependencies: [optional], arguments: {artifacts: [{name: f, from: '{{tasks.optional.outputs.artifacts.model}}'}]}}
      """, template("optional", "{artifacts: [{name: model, path: /tmp/optional/model, optional: true}]}", "true")
        + "  - name: reader\n    inputs: {artifacts: [{name: f, path: /tmp/f}]}\n    container: {image: alpine, command: [cat, /tmp/f]}\n");
    RunResult r = run(yaml, false);
    assertEquals(State.Succeeded, r.task("optional").orElseThrow().state());
    TaskResult reader = r.task("reader").orElseThrow();
    assertEquals(State.Error, reader.state(), reader.message());
    assertEquals("task 'reader' input 'f': task 'optional' has no output 'model'; it has []", reader.message());
    assertEquals(State.Error, r.state());
  }

  /** Task {@code reader}, given output artifact {@code model} of task {@code producer} with {@code optional: true}. */
  private static String readerOf(String producer) {
    return "        - {name: reader, template: reader, dependencies: [" + producer + "], arguments: {artifacts: [{name: f, from: "
        + "'{{tasks." + producer + ".outputs.artifacts.model}}', optional: true}]}}\n";
  }

  /** Template {@code reader}, whose input artifact {@code f} has {@code keys} (YAML flow text) beside its name and path. */
  private static String reader(String keys) {
    return "  - name: reader\n    inputs: {artifacts: [{name: f, path: /tmp/f" + keys + "}]}\n"
      + "    outputs: {parameters: [{name: text, valueFrom: {path: /tmp/text}}]}\n"
      + "    container: {image: alpine, command: [sh, -c, 'cat /tmp/f > /tmp/text']}\n";
  }

  @Test
  void anOptionalArgumentIsPassedAsArgoPassesItAndErrorsWhereItsFileIsMissing() {
    for (String keys : new String[] {"", ", optional: true"}) {
      String always = workflow("        - {name: writer, template: writer}\n" + readerOf("writer"),
          template("writer", "{artifacts: [{name: model, path: /tmp/w/model}]}", "printf m > /tmp/w/model") + reader(keys));
      RunResult r = run(always, false);
      assertEquals(State.Succeeded, r.state(), console.toString(StandardCharsets.UTF_8));
      assertEquals("m", r.output("reader", "text"), "an output its task always saves: optional changes nothing");
    }
    String maybe = workflow("        - {name: optional, template: optional}\n" + readerOf("optional"),
        template("optional", "{artifacts: [{name: model, path: /tmp/optional/model, optional: true}]}", "true") + reader(""));
    RunResult r = run(maybe, false);
    TaskResult reader = r.task("reader").orElseThrow();
    assertEquals(State.Error, reader.state(), "Argo drops the argument, and its input is not optional: 'inputs.artifacts.f was not supplied'");
    assertEquals("task 'reader' input 'f': task 'optional' has no output 'model'; it has []", reader.message());
  }

  @Test
  void aTemplateKfp4jWroteWhoseOutputsSayWhatKfp4jDoesNotWriteIsRefused() {
    dev.kfp4j.spec.ComponentSpec quiet = ComponentYaml.parse("""
        name: quiet
        outputs:
        - {name: Output, type: String}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'true', {outputPath: Output}]
        """, "quiet.yaml");
    dev.kfp4j.spec.ComponentSpec show = ComponentYaml.parse("""
        name: show
        inputs:
        - {name: msg, type: String}
        outputs:
        - {name: Output, type: String}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'printf %s "$0" > "$1"', {inputValue: msg}, {outputPath: Output}]
        """, "show.yaml");
    Pipeline p = new Pipeline("edited", null, java.util.List.of(), java.util.List.of(
        new Task("quiet", quiet, Map.of(), java.util.List.of(), java.util.List.of()),
        new Task("show", show, Map.of("msg", new dev.kfp4j.model.Argument.TaskOutput("quiet", "Output")), java.util.List.of(),
            java.util.List.of())), null, PipelineSettings.DEFAULTS, "T.edited()");
    ObjectNode wf = ArgoWriter.toNode(p);
    ObjectNode template = null;
    for (tools.jackson.databind.JsonNode t : wf.path("spec").path("templates")) {
      if (t.path("name").asString("").equals("quiet")) {
        template = (ObjectNode) t;
      }
    }
    ((ObjectNode) template.at("/outputs/artifacts/0")).put("optional", false);
    ((ObjectNode) template.at("/outputs/parameters/0/valueFrom")).putNull("default");
    ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // Argo's defaults, which change nothing: taken
    ((ObjectNode) template.at("/outputs/parameters/0/valueFrom")).put("default", "fallback");
    String edited = Yaml.jsonText(wf);
    String m = assertThrows(FormatException.class, () -> ArgoReader.read(edited, "edited.yaml")).getMessage();
    assertEquals("edited.yaml: template 'quiet': outputs.parameters 'Output' uses 'valueFrom.default', which kfp4j does not"
        + " write: the template carries kfp4j's component annotation (pipelines.kubeflow.org/component_spec), which defines its"
        + " component, so a run would ignore it. Remove it (the component writes each of its outputs), or change the component and"
        + " compile the pipeline again", m);
  }

  @Test
  void whatARunHereCannotDoAsArgoDoesIsRefusedBeforeTheRun() {
    String optionalArgument = workflow("""
            - {name: optional, template: optional}
            - {name: reader, template: reader, dependencies: [optional], arguments: {artifacts: [{name: f, from: '{{tasks.optional.outputs.artifacts.model}}', optional: true}]}}
      """, template("optional", "{artifacts: [{name: model, path: /tmp/optional/model, optional: true}]}", "true")
        + "  - name: reader\n    inputs: {artifacts: [{name: f, path: /tmp/f, optional: true}]}\n    container: {image: alpine, command: [cat, /tmp/f]}\n");
    String m = assertThrows(FormatException.class, () -> ArgoReader.read(optionalArgument, "missing.yaml")).getMessage();
    assertEquals("missing.yaml: task 'reader' of template 'main' passes artifact 'f' with optional: true, from"
        + " '{{tasks.optional.outputs.artifacts.model}}', which may be missing (not an output its task always saves), to an input that"
        + " has a file without it (optional: true, raw or a source of its own): Argo runs the task with that where the argument is"
        + " missing, a run here gives a task each file it passes. Drop optional from the argument: the task then errors, as on Argo,"
        + " where the file is missing", m);
    String shared = workflow("        - {name: both, template: both}\n", template("both",
        "{parameters: [{name: p, valueFrom: {path: /tmp/both/p, default: x}}], artifacts: [{name: p-file, path: /tmp/both/p}]}", "true"));
    m = assertThrows(FormatException.class, () -> ArgoReader.read(shared, "missing.yaml")).getMessage();
    assertEquals("missing.yaml: template 'both': output parameter 'p' has a valueFrom.default, and artifact 'p-file' is saved from its"
        + " file too; a run here keeps one file for both, so it cannot give the value without the file. Save the artifact from a file"
        + " of its own, or drop the default", m);
  }
}
