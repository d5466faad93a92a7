package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KFP 2 spec that does not hang together is refused as it is read, naming what is wrong, so that
 * validate, run and upload all refuse it before anything runs: a cycle of dependencies, a task
 * depending on itself, a read of an output its producer does not declare, a component whose executor
 * is missing, a platform document configuring an executor the spec does not have. KFP SDK 2.17's own
 * specs read and check cleanly.
 */
public class SpecChecksTest {
  /** {@code sh -c "echo $(( a OP b ))"}: inputs a and b, output Output, as the add example's components. */
  static ComponentSpec calc(String name, String op) {
    List<Placeholder> args = List.of(new Placeholder.Literal("-c"), new Placeholder.Literal("printf %s $(( $0 " + op + " $1 )) > \"$2\""),
        new Placeholder.InputValue("a"), new Placeholder.InputValue("b"), new Placeholder.OutputPath("Output"));
    return new ComponentSpec(name, null, null, null,
        List.of(new InputSpec("a", TypeSpec.named("Integer"), null, null, false),
            new InputSpec("b", TypeSpec.named("Integer"), null, null, false)),
        List.of(new OutputSpec("Output", TypeSpec.named("Integer"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), args, null, null), null);
  }

  /** The add example: add and subtract of the parameters, multiply of their outputs. */
  static Pipeline addExample() {
    Map<String, Argument> params = Map.of("a", new Argument.PipelineParameter("value1"), "b", new Argument.PipelineParameter("value2"));
    return new Pipeline("add-example", null,
        List.of(new Parameter("value1", ParameterType.INTEGER, "3", null), new Parameter("value2", ParameterType.INTEGER, "4", null)),
        List.of(new Task("add", calc("add", "+"), params), new Task("subtract", calc("subtract", "-"), params),
            new Task("multiply", calc("multiply", "*"), Map.of("a", new Argument.TaskOutput("add", "Output"),
                "b", new Argument.TaskOutput("subtract", "Output")))),
        null, PipelineSettings.DEFAULTS, null);
  }

  /** The add example's spec as the KFP 2 writer writes it, to break (here and in the runner's tests). */
  public static ObjectNode spec() {
    return (ObjectNode) Yaml.readAll(Kfp2Writer.write(addExample())).get(0);
  }

  public static ObjectNode task(ObjectNode spec, String name) {
    return (ObjectNode) spec.get("root").get("dag").get("tasks").get(name);
  }

  /** The {@code taskOutputParameter} behind input {@code input} of task {@code task}. */
  private static ObjectNode read(ObjectNode spec, String task, String input) {
    return (ObjectNode) task(spec, task).get("inputs").get("parameters").get(input).get("taskOutputParameter");
  }

  private static String refusal(JsonNode... documents) {
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(List.of(documents), "", "broken.yaml"));
    return e.getMessage();
  }

  @Test
  void theWrittenSpecReads() {
    assertEquals(addExample().nodes().size(), Kfp2Reader.read(List.of(spec()), "", "ok.yaml").nodes().size());
  }

  @Test
  void aCycleOfDependenciesIsRefusedNamingItsTasks() {
    ObjectNode spec = spec();
    task(spec, "add").putArray("dependentTasks").add("multiply");
    assertEquals("broken.yaml: tasks of root depend on each other in a cycle: add -> multiply -> add", refusal(spec));
  }

  @Test
  void aTaskDependingOnItselfIsRefused() {
    ObjectNode spec = spec();
    task(spec, "add").putArray("dependentTasks").add("add");
    assertEquals("broken.yaml: root, task 'add' depends on itself", refusal(spec));
  }

  @Test
  void aReadOfAnOutputTheProducerDoesNotDeclareIsRefused() {
    ObjectNode spec = spec();
    read(spec, "multiply", "a").put("outputParameterKey", "NoOut");
    assertEquals("broken.yaml: root, task 'multiply', input 'a' reads output 'NoOut' of task 'add', which its component 'comp-add' "
        + "does not declare; its parameter outputs are [Output]", refusal(spec));

    ObjectNode elsewhere = spec();
    read(elsewhere, "multiply", "a").put("producerTask", "nosuch");
    assertTrue(refusal(elsewhere).contains("root, task 'multiply', input 'a' reads an output of 'nosuch', which is no task of its DAG"));
  }

  @Test
  void aComponentWhoseExecutorIsMissingIsRefused() {
    ObjectNode spec = spec();
    ((ObjectNode) spec.get("deploymentSpec").get("executors")).remove("exec-add");
    assertEquals("broken.yaml: component 'comp-add' runs executor 'exec-add', which deploymentSpec.executors does not hold; "
        + "it holds [exec-multiply, exec-subtract]", refusal(spec));
  }

  @Test
  void aPlatformDocumentConfiguringAnUnknownExecutorIsRefused() {
    JsonNode platform = Yaml.read("platforms:\n  kubernetes:\n    deploymentSpec:\n      executors:\n"
        + "        exec-nosuch:\n          nodeSelector:\n            labels:\n              disk: ssd\n");
    String message = refusal(spec(), platform);
    assertTrue(message.startsWith("broken.yaml: the platform document's kubernetes.deploymentSpec.executors names 'exec-nosuch', "
        + "which is no executor of the pipeline spec"), message);
  }

  @Test
  void kfpSdkSpecsReadAndCheckCleanly() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Shared.testdata("kfp-sdk-2.17.0"))) {
      s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    int specs = 0;
    for (Path f : files) {
      if (Kfp2Reader.isPipelineSpec(Yaml.readAll(Files.readString(f)))) {
        Workflow.read(f).check();
        specs++;
      }
    }
    assertTrue(specs >= 5, "the SDK's pipeline specs and component files: " + files);
  }
}
