package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.entrypoint.PyJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link Yaml#pyJson} reads the tree itself and writes what it wrote through the JSON mapper's plain values. */
class PyJsonTreeTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String throughMapper(JsonNode node) {
    return PyJson.dumps(Yaml.json().treeToValue(node, Object.class));
  }

  @Test
  void everyKindOfNodeIsWrittenAsThroughTheMapper() {
    ObjectNode root = NODES.objectNode();
    root.put("z", "last key, written first? no: keys sorted");
    root.put("text", "é \"quoted\" \\ \n");
    root.put("int", 7).put("negative", -3).put("long", 12345678901234L);
    root.put("big", new BigInteger("123456789012345678901234567890"));
    root.put("double", 0.1).put("whole", 2.0).put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY);
    root.put("decimal", new BigDecimal("1.50")).put("float", 0.1f).put("short", (short) 3);
    root.put("yes", true).put("no", false).putNull("none");
    root.putArray("list").add(1).add("two").add(3.5).addNull().addObject().put("k", "v");
    root.putObject("empty");
    root.putArray("nothing");
    root.putObject("nested").putObject("deeper").putArray("items").addArray().add(false);
    assertEquals(throughMapper(root), Yaml.pyJson(root));
    for (JsonNode value : root) {
      assertEquals(throughMapper(value), Yaml.pyJson(value));
    }
  }

  @Test
  void textReadFromJsonIsWrittenAsThroughTheMapper() {
    JsonNode read = Yaml.json().readTree("{\"b\": [1, 2.5, 1e400, -0.0, 10000000000, \"x\"], \"a\": {\"c\": null, \"d\": true}}");
    assertEquals(throughMapper(read), Yaml.pyJson(read));
  }
}
