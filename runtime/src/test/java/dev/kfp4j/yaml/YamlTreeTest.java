package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link Yaml#read(String)} gives the YAML mapper's tree, node types included, or its exception, without making the mapper. */
class YamlTreeTest {
  static final List<String> TEXTS = List.of(
      "a: 1\nb: [1, 2, 3]\nc: {d: e}\n",
      "[1, -2, 2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808, 0x1F, 0o17, 017, 1_000, +5]",
      "[1.5, -0.0, 1e3, 1.0e+3, .inf, -.Inf, .NaN, 1.0e+400, 6.02e23, 0.1, 1., .5, 123456789012345678901234567890.5]",
      "[true, false, yes, no, on, off, True, FALSE, null, ~, Null, '', \"\"]",
      "- 'single ''quoted'''\n- \"double\\t\\u00e9\"\n- plain text\n- |\n  block\n  lines\n- >\n  folded\n  text\n- |-\n  kept\n",
      "x: &a {k: 1, l: [1, 2]}\ny: *a\nz: [*a, *a]\n",
      "base: &b {k: 1}\nd:\n  <<: *b\n  j: 2\n",
      "a: !!str 123\nb: !!int '7'\nc: !!float 1\ne: !custom x\nf: !!null ''\n",
      "t: 2001-12-14t21:59:43.10-05:00\nd: 2002-12-14\n",
      "~", "--- 5\n", "text", "'7'", "[[[]], {}, [{a: [b]}]]", "{}", "[]",
      "1: a\ntrue: b\n~: c\n3.5: d\n",
      "key: value # comment\n# last\n",
      "metadata:\n  annotations:\n    x: '{\"a\": [1, 2]}'\nspec:\n  templates:\n  - name: t\n    container: {image: 'python:3.9', command: [sh, -c]}\n");
  static final List<String> OTHERS = List.of("", "---\n", "# only a comment\n", "a: 1\n---\nb: 2\n", "d: !!binary aGVsbG8=\n",
      "a: [1, 2", "a: b: c", "- a\nb: c", "*undefined", "key: 'unterminated", "[a]: d", "a: 1\n a: 2", "x: &a [*a]", "{a: 1, a: 2}",
      "a: 1\nb: 2\na: 3\n");

  @Test
  void documentsGiveTheMappersTreeWithoutIt() {
    for (String text : TEXTS) {
      JsonNode expected = Yaml.mapper().readTree(text);
      JsonNode tree = YamlTree.read(Yaml.factory(), text);
      assertNotNull(tree, () -> "read without the mapper: " + text);
      assertEquals(expected, tree, text);
      assertEquals(classes(expected), classes(tree), text);
    }
  }

  @Test
  void whatOnlyTheMapperDecidesGivesItsTreeOrItsException() {
    for (String text : OTHERS) {
      JsonNode expected;
      try {
        expected = Yaml.mapper().readTree(text);
      } catch (RuntimeException e) {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Yaml.read(text), text);
        assertEquals(e.getClass(), thrown.getClass(), text);
        assertEquals(e.getMessage(), thrown.getMessage(), text);
        continue;
      }
      JsonNode tree = Yaml.read(text);
      assertEquals(expected, tree, text);
      assertEquals(classes(expected), classes(tree), text);
    }
  }

  @Test
  void streamsGiveTheMappersDocumentsWithoutIt() {
    List<String> streams = List.of("a: 1\n---\nb: [2]\n", "--- 1\n--- 2\n", "a: 1\n---\n", "---\n---\na: 1\n", "a: x\n...\n---\n- y\n",
        "pipelineInfo: {name: p}\n---\nplatforms:\n  kubernetes: {deploymentSpec: {}}\n");
    for (String text : streams) {
      List<JsonNode> expected;
      try (tools.jackson.databind.MappingIterator<JsonNode> it = Yaml.mapper().readerFor(JsonNode.class).readValues(text)) {
        expected = it.readAll();
      }
      List<JsonNode> documents = YamlTree.readAll(Yaml.factory(), text);
      assertNotNull(documents, text);
      assertEquals(expected, documents, text);
      assertEquals(expected.stream().map(YamlTreeTest::classes).toList(), documents.stream().map(YamlTreeTest::classes).toList(), text);
      assertEquals(expected, Yaml.readAll(text), text);
    }
    for (String text : List.of("a: [1\n---\nb: 2\n", "a: 1\n---\nb: *x\n", "d: !!binary aGVsbG8=\n---\ne: 1\n",
        "- x\n---\n- y\n")) { // a list first: the mapper's iterator gives its items
      List<JsonNode> expected;
      try (tools.jackson.databind.MappingIterator<JsonNode> it = Yaml.mapper().readerFor(JsonNode.class).readValues(text)) {
        expected = it.readAll();
      } catch (RuntimeException e) {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Yaml.readAll(text), text);
        assertEquals(e.getClass(), thrown.getClass(), text);
        assertEquals(e.getMessage(), thrown.getMessage(), text);
        continue;
      }
      assertEquals(expected, Yaml.readAll(text), text);
    }
  }

  @Test
  void filesOtherToolsWroteGiveTheMappersTree() throws IOException {
    List<Path> files = sharedYamlFiles();
    int read = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      if (text.contains("<<")) {
        continue; // merge keys: Yaml.read resolves them, the mapper does not
      }
      JsonNode expected;
      try {
        expected = Yaml.mapper().readTree(text);
      } catch (RuntimeException e) {
        continue; // several documents: Documents.read takes those
      }
      JsonNode tree = YamlTree.read(Yaml.factory(), text);
      assertNotNull(tree, f::toString);
      assertEquals(expected, tree, f.toString());
      assertEquals(classes(expected), classes(tree), f.toString());
      read++;
    }
    assertEquals(true, read > 250, "read " + read + " files of " + files.size());
  }

  /** The YAML files other tools wrote, in ../shared/testdata (the test is skipped without it). */
  static List<Path> sharedYamlFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(Shared.testdata(""))) {
      return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  /** The node classes of a tree, depth first: IntNode and LongNode are equal as numbers, not as nodes. */
  static String classes(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    for (JsonNode child : node) {
      out.append('(').append(classes(child)).append(')');
    }
    return out.toString();
  }
}
