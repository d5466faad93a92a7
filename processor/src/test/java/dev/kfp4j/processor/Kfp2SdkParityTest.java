package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.kfp4j.processor.Kfp2PipelineTest.Compiled;
import dev.kfp4j.yaml.Yaml;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pipelines a KFP Python SDK user writes, in Java: the KFP 2 spec has what KFP's own compiler
 * writes for the Python pipeline, where a KFP 2 backend reads it.
 */
class Kfp2SdkParityTest {
  /**
   * {@code dsl.ParallelFor([{"a": 1, "b": "x"}, ...])}: KFP's compiler writes the items as JSON
   * with their own types, and KFP 2's driver refuses text given to a number input ("input
   * parameter 'a' type mismatch: expect NUMBER_INTEGER, got string"). Record items were written
   * with every field as text, so such a loop failed on a cluster and ran locally. KFP's items are
   * JSON with sorted keys.
   */
  @Test
  void constantRecordItemsKeepTheirFieldsTypes() {
    Compiled c = Kfp2PipelineTest.compile(
        "public record Item(int a, String b, double x, boolean on, long big, float f) {}",
        "@Pipeline public static void p() {",
        "  Dsl.forEach(List.of(new Item(1, \"2\", 0.5, true, 12345678901L, 0.1f), new Item(-3, \"x\", 2, false, 0, 1f)),",
        "      item -> {",
        "    LibOps.add(item.a(), 1);",
        "    LibOps.greet(item.b());",
        "    LibOps.scale(item.x());",
        "    LibOps.flag(item.on());",
        "    LibOps.big(item.big());",
        "    LibOps.scale(item.f());",
        "    Dsl.when(Dsl.gt(item.a(), 0), () -> LibOps.greet(\"positive\"));",
        "  });",
        "}");
    JsonNode loop = Kfp2PipelineTest.task(c.spec(), "root", "for-loop-1");
    assertThat(loop.at("/parameterIterator/items/raw").asString()).isEqualTo(
        "[{\"a\": 1, \"b\": \"2\", \"big\": 12345678901, \"f\": 0.1, \"on\": true, \"x\": 0.5},"
            + " {\"a\": -3, \"b\": \"x\", \"big\": 0, \"f\": 1.0, \"on\": false, \"x\": 2}]");
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-1", "add").at("/inputs/parameters/a").toString())
        .isEqualTo("{\"componentInputParameter\":\"pipelinechannel--loop-item-param-0\","
            + "\"parameterExpressionSelector\":\"parseJson(string_value)[\\\"a\\\"]\"}");
    // a condition on a field compares that field, typed as the items have it
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-1", "condition-2").at("/triggerPolicy/condition").asString())
        .isEqualTo("int(inputs.parameter_values['pipelinechannel--loop-item-param-0-subvar-a']) > 0");
    // Argo's withItems are texts, as before
    JsonNode argo = Yaml.read(c.argo());
    JsonNode withItems = argo.at("/spec/templates/0/dag/tasks/0/withItems");
    assertThat(withItems.toString()).isEqualTo("[{\"a\":\"1\",\"b\":\"2\",\"x\":\"0.5\",\"on\":\"True\",\"big\":\"12345678901\","
        + "\"f\":\"0.1\"},{\"a\":\"-3\",\"b\":\"x\",\"x\":\"2\",\"on\":\"False\",\"big\":\"0\",\"f\":\"1.0\"}]");
  }
}
