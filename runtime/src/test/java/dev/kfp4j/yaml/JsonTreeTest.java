package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link Yaml#readJson} gives the JSON mapper's tree, node types included, or its exception. */
class JsonTreeTest {
  private static final List<String> TEXTS = List.of(
      "[1, 2, 3]", "[]", "{}", " [ ] ", "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}",
      "[2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808, -0, 0]",
      "[1.5, -0.0, 1e3, 1E-7, 0.1, 1e400, 123456789012345678901234567890.5]",
      "[\"\\u00e9\", \"tab\\t\", \"quote\\\"\", \"\"]", "[[[[1]], {\"x\": [{}]}]]", "\"text\"", "7", "2.5", "true", "null",
      "{\"a\": 1, \"a\": 2}", "[{\"k\": 1, \"k\": {\"n\": 2}}]", "{\"items\": [{\"name\": \"a\", \"n\": 1}]}",
      "[\"\\/\\u0041\\b\\f\\n\\r\\\\\", \"\u007f\", \"\ud83d\ude00\"]", "[0.5e-3, 1E+2, -12.25E2, 10]", "\t{ \"a\" :\r\n[ ] }\n",
      "[\"1e400\", 1e400]", "{\"\": \"\"}", "-0", "[123456789012345678901234567890123456789012345678901234567890123456789012345]");
  private static final List<String> BAD = List.of("[1, 2", "{\"a\" 1}", "[1] x", "[1] [2]", "{a: 1}", "[01]", "[NaN]", "x", "[1,]", "[1.]", "[.5]", "[-]", "[1e]",
      "[\"a\tb\"]", "[\"\\x\"]", "[\"\\u12\"]", "{\"a\": 1,}", "[1 2]", "// c\n[1]", "[tru]", "[\"open", "\ufeff[1]");

  @Test
  void plainJsonGivesTheMappersTree() {
    for (String text : TEXTS) {
      JsonNode expected = Yaml.json().readTree(text);
      JsonNode tree = Yaml.readJson(text);
      assertEquals(expected, tree, text);
      assertEquals(classes(expected), classes(tree), text);
    }
  }

  /**
   * Read keeping numbers, a text written with escapes keeps its text as written too, as Go's {@code json.RawMessage} does: its
   * value is the text, {@link Yaml#jsonText} writes it as written; a text without escapes is a plain text node.
   */
  @Test
  void keepingNumbersAnEscapedTextIsWrittenAsWritten() {
    String text = "[\"caf\\u00e9\", {\"p\": \"a\\/b\"}, \"plain/\u00e9\", 1.50]";
    JsonNode tree = Yaml.readJsonAsRaw(text, 2);
    assertEquals("caf\u00e9", tree.get(0).asString());
    assertEquals("a/b", tree.get(1).get("p").asString());
    assertEquals("\"caf\\u00e9\"", Yaml.stringText(tree.get(0)));
    assertEquals(null, Yaml.stringText(tree.get(2)));
    assertEquals(null, Yaml.stringText(Yaml.readJson("[\"a\\/b\"]").get(0)));
    assertEquals("[\"caf\\u00e9\",{\"p\":\"a\\/b\"},\"plain/\u00e9\",1.50]", Yaml.jsonText(tree));
  }

  /**
   * Read as Go reads a list of {@code json.RawMessage}s, an object or array inside an item is its text without spaces, at any
   * depth: its keys as written, a key given twice twice, its numbers as written; a key given twice in the item itself is its
   * last value, as Go's map of them has it.
   */
  @Test
  void asRawAnObjectOrArrayInsideAnItemIsItsText() {
    String deep = "[".repeat(100) + "1.50" + "]".repeat(100);
    String longNumber = "0." + "1".repeat(80);
    String text = "[{\"m\": {\"caf\\u00e9\" : 1, \"k\": 1, \"k\": [ 2.0, \"<\" ]}, \"d\": 1, \"d\": " + longNumber + "}, [ "
        + deep + " , {} ], \"x\"]";
    JsonNode tree = Yaml.readJsonAsRaw(text, 2);
    assertEquals("{\"caf\\u00e9\":1,\"k\":1,\"k\":[2.0,\"<\"]}", Yaml.rawText(tree.get(0).get("m")));
    assertEquals(longNumber, Yaml.rawText(tree.get(0).get("d")));
    assertEquals(deep, Yaml.rawText(tree.get(1).get(0)));
    assertEquals("{}", Yaml.rawText(tree.get(1).get(1)));
    assertEquals("x", tree.get(2).asString());
    JsonNode item = Yaml.readJsonAsRaw(Yaml.jsonText(tree.get(0)), 1);
    assertEquals(Yaml.rawText(tree.get(0).get("m")), Yaml.rawText(item.get("m")));
    for (String bad : List.of("[[[1,]]]", "[[{\"a\" 1}]]", "[{\"a\": [1 2]}]", "[[\"open]]", "[[{,}]]", "[[1]] x", "[{\"a\": {}}}]")) {
      RuntimeException expected = assertThrows(RuntimeException.class, () -> Yaml.json().readTree(bad), bad);
      RuntimeException e = assertThrows(RuntimeException.class, () -> Yaml.readJsonAsRaw(bad, 2), bad);
      assertEquals(expected.getMessage(), e.getMessage(), bad);
    }
  }

  @Test
  void noDocumentGivesWhatTheMapperGives() {
    for (String text : List.of("", "  ")) {
      assertEquals(Yaml.json().readTree(text), Yaml.readJson(text));
    }
  }

  @Test
  void badJsonGivesTheMappersException() {
    for (String text : BAD) {
      RuntimeException expected = assertThrows(RuntimeException.class, () -> Yaml.json().readTree(text), text);
      RuntimeException e = assertThrows(RuntimeException.class, () -> Yaml.readJson(text), text);
      assertEquals(expected.getClass(), e.getClass(), text);
      assertEquals(expected.getMessage(), e.getMessage(), text);
    }
  }

  /** The node classes of a tree, depth first: IntNode and LongNode are equal as numbers, not as nodes. */
  private static String classes(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    for (JsonNode child : node) {
      out.append('(').append(classes(child)).append(')');
    }
    return out.toString();
  }
}
