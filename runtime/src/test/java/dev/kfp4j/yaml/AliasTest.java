package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Anchors, aliases and merge keys read as PyYAML (the KFP SDK's reader) reads them, where
 * Jackson alone read an alias as its anchor's name; and a document whose aliases would copy
 * without end is refused quickly.
 */
class AliasTest {
  private static JsonNode read(String yaml) {
    return Yaml.read(yaml);
  }

  @Test
  void anAliasIsACopyOfTheAnchoredNode() {
    JsonNode root = read("""
        image: &img python:3.9
        defaults: &d {cpu: '1', tags: [a, b]}
        list: &l [1, 2]
        uses: [*img, *d, *l]
        again: *d
        """);
    assertEquals("[\"python:3.9\",{\"cpu\":\"1\",\"tags\":[\"a\",\"b\"]},[1,2]]", root.get("uses").toString());
    assertEquals(root.get("defaults"), root.get("again"));
    assertEquals(1, root.get("uses").get(2).get(0).asInt(), "a copied scalar keeps its type");
  }

  @Test
  void anAliasInsideAnAnchoredNodeIsCopiedWithIt() {
    JsonNode root = read("""
        a: &a x
        b: &b [*a, *a]
        c: &c {b: *b, s: [*b]}
        d: *c
        """);
    assertEquals("{\"b\":[\"x\",\"x\"],\"s\":[[\"x\",\"x\"]]}", root.get("d").toString());
  }

  @Test
  void aComponentSpecTakesItsAliasedValues() {
    ComponentSpec spec = ComponentYaml.parse("""
        name: echo
        implementation:
          container:
            image: &img python:3.9
            command: [sh, -c, *img]
        """, "echo.yaml");
    assertEquals(new Placeholder.Literal("python:3.9"), spec.container().command().get(2));
  }

  @Test
  void mergeKeysAddWhatTheMappingDoesNotSet() {
    JsonNode root = read("""
        base: &base {a: 1, b: 2}
        more: &more {b: 20, c: 30}
        one: {b: 3, <<: *base}
        list: {<<: [*base, *more], d: 4}
        nested: {x: {<<: *base}}
        quoted: {'<<': kept}
        """);
    assertEquals("{\"a\":1,\"b\":3}", root.get("one").toString(), "the mapping's own key wins, wherever it is");
    assertEquals("{\"b\":2,\"c\":30,\"a\":1,\"d\":4}", root.get("list").toString(), "earlier mappings of the list win");
    assertEquals("{\"x\":{\"a\":1,\"b\":2}}", root.get("nested").toString());
    assertEquals("{\"<<\":\"kept\"}", root.get("quoted").toString(), "a quoted '<<' is a plain key");
    assertEquals(List.of("base", "more", "one", "list", "nested", "quoted"), List.copyOf(root.propertyNames()));
  }

  @Test
  void aMergeKeyOfAScalarIsRefused() {
    JacksonException e = assertThrows(JacksonException.class, () -> read("a: &a 1\nb: {<<: *a}\n"));
    assertTrue(e.getOriginalMessage().contains("a merge key '<<' takes a mapping or a list of mappings"), e.getMessage());
  }

  @Test
  void anUndefinedAliasIsAnErrorAtItsLine() {
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.parse("""
        name: echo
        implementation:
          container:
            image: python
            command: [sh, *img]
        """, "echo.yaml"));
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("alias *img refers to no anchor &img before it"), e.getMessage());
  }

  @Test
  void anAliasOfTheNodeThatHoldsItIsRefused() {
    JacksonException e = assertThrows(JacksonException.class, () -> read("a: &a [1, *a]\n"));
    assertTrue(e.getOriginalMessage().contains("alias *a is inside the node &a it refers to"), e.getMessage());
  }

  /** Ten levels of ten aliases would be 10^10 nodes: refused once the copies pass the bound. */
  @Test
  void billionLaughsIsRefused() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 10; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        yaml.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.parse(yaml.toString(), "lol.yaml"));
    assertTrue(e.getMessage().contains("the document's aliases (*name) copy more than 100000 nodes, the most kfp4j reads"),
        e.getMessage());
  }

  @Test
  void copiesUpToTheBoundAreRead() {
    // 10 + 100 + 1,000 + 10,000 + 4 * 10,000 copied nodes: under the bound
    StringBuilder yaml = new StringBuilder("l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
    for (int i = 1; i <= 3; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        yaml.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    yaml.append("all: [*l3, *l3, *l3, *l3]\n");
    assertEquals(4, read(yaml.toString()).get("all").size());
  }
}
