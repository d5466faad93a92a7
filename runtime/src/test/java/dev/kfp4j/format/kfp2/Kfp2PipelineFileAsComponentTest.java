package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A KFP 2 pipeline file where a component file is expected (KFP's {@code load_component_from_file} takes one as a component,
 * the Kubeflow docs' "Load and Share Components"): the error says what it is and what kfp4j does with it instead, where it
 * said to "load it as one" without saying how.
 */
class Kfp2PipelineFileAsComponentTest {
  private static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs: [{name: text, type: String}]
      implementation: {container: {image: alpine, command: [echo, {inputValue: text}]}}
      """, "echo.yaml");

  @Test
  void aPipelineOfSeveralTasksIsNoComponentAndTheErrorSaysWhatToDoInstead() {
    Pipeline p = new Pipeline("two-echoes", null, List.of(), List.of(new Task("echo", ECHO, Map.of("text", Argument.Constant.of("a"))),
        new Task("echo-2", ECHO, Map.of("text", Argument.Constant.of("b")))), null, PipelineSettings.DEFAULTS, null, Map.of());
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.readComponent(Kfp2Writer.write(p), "two.yaml"));
    assertEquals("two.yaml: a KFP 2 pipeline of 2 tasks, not a component file (whose root runs one component): kfp4j takes no "
        + "pipeline file as a task of another pipeline. Call a @Pipeline method in the pipeline instead (a pipeline in a "
        + "pipeline), or run this file as it is: kfp4j run -p FILE, kfp4j upload-pipeline", e.getMessage());
  }

  @Test
  void aPipelineOfOneTaskIsItsComponent() {
    Pipeline p = new Pipeline("one-echo", null, List.of(), List.of(new Task("echo", ECHO, Map.of("text", Argument.Constant.of("a")))),
        null, PipelineSettings.DEFAULTS, null, Map.of());
    ComponentSpec read = Kfp2Reader.readComponent(Kfp2Writer.write(p), "one.yaml");
    assertEquals(List.of("text"), read.inputs().stream().map(dev.kfp4j.spec.InputSpec::name).toList());
  }
}
