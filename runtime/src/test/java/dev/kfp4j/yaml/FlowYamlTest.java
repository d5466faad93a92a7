package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Flow-style lines read back as the same tree, whatever the strings hold. */
class FlowYamlTest {
  @Test
  void trickyStringsReadBackUnchanged() {
    List<String> values = List.of("add", "3", "-1", "0.5", "1e3", "yes", "No", "on", "null", "~", "true", "", " padded ",
        "{{tasks.a.outputs.parameters.Output}}", "\"x\" == \"heads\"", "it's", "a: b", "a #b", "[1, 2]", "{\"a\": 1}",
        "line\nbreak", "tab\there", "/tmp/outputs/Output/data", "gs://bucket/file", "-", "?", "*star", "&amp", "!tag", "%p",
        "@at", "`tick", ".inf", "é", ".5", "+1");
    ObjectNode root = Yaml.json().createObjectNode();
    var tasks = root.putArray("tasks");
    for (String v : values) {
      ObjectNode t = tasks.addObject();
      t.put("name", v);
      t.putArray("list").add(v).add(v);
    }
    String yaml = Yaml.write(root, null, flowSet(tasks));
    JsonNode back = Yaml.read(yaml);
    assertEquals(root, back, yaml);
    assertEquals(values.size() + 1, yaml.split("\n").length, "one line per task");
  }

  /**
   * A character YAML takes only escaped (DEL, the C1 controls, NEL and the line and paragraph separators, which YAML 1.1
   * readers such as Argo's break lines at, the byte order mark) is escaped in flow style too, as in block style. A task's
   * argument holding one was written as it is, and the workflow did not read back ("special characters are not allowed").
   */
  @Test
  void charactersYamlTakesOnlyEscapedAreEscaped() {
    for (String v : List.of("del\u007fx", "c1\u0080x", "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "line\nand\u007f")) {
      ObjectNode t = Yaml.json().createObjectNode().put("name", "a").put("value", v);
      String flow = FlowYaml.write(t);
      for (char c : flow.toCharArray()) {
        assertEquals(false, BlockYaml.special(c), "raw U+" + Integer.toHexString(c) + " in " + flow);
      }
      ObjectNode root = Yaml.json().createObjectNode();
      root.putArray("tasks").add(t);
      String yaml = Yaml.write(root, null, flowSet(root.get("tasks")));
      assertEquals(root, Yaml.read(yaml), yaml);
    }
    assertEquals("{name: a, value: \"line\\nbreak\"}", FlowYaml.write(Yaml.json().createObjectNode().put("name", "a").put("value", "line\nbreak")),
        "JSON's escapes as before");
  }

  @Test
  void looksLikeKfpsFlowStyle() {
    ObjectNode t = Yaml.json().valueToTree(Map.of("name", "add"));
    assertEquals("{name: add}", FlowYaml.write(t));
    assertEquals("{a: '1', b: 'yes', c: '{{x}}'}", FlowYaml.write(Yaml.json().readTree("{\"a\": \"1\", \"b\": \"yes\", \"c\": \"{{x}}\"}")));
  }

  @Test
  void flowLinesWrittenInPlaceAreTheTokensReplaced() {
    ObjectNode root = Yaml.json().createObjectNode();
    ObjectNode dag = root.putObject("spec").putArray("templates").addObject().put("name", "main").putObject("dag");
    var tasks = dag.putArray("tasks");
    for (String v : List.of("add", "it's", "3", "{{inputs.parameters.a}}", "yes", "a: b", "gs://b/f")) {
      ObjectNode t = tasks.addObject();
      t.put("name", v).put("template", "add");
      t.putObject("arguments").putArray("parameters").addObject().put("name", "a").put("value", v);
    }
    ObjectNode single = dag.putObject("single");
    single.putObject("inFlow").put("k", "v");
    Set<JsonNode> flow = flowSet(tasks);
    flow.add(single.get("inFlow"));
    assertEquals(Yaml.withFlowTokens(root, "h", flow), DirectYaml.write(root, "h", flow));
    assertEquals(Yaml.withFlowTokens(root, "h", flow), Yaml.write(root, "h", flow));
    assertEquals(root, Yaml.read(Yaml.write(root, "h", flow)));
  }

  private static Set<JsonNode> flowSet(JsonNode array) {
    Set<JsonNode> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    array.forEach(set::add);
    return set;
  }
}
