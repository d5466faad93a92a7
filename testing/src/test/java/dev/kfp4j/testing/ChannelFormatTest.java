package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KFP's f-strings of pipeline channels ({@code print_op(text=f'Hello {name}')}): the task's own input {@code
 * pipelinechannel--name} and the argument {@code Hello {{$.inputs.parameters['pipelinechannel--name']}}}. kfp4j read them,
 * but could not write such a spec again ({@code component 'print-op' has no input 'pipelinechannel--name'}) nor run it
 * ({@code passes 'pipelinechannel--name', which component 'print-op' does not take}); KFP's {@code flip_coin.yaml} among them.
 */
class ChannelFormatTest {
  @TempDir Path dir;

  private static String spec(String name) {
    return Yaml.resource(ChannelFormatTest.class, "fstrings/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flip_coin.yaml", "pipeline_with_params_containing_format.yaml"})
  void kfpsSpecsAreWrittenAgainAsKfpWroteThem(String file) {
    String yaml = spec(file);
    String again = Kfp2Writer.write(Kfp2Reader.read(yaml, file));
    Shared.root(Shared.KFP_PROTOS);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    JsonNode kfp = Yaml.readAll(yaml).get(0);
    JsonNode ours = Yaml.readAll(again).get(0);
    for (String part : List.of("components", "root", "deploymentSpec")) { // as protobuf reads them: a number 9 is 9.0
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, kfp.get(part)).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, ours.get(part)).toString()), file + " " + part
          + " written again:\n" + again);
    }
  }

  @Test
  void theTaskTakesTheChannelAsAnInputOfItsOwn() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_params_containing_format.yaml"), "p.yaml");
    assertEquals(Map.of("text", Argument.Constant.of("Hello {{$.inputs.parameters['pipelinechannel--name']}}"),
        "pipelinechannel--name", new Argument.PipelineParameter("name")), ((Task) p.node("print-op").orElseThrow()).arguments());
  }

  /**
   * Written as an Argo workflow, the f-string is the text with the parameter's Argo reference, as KFP v1's compiler wrote it
   * ({@code _op_to_template._process_obj}), and reads back as the channel; it was a {@code FormatException} ("KFP v1 has no form
   * for").
   */
  @Test
  void anArgoWorkflowHoldsTheFStringWithEachReference() {
    Pipeline p = Kfp2Reader.read(withShellComponents(), "p.yaml");
    String argo = ArgoWriter.write(p);
    assertTrue(argo.contains("{name: text, value: 'Hello {{workflow.parameters.name}}'}"), argo);
    assertFalse(argo.contains("pipelinechannel"), argo);
    Pipeline read = dev.kfp4j.format.argo.ArgoReader.read(argo, "p.yaml");
    assertEquals(((Task) p.node("print-op").orElseThrow()).arguments(), ((Task) read.node("print-op").orElseThrow()).arguments());
    assertEquals(argo, ArgoWriter.write(read));
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build()
        .run(Workflow.parse(argo, "p.yaml"), Map.of("name", "Ada"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("Hello Ada, again.", r.output("print-op-2", "Output"));
    List<String> loop = r.tasks().stream().filter(t -> t.name().equals("print-op2")).map(t -> t.outputs().get("Output")).sorted().toList();
    assertEquals(List.of("1 and Ada.", "2 and Ada."), loop);
  }

  /** KFP's spec, its Python components made shell ones that print what they are given. */
  private static String withShellComponents() {
    JsonNode spec = Yaml.readAll(spec("pipeline_with_params_containing_format.yaml")).get(0).deepCopy();
    ObjectNode executors = (ObjectNode) spec.at("/deploymentSpec/executors");
    for (String label : List.of("exec-print-op", "exec-print-op-2")) {
      executors.set(label, Yaml.read("{container: {image: 'alpine:3', command: [sh, -c, 'mkdir -p \"$(dirname \"$1\")\" && printf %s \"$0\" "
          + "> \"$1\"', \"{{$.inputs.parameters['text']}}\", \"{{$.outputs.parameters['Output'].output_file}}\"]}}"));
    }
    executors.set("exec-print-op2", Yaml.read("{container: {image: 'alpine:3', command: [sh, -c, 'mkdir -p \"$(dirname \"$2\")\" && "
        + "printf %s%s \"$0\" \"$1\" > \"$2\"', \"{{$.inputs.parameters['text1']}}\", \"{{$.inputs.parameters['text2']}}\", "
        + "\"{{$.outputs.parameters['Output'].output_file}}\"]}}"));
    return Yaml.write(spec, null);
  }

  /** KFP's spec, its Python components made shell ones that print what they are given: each f-string filled in. */
  @Test
  void locallyEachFStringIsFilledInAsKfpsDriverDoes() {
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build()
        .run(Workflow.parse(withShellComponents(), "p.yaml"), Map.of("name", "Ada"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("Hello Ada", r.output("print-op", "Output"));
    assertEquals("Hello Ada, again.", r.output("print-op-2", "Output"));
    List<String> loop = r.tasks().stream().filter(t -> t.name().equals("print-op2")).map(t -> t.outputs().get("Output")).sorted().toList();
    assertEquals(List.of("1 and Ada.", "2 and Ada."), loop);
  }
}
