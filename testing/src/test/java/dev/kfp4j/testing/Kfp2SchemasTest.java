package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KFP 2 validator accepts what KFP 2.17's own compiler wrote and refuses what KFP would refuse. */
class Kfp2SchemasTest {
  static Path sdk;

  @BeforeAll
  static void shared() {
    sdk = Shared.testdata("kfp-sdk-2.17.0");
  }

  static Stream<String> sdkFiles() throws IOException {
    shared();
    try (Stream<Path> files = Files.list(sdk)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sdkFiles")
  void acceptsEveryFileKfpWrote(String file) throws IOException {
    assertEquals(List.of(), Kfp2Schemas.errors(Files.readString(sdk.resolve(file))), file);
  }

  @Test
  void refusesUnknownFieldsWrongTypesAndBrokenReferences() throws IOException {
    String add = Files.readString(sdk.resolve("add_pipeline.yaml"));
    assertRefused(add.replace("componentInputParameter: value_1", "componentInputParam: value_1"), "Cannot find field: componentInputParam");
    assertRefused(add.replace("pipelineInfo:\n  name: add-example", "pipelineInfo: add-example"), "PipelineSpec");
    assertRefused(add.replace("producerTask: add", "producerTask: addd"), "producerTask 'addd' is not a task of the same DAG");
    assertRefused(add.replace("name: comp-multiply", "name: comp-multiplyy"), "componentRef 'comp-multiplyy' names no component");
    assertRefused(add.replace("executorLabel: exec-add", "executorLabel: exec-nope"), "executorLabel 'exec-nope' names no executor");
    assertRefused(add.replace("outputParameterKey: Output", "outputParameterKey: Out"), "has no output parameter 'Out'");
    assertRefused(add.replace("        - add\n        - subtract", "        - subtract"), "reads task 'add', which is not in dependentTasks");
    // a wrong field inside the deployment spec, which PipelineSpec types as a Struct
    assertRefused(add.replace("        image: python:3.11", "        imag: python:3.11"), "deploymentSpec");
    String k8s = Files.readString(sdk.resolve("kubernetes_settings.yaml"));
    assertRefused(k8s.replace("imagePullPolicy: Always", "imagePullPolicyy: Always"), "platforms.kubernetes executor exec-write");
    String loop = Files.readString(sdk.resolve("cond_loop_artifact.yaml"));
    assertRefused(loop.replace("int(inputs.parameter_values['pipelinechannel--total-Output'])", "int(inputs.parameter_values['x'])"),
        "triggerPolicy.condition reads 'x'");
    assertRefused(loop.replace("schemaTitle: system.Dataset\n            schemaVersion: 0.0.1\n    outputDefinitions",
        "schemaTitle: system.Model\n            schemaVersion: 0.0.1\n    outputDefinitions"), "a system.Dataset artifact feeds a system.Model input");
  }

  private static void assertRefused(String yaml, String expected) {
    List<String> errors = Kfp2Schemas.errors(yaml);
    assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "expected an error containing '" + expected + "', got " + errors);
  }
}
