package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of another tool's template inputs and outputs (Argo's {@code Parameter} and {@code
 * Artifact}): each is held by the model (read, written, read again: the same), refused when the
 * workflow is to be written again (a run here ignores it), or refused when read (a run here would
 * not do what Argo does).
 */
class ForeignTemplateIoTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** A workflow whose entrypoint's DAG has {@code tasks} (YAML list items) and whose other templates are {@code templates}. */
  private static String workflow(String tasks, String templates) {
    return HandWritten.workflow(tasks, templates);
  }

  /** {@link #workflow} with one task {@code t} of template {@code t}, given nothing. */
  private static String oneTask(String template) {
    return workflow("- {name: t, template: t}\n", template);
  }

  private static Task task(Pipeline p, String name) {
    return (Task) p.node(name).orElseThrow();
  }

  /** Writes {@code p}, checks the result by Argo's rules, reads it again and checks that each task is as it was. */
  private static String roundTrip(Pipeline p) {
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(written)), written);
    Pipeline again = ArgoReader.readToWrite(written, "written.yaml");
    for (var n : p.nodes()) {
      Task t = (Task) n;
      Task u = task(again, t.name());
      assertEquals(t.component(), u.component(), written);
      assertEquals(t.arguments(), u.arguments(), written);
      assertEquals(t.settings(), u.settings(), written);
    }
    assertEquals(written, ArgoWriter.write(again), "written again: the same file");
    return written;
  }

  private RunResult run(String yaml) {
    return HandWritten.run(dir.resolve("runs"), yaml, console);
  }

  @Test
  void theRawTextOfAnInputArtifactIsTheInputsDefaultAndRunsAsItsFile() {
    // what the KFP SDK 1.8 compiler writes for a constant given to a file input
    String yaml = oneTask("""
        - name: t
          inputs: {artifacts: [{name: text, path: /tmp/inputs/text/data, raw: {data: hello}}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
          container: {image: a, command: [sh, -c, 'cat /tmp/inputs/text/data > /tmp/o']}
        """);
    Pipeline p = ArgoReader.readToWrite(yaml, "hand.yaml");
    assertEquals("hello", task(p, "t").component().input("text").orElseThrow().defaultValue());
    String written = roundTrip(p);
    assertEquals("[{\"name\":\"text\",\"raw\":{\"data\":\"hello\"}}]",
        Yaml.read(written).at("/spec/templates/0/dag/tasks/0/arguments/artifacts").toString(), "each task gives it, as Argo would");
    assertEquals("hello", run(yaml).output("t", "out"));
    assertEquals("pipeline 'hand', task 't': input 'text' is a file (an artifact in KFP 2) whose default is a text; KFP 2 gives an "
        + "artifact input no default or constant: pass an output of a task that writes the file",
        assertThrows(FormatException.class, () -> dev.kfp4j.format.kfp2.Kfp2Writer.write(p)).getMessage(), "not lost in KFP 2");
  }

  @Test
  void theKfpSdksAddExampleIsWrittenAgainAsItRuns() throws Exception {
    String yaml = java.nio.file.Files.readString(dev.kfp4j.testing.Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml"));
    Pipeline p = ArgoReader.readToWrite(yaml, "add_pipeline.yaml");
    String written = roundTrip(p);
    Map<String, String> arguments = Map.of("value_1", "3", "value_2", "4");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult sdk = runner.run(Workflow.parse(yaml, "add_pipeline.yaml"), arguments);
    RunResult again = runner.run(Workflow.parse(written, "written.yaml"), arguments);
    org.junit.jupiter.api.Assumptions.assumeTrue(sdk.succeeded(), "python3 runs the SDK's components: " + console);
    assertTrue(again.succeeded(), console.toString());
    assertEquals(sdk.output("multiply", "multiply-Output"), again.output("multiply", "multiply-Output"));
  }

  @Test
  void theDescriptionsOfInputsAndOutputsAreHeld() {
    Pipeline p = ArgoReader.readToWrite(oneTask("""
        - name: t
          inputs: {parameters: [{name: x, default: '1', description: how many}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}, description: the count}]}
          container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}} > /tmp/o']}
        """), "hand.yaml");
    assertEquals("how many", task(p, "t").component().input("x").orElseThrow().description());
    assertEquals("the count", task(p, "t").component().output("out").orElseThrow().description());
    roundTrip(p);
  }

  @Test
  void anInputsValueWinsOverItsDefaultAsInArgo() {
    InputSpec x = task(ArgoReader.read(oneTask("""
        - name: t
          inputs: {parameters: [{name: x, value: v, default: d}]}
          container: {image: a, command: [echo, '{{inputs.parameters.x}}']}
        """), "hand.yaml"), "t").component().input("x").orElseThrow();
    assertEquals("v", x.defaultValue());
  }

  @Test
  void envEntriesKeepTheirOrder() {
    String yaml = oneTask("""
        - name: t
          inputs: {parameters: [{name: x, default: '1'}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
          container:
            image: a
            command: [sh, -c, 'echo $A$N$B > /tmp/o']
            env:
            - {name: A, value: a}
            - {name: N, value: '{{inputs.parameters.x}}'}
            - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
            - {name: B, value: b}
            - {name: REGION, valueFrom: {configMapKeyRef: {name: settings, key: region}}}
            - {name: C, value: c}
        """);
    Pipeline p = ArgoReader.readToWrite(yaml, "hand.yaml");
    String written = roundTrip(p);
    List<String> names = new java.util.ArrayList<>();
    Yaml.read(written).at("/spec/templates/1/container/env").forEach(e -> names.add(e.path("name").asString()));
    assertEquals(List.of("A", "N", "TOKEN", "B", "REGION", "C"), names, written);
    assertEquals(List.of(new TaskSetting.SecretEnv("TOKEN", "creds", "token"), new TaskSetting.Env("B", "b"),
        new TaskSetting.ConfigMapEnv("REGION", "settings", "region"), new TaskSetting.Env("C", "c")), task(p, "t").settings());
    assertEquals("a1b", run(yaml).output("t", "out"));
  }

  @Test
  void whatARunHereIgnoresButTheModelDoesNotCarryIsRefusedWhenWritingAgain() {
    String carry = ", which kfp4j's model does not carry: the workflow written again would lose it. "
        + "Run it locally, or submit the file with Argo's own tools";
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("""
        inputs: {parameters: [{name: x, globalName: gx}]}
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
        """, "inputs.parameters 'x' uses 'globalName'");
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}, globalName: total}]}
        """, "outputs.parameters 'out' uses 'globalName'");
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs:
          parameters: [{name: out, valueFrom: {path: /tmp/o}}]
          artifacts: [{name: out, path: /tmp/o, archive: {none: {}}}]
        """, "outputs.artifacts 'out' uses 'archive'");
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs:
          parameters: [{name: out, valueFrom: {path: /tmp/o}}]
          artifacts: [{name: out, path: /tmp/o, s3: {key: runs/out.tgz}}]
        """, "outputs.artifacts 'out' uses 's3'");
    refused.put("""
        inputs:
          parameters: [{name: x}]
          artifacts: [{name: f, path: /tmp/f, http: {url: 'https://example.com/f'}}]
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
        """, "inputs.artifacts 'f' uses 'http'");
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}], result: 'x'}
        """, "outputs uses 'result'");
    // a run here does with them as Argo does (ArgoMissingOutputTest); the model does not carry them
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o, default: none}}]}
        """, "outputs.parameters 'out' uses 'valueFrom.default'");
    refused.put("""
        inputs: {parameters: [{name: x}]}
        outputs:
          parameters: [{name: out, valueFrom: {path: /tmp/o}}]
          artifacts: [{name: copy, path: /tmp/o2, optional: true}]
        """, "outputs.artifacts 'copy' uses 'optional'");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      // each task gives f: its source is not used
      String artifacts = e.getKey().contains("{name: f,") ? "    artifacts: [{name: f, raw: {data: given}}]\n" : "";
      String yaml = workflow("- name: t\n  template: t\n  arguments:\n    parameters: [{name: x, value: '4'}]\n" + artifacts,
          "- name: t\n" + e.getKey().indent(2) + "  container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}} > /tmp/o']}\n");
      assertEquals("4", run(yaml).output("t", "out"), "a run here is as before: " + e.getValue());
      assertEquals("hand.yaml: template 't': " + e.getValue() + carry,
          assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "hand.yaml")).getMessage());
    }
  }

  @Test
  void whatARunHereWouldNotDoAsArgoDoesIsRefusedWhenRead() {
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("""
        inputs: {parameters: [{name: x, enum: ['1', '2']}]}
        """, "inputs.parameters 'x' uses 'enum', which kfp4j's model does not hold: a run here would not check the value against it. "
        + "Remove it, or check the value in the template's command");
    refused.put("""
        inputs: {parameters: [{name: x, valueFrom: {configMapKeyRef: {name: settings, key: x}}}]}
        """, "inputs.parameters 'x' uses 'valueFrom', which kfp4j's model does not hold: a run here would not take the value from it. "
        + "Give the value as an argument of each task, or as the input's default");
    refused.put("""
        outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o, expression: 'x'}}]}
        """, "outputs.parameters 'out' uses 'valueFrom.expression', which kfp4j's model does not hold: a run here reads an output "
        + "parameter from its file (valueFrom.path) alone. Write the value to the file");
    refused.put("""
        inputs: {artifacts: [{name: f, path: /tmp/f, mode: 493}]}
        """, "inputs.artifacts 'f' uses 'mode', which kfp4j's model does not hold: a run here gives the file the mode it has. "
        + "Set the mode in the template's command (chmod)");
    refused.put("""
        inputs: {artifacts: [{name: f, path: /tmp/f, subPath: data/one.csv}]}
        """, "inputs.artifacts 'f' uses 'subPath', which kfp4j's model does not hold: a run here gives the whole artifact. "
        + "Give the file itself");
    refused.put("""
        inputs: {artifacts: [{name: f, path: /tmp/f, s3: {key: data/one.csv}}]}
        """, "inputs.artifacts 'f' uses 's3', which kfp4j's model does not hold: a run here would not load the file from it, and "
        + "task 't' of template 'main' gives none. Give the file as an argument of each task that runs the template");
    refused.put("""
        inputs: {artifacts: [{name: f, path: /tmp/f, optional: true}]}
        """, "inputs.artifacts 'f' uses 'optional', which kfp4j's model does not hold: a run here would not run the template "
        + "without the file, and task 't' of template 'main' gives none. Give the file as an argument of each task that runs the template");
    String alone = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: hand-}
        spec:
          entrypoint: t
          templates:
          - name: t
            inputs: {artifacts: [{name: f, path: /tmp/f, http: {url: 'https://example.com/f'}}]}
            container: {image: a, command: [cat, /tmp/f]}
        """;
    assertEquals("hand.yaml: template 't': inputs.artifacts 'f' uses 'http', which kfp4j's model does not hold: a run here would not "
        + "load the file from it, and the workflow, which runs it alone, gives none. Give the file as an argument of each task that "
        + "runs the template", assertThrows(FormatException.class, () -> ArgoReader.read(alone, "hand.yaml")).getMessage());
    for (Map.Entry<String, String> e : refused.entrySet()) {
      String yaml = oneTask("- name: t\n" + e.getKey().indent(2) + "  container: {image: a, command: [sh, -c, 'cat /tmp/f > /tmp/o']}\n");
      assertEquals("hand.yaml: template 't': " + e.getValue(),
          assertThrows(FormatException.class, () -> ArgoReader.read(yaml, "hand.yaml")).getMessage());
    }
  }
}
