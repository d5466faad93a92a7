package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Yaml#jsonText}, {@link Yaml#prettyJsonText}, {@link Yaml#appendPrettyJson} and {@link Yaml#toTree} give what the
 * JSON mapper gives, byte for byte.
 */
class JsonWritingTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Trees of every node kind, the numbers and texts a generator writes in more than one way among them. */
  static List<JsonNode> trees() {
    List<JsonNode> out = new ArrayList<>();
    for (String text : YamlTreeTest.TEXTS) {
      out.add(Yaml.mapper().readTree(text));
    }
    ArrayNode special = NODES.arrayNode()
        .add(Double.NaN).add(Double.POSITIVE_INFINITY).add(-0.0).add(1e-7).add(1e300).add(0.1f).add(Float.NaN)
        .add(new BigDecimal("1E+3")).add(new BigDecimal("0.000001")).add(new BigDecimal("-12.50"))
        .add(new BigInteger("123456789012345678901234567890")).add(Long.MIN_VALUE).add(Integer.MAX_VALUE).add((short) 3)
        .add("\u0000\u001f\u007f/</script>\u2028\ud83d\ude00\"\\\b\f\n\r\t").add("").addNull().add(NODES.missingNode())
        .add(NODES.objectNode()).add(NODES.arrayNode());
    out.add(special);
    ObjectNode nested = NODES.objectNode();
    nested.set("run", NODES.objectNode().put("id", "r1").put("status", "Succeeded").set("tasks", NODES.objectNode()
        .set("t0", NODES.objectNode().put("attempt", 1).putNull("error").set("outputs", special))));
    nested.set("", NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode())));
    out.add(nested);
    out.add(NODES.stringNode("root text"));
    out.add(NODES.numberNode(7));
    out.add(NODES.nullNode());
    return out;
  }

  @Test
  void treesAreWrittenAsTheMapperWritesThem() {
    for (JsonNode tree : trees()) {
      assertEquals(Yaml.json().writeValueAsString(tree), Yaml.jsonText(tree), tree::toString);
      assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree), Yaml.prettyJsonText(tree), tree::toString);
      assertEquals(nestedTwice(tree), "{\n  \"a\" : {\n    \"b\" : " + prettyAt(tree, 2) + "\n  }\n}", tree::toString);
    }
  }

  /** Random trees of every node kind, texts of any characters (lone surrogates too), numbers of every size. */
  @Test
  void randomTreesAreWrittenAsTheMapperWritesThem() {
    Random random = new Random(16);
    for (int i = 0; i < 3000; i++) {
      JsonNode tree = randomTree(random, 0);
      assertEquals(Yaml.json().writeValueAsString(tree), Yaml.jsonText(tree), tree::toString);
      assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree), Yaml.prettyJsonText(tree), tree::toString);
      assertEquals(nestedTwice(tree), "{\n  \"a\" : {\n    \"b\" : " + prettyAt(tree, 2) + "\n  }\n}", tree::toString);
    }
  }

  private static JsonNode randomTree(Random random, int depth) {
    switch (random.nextInt(depth > 4 ? 9 : 12)) {
      case 0: return NODES.stringNode(randomText(random));
      case 1: return NODES.numberNode(random.nextInt());
      case 2: return NODES.numberNode(random.nextLong());
      case 3: return NODES.numberNode(Double.longBitsToDouble(random.nextLong()));
      case 4: return NODES.numberNode(random.nextBoolean() ? random.nextFloat() * 1e6f : Float.intBitsToFloat(random.nextInt()));
      case 5: return NODES.numberNode(new BigDecimal(new BigInteger(80, random), random.nextInt(40) - 20));
      case 6: return NODES.numberNode(new BigInteger(100, random).negate());
      case 7: return random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
      case 8: return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 9:
      case 10: {
        ObjectNode o = NODES.objectNode();
        for (int k = random.nextInt(4); k > 0; k--) {
          o.set(randomText(random), randomTree(random, depth + 1));
        }
        return o;
      }
      default: {
        ArrayNode a = NODES.arrayNode();
        for (int k = random.nextInt(4); k > 0; k--) {
          a.add(randomTree(random, depth + 1));
        }
        return a;
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    for (int k = random.nextInt(8); k > 0; k--) {
      switch (random.nextInt(4)) {
        case 0 -> s.append((char) random.nextInt(0x80));
        case 1 -> s.append((char) random.nextInt(0x10000));
        case 2 -> s.append("\"\\\n\t\u2028/".charAt(random.nextInt(6)));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  /** {@code {"a": {"b": tree}}} as the mapper's pretty printer writes it. */
  private static String nestedTwice(JsonNode tree) {
    ObjectNode wrapper = NODES.objectNode();
    wrapper.putObject("a").set("b", tree);
    return Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(wrapper);
  }

  private static String prettyAt(JsonNode tree, int nesting) {
    StringBuilder out = new StringBuilder();
    Yaml.appendPrettyJson(tree, nesting, out);
    return out.toString();
  }

  /** Raw values of text, as run.json holds its tasks' parts, are written as they are, as the mapper writes them. */
  @Test
  void rawValuesAreWrittenAsTheMapperWritesThem() {
    ObjectNode tree = NODES.objectNode();
    tree.putRawValue("a", new tools.jackson.databind.util.RawValue("{\n    \"x\" : 1\n  }"));
    tree.putObject("b").putRawValue("c", new tools.jackson.databind.util.RawValue("[ 1, 2 ]"));
    tree.putArray("d").add(NODES.rawValueNode(new tools.jackson.databind.util.RawValue("\"text\"")));
    for (JsonNode t : List.of(tree, tree.get("b"), tree.get("d"))) {
      assertEquals(Yaml.json().writeValueAsString(t), Yaml.jsonText(t), t::toString);
      assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(t), Yaml.prettyJsonText(t), t::toString);
      assertEquals(nestedTwice(t), "{\n  \"a\" : {\n    \"b\" : " + prettyAt(t, 2) + "\n  }\n}", t::toString);
    }
  }

  @Test
  void noTreeIsWrittenAsTheMapperWritesNoValue() {
    assertEquals(Yaml.json().writeValueAsString(null), Yaml.jsonText(null));
    assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(null), Yaml.prettyJsonText(null));
  }

  @Test
  void nodesOnlyTheMapperWritesAreWrittenByIt() {
    ObjectNode tree = NODES.objectNode();
    tree.set("items", NODES.arrayNode().add(NODES.binaryNode(new byte[] {1, 2, 3})).add(NODES.pojoNode(List.of("a", 1))));
    tree.putObject("nested").set("pojo", NODES.pojoNode(Map.of("k", List.of(1))));
    assertEquals(Yaml.json().writeValueAsString(tree), Yaml.jsonText(tree));
    assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree), Yaml.prettyJsonText(tree));
    assertEquals(nestedTwice(tree), "{\n  \"a\" : {\n    \"b\" : " + prettyAt(tree, 2) + "\n  }\n}");
  }

  @Test
  void filesOtherToolsWroteAreWrittenAsTheMapperWritesThem() throws IOException {
    List<Path> files = YamlTreeTest.sharedYamlFiles();
    int written = 0;
    for (Path f : files) {
      JsonNode tree;
      try {
        tree = Yaml.mapper().readTree(f.toFile());
      } catch (RuntimeException e) {
        continue; // several documents
      }
      assertEquals(Yaml.json().writeValueAsString(tree), Yaml.jsonText(tree), f.toString());
      assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree), Yaml.prettyJsonText(tree), f.toString());
      written++;
    }
    assertEquals(true, written > 250, "wrote " + written + " files of " + files.size());
  }

  @Test
  void treesBecomeTheMappersPlainValues() {
    for (JsonNode tree : trees()) {
      if (missingInside(tree)) {
        continue; // no text reads as one; the mapper refuses it
      }
      assertEquals(Yaml.json().treeToValue(tree, Object.class), Yaml.toPlain(tree), tree::toString);
      if (tree.isObject()) {
        assertEquals(Yaml.json().convertValue(tree, LinkedHashMap.class), Yaml.toPlain(tree), tree::toString);
      }
    }
  }

  private static boolean missingInside(JsonNode tree) {
    for (JsonNode child : tree) {
      if (child.isMissingNode() || missingInside(child)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void plainValuesBecomeTheMappersTree() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("accuracy", 0.5);
    metadata.put("count", 3);
    metadata.put("big", 1L << 40);
    metadata.put("ok", true);
    metadata.put("none", null);
    metadata.put("names", Arrays.asList("a", null, List.of(1, 2.5)));
    metadata.put("nested", Map.of("k", Map.of()));
    List<Object> values = List.of(metadata, Map.of(), List.of(), "text", 1, Long.MAX_VALUE, -0.0, Double.NaN,
        Map.of("f", 1.5f), Map.of(1, "a"), List.of(new BigDecimal("1.0")), new int[] {1, 2});
    for (Object value : values) {
      JsonNode expected = Yaml.json().valueToTree(value);
      JsonNode tree = Yaml.toTree(value);
      assertEquals(expected, tree, String.valueOf(value));
      assertEquals(YamlTreeTest.classes(expected), YamlTreeTest.classes(tree), String.valueOf(value));
    }
    assertEquals(Yaml.json().valueToTree(null), Yaml.toTree(null));
  }
}
