package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP 2.13's specs of {@code dsl.OneOf} over parameters ({@code if_else_with_oneof_parameters.py},
 * and {@code if_elif_else_with_oneof_parameters.py}, whose chain is in a pipeline used as a
 * component and one of whose branches gives an {@code OutputPath} output), and KFP 2.15's over
 * artifacts ({@code if_else_with_oneof_artifacts.py}, {@code artifactSelectors}): read as one of the
 * chain's outputs ({@link Argument.OneOf}), and written again valid as KFP's {@code .proto}
 * messages with the chain's {@code valueFromOneof} as KFP's compiler wrote it, then again byte for
 * byte.
 */
class OneOfFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  private static Argument.OneOf oneOf(String chain, String... tasksAndOutputs) {
    List<Argument.TaskOutput> outputs = new java.util.ArrayList<>();
    for (int i = 0; i < tasksAndOutputs.length; i += 2) {
      outputs.add(new Argument.TaskOutput(tasksAndOutputs[i], tasksAndOutputs[i + 1]));
    }
    return new Argument.OneOf(chain, outputs);
  }

  private static String writtenAgain(String file, Pipeline p) {
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    return again;
  }

  @Test
  void ifElseWithOneOfParameters() {
    String yaml = Yaml.resource(OneOfFormatTest.class, "oneof/if_else_with_oneof_parameters.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "if_else_with_oneof_parameters.yaml");
    Argument.OneOf expected = oneOf("condition-branches-1", "print-and-return", "Output", "print-and-return-2", "Output");
    assertEquals(expected, ((Task) p.node("print-and-return-3").orElseThrow()).arguments().get("text"));
    assertEquals(expected, p.outputs().get("Output"));
    String again = writtenAgain("if_else_with_oneof_parameters.yaml", p);
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(again);
    for (String at : List.of("/components/comp-condition-branches-1/dag/outputs",
        "/components/comp-condition-branches-1/outputDefinitions", "/components/comp-condition-2/dag/outputs",
        "/components/comp-condition-3/outputDefinitions", "/root/dag/outputs",
        "/root/dag/tasks/print-and-return-3/inputs", "/root/dag/tasks/print-and-return-3/dependentTasks")) {
      assertEquals(sdk.at(at), ours.at(at), at + " in\n" + again);
    }
  }

  @Test
  void ifElifElseWithOneOfParametersInAPipelineUsedAsAComponent() {
    String yaml = Yaml.resource(OneOfFormatTest.class, "oneof/if_elif_else_with_oneof_parameters.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "if_elif_else_with_oneof_parameters.yaml");
    Argument.OneOf expected = oneOf("condition-branches-1", "roll-die-pipeline-print-and-return", "Output", "print-and-return-2",
        "Output", "special-print-and-return", "output_key");
    assertEquals(expected, ((Task) p.node("print-and-return").orElseThrow()).arguments().get("text"));
    String again = writtenAgain("if_elif_else_with_oneof_parameters.yaml", p);
    assertEquals(Yaml.read(yaml).at("/components/comp-condition-branches-1/outputDefinitions"),
        Yaml.read(again).at("/components/comp-condition-branches-1/outputDefinitions"), again);
  }

  @Test
  void ifElseWithOneOfArtifactsInAPipelineUsedAsAComponent() {
    String yaml = Yaml.resource(OneOfFormatTest.class, "oneof/if_else_with_oneof_artifacts.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "if_else_with_oneof_artifacts.yaml");
    assertEquals(new Argument.OneOf("condition-branches-1", List.of(new Argument.TaskOutput("param-to-artifact", "a"),
        new Argument.TaskOutput("param-to-artifact-2", "a"))), ((Task) p.node("print-artifact").orElseThrow()).arguments().get("a"));
    String again = writtenAgain("if_else_with_oneof_artifacts.yaml", p);
    for (String at : List.of("/components/comp-condition-branches-1/dag/outputs",
        "/components/comp-condition-branches-1/outputDefinitions", "/components/comp-condition-2/dag/outputs")) {
      assertEquals(Yaml.read(yaml).at(at), Yaml.read(again).at(at), at + " in\n" + again);
    }
  }
}
