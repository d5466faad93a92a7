package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nested pipeline's optional inputs its caller does not give, as KFP's driver fills them in (as
 * KFP's {@code nested_pipeline_opt_inputs_nil} and {@code ..._opt_input_child_level} test specs
 * leave them out): one with a default takes the default; one without is null, and a task that takes
 * it as an optional input runs without it, with its component's own default.
 */
class NestedPipelineInputsTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-inner:
          dag:
            tasks:
              show:
                componentRef:
                  name: comp-show
                inputs:
                  parameters:
                    a:
                      componentInputParameter: a
                    b:
                      componentInputParameter: b
                    n:
                      componentInputParameter: n
                taskInfo:
                  name: show
          inputDefinitions:
            parameters:
              a:
                defaultValue: nested default
                isOptional: true
                parameterType: STRING
              b:
                isOptional: true
                parameterType: STRING
              n:
                defaultValue: 0.0
                isOptional: true
                parameterType: NUMBER_INTEGER
        comp-show:
          executorLabel: exec-show
          inputDefinitions:
            parameters:
              a:
                parameterType: STRING
              b:
                defaultValue: its own default
                isOptional: true
                parameterType: STRING
              n:
                parameterType: NUMBER_INTEGER
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-show:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$3")" && printf '%s|%s|%s' "$0" "$1" "$2" > "$3"
              - '{{$.inputs.parameters[''a'']}}'
              - '{{$.inputs.parameters[''b'']}}'
              - '{{$.inputs.parameters[''n'']}}'
              - '{{$.outputs.parameters[''text''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: nested-inputs
      root:
        dag:
          tasks:
            inner:
              componentRef:
                name: comp-inner
              taskInfo:
                name: inner
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  @Test
  void anOptionalInputNotGivenTakesItsDefaultOrLeavesTheTasksInputOut() {
    Task show = (Task) Kfp2Reader.read(SPEC, "nested-inputs.yaml").node("show").orElseThrow();
    assertEquals(Map.of("a", Argument.Constant.of("nested default"), "n", new Argument.Constant("0", ParameterType.INTEGER)),
        show.arguments());
  }

  @Test
  void aRunGivesTheDefaults() {
    Workflow w = Workflow.parse(SPEC, "nested-inputs.yaml");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build().run(w, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("nested default|its own default|0", r.output("show", "text"));
  }

  /** A nested pipeline's loop over its input, which its caller leaves to the default list: a loop over those items. */
  @Test
  void aLoopOverAnInputLeftToItsDefaultLoopsOverTheDefault() {
    String spec = """
        components:
          comp-for-loop-1:
            dag:
              tasks:
                show:
                  componentRef:
                    name: comp-show
                  inputs:
                    parameters:
                      a:
                        componentInputParameter: pipelinechannel--items-loop-item
                      n:
                        runtimeValue:
                          constant: 1.0
                  taskInfo:
                    name: show
            inputDefinitions:
              parameters:
                pipelinechannel--items:
                  parameterType: LIST
                pipelinechannel--items-loop-item:
                  parameterType: STRING
          comp-inner:
            dag:
              tasks:
                for-loop-1:
                  componentRef:
                    name: comp-for-loop-1
                  inputs:
                    parameters:
                      pipelinechannel--items:
                        componentInputParameter: items
                  parameterIterator:
                    itemInput: pipelinechannel--items-loop-item
                    items:
                      inputParameter: pipelinechannel--items
                  taskInfo:
                    name: for-loop-1
            inputDefinitions:
              parameters:
                items:
                  defaultValue: [x, y]
                  isOptional: true
                  parameterType: LIST
        """ + SPEC.substring(SPEC.indexOf("  comp-show:"));
    dev.kfp4j.model.Loop loop = (dev.kfp4j.model.Loop) Kfp2Reader.read(spec, "nested-loop.yaml").node("for-loop-1").orElseThrow();
    assertEquals(new dev.kfp4j.model.Loop.Constants(java.util.List.of(Argument.Constant.of("x"), Argument.Constant.of("y"))),
        loop.items());
    String absent = spec.replace("          defaultValue: [x, y]\n", "");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(absent, "nested-loop.yaml"));
    assertEquals("nested-loop.yaml: component 'comp-inner', task 'for-loop-1': 'pipelinechannel--items' has no value: it comes "
        + "from an optional input of a nested pipeline without default, which the nested pipeline's caller does not give; kfp4j's "
        + "model leaves such an input out of a task that takes it as optional, but has nothing to give a loop, a condition or a "
        + "volume: have the caller pass it, or give it a default", e.getMessage());
  }

  @Test
  void anInputWithoutValueGivenToANonOptionalInputIsRefusedNamingTheNesting() {
    String spec = SPEC.replace("""
                b:
                  defaultValue: its own default
                  isOptional: true
                  parameterType: STRING
        """, """
                b:
                  parameterType: STRING
        """);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(spec, "nested-inputs.yaml"));
    assertEquals("nested-inputs.yaml: component 'comp-inner', task 'show', input 'b': it is given no value: it comes from an "
        + "optional input of a nested pipeline without default, which the nested pipeline's caller does not give, but its "
        + "component's input is not optional (KFP's driver fails such a task): have the caller pass it, or give it a default",
        e.getMessage());
  }
}
