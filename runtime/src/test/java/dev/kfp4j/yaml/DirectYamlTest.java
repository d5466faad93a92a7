package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The direct writer gives the bytes Jackson's YAML generator gives, or leaves the tree to it. */
class DirectYamlTest {
  /** Texts of every kind: plain, quoted each way, numbers, YAML's words, several lines. */
  private static final List<String> TEXTS = List.of(
      "plain text", "----output-paths", "--a", "-cp", ContainerSpec.IMAGE_CLASSPATH, "a, b", "held-out data, if any",
      "1.0", "7", "-3", "00", "1c130baa59416e92", "444406fdf52913cf", "12ab", "1e5e", "1E10", "2x", "1a-b", "1e5", "0x1F", ".5", "+1", "1_000", "12:30", "2024-01-01", "1.", "-", "- x", "-x y", "---", "...",
      "true", "yes", "no", "on", "off", "null", "~", "y", "n", "Y", "NO", "True", "False", "Null", "~x",
      "a: b", "a #b", "a#b", "#x", "x:", "a:b", ":x", "x?", "?x", "? x", "a [b]", "{x}", "&x", "*x", "!x", "%x", "@x", "`x", "|x",
      ">x", "'x", "\"x", "a'b", "a\"b", "a\\b", "it's", "\"q\"", "x ", " x", " a, b", "a\tb", "é", "", "=", "<x", "(a) b",
      "{\"description\": \"Adds.\", \"name\": \"add\"}", "{{inputs.parameters.a}}", "{{=tasks['t'].outputs.parameters['o'] == 'heads'}}",
      "say \"hi\", \\ then go", "Step 0 of class 0. @param a a number @param b another @return their sum",
      "line one\nline two", "line one\n\nline three", "one\n", "one\n\n", "trailing \nx", "x\n y", " lead\nx", "a\n#b",
      "a, b\nc", "tab\there\nx", "é\nx", "a: b\nc", "\nx", "a\n \nb", "say \"hi\"\nand \\ go", "Writes rows.\n\nEach row has two columns.");

  private static ComponentSpec component(String s) {
    return new ComponentSpec(s.isEmpty() ? "x" : s, s, Map.of("k.io/a", s), Map.of("label", s),
        List.of(new InputSpec("a", TypeSpec.named(s.isEmpty() ? "String" : s), s, s, true)),
        List.of(new OutputSpec("Output", TypeSpec.named("Integer"), s)),
        new ContainerSpec("img", List.of(Placeholder.literal(s)),
            List.of(Placeholder.If.of(new Placeholder.IsPresent("a"), List.of(Placeholder.literal(s), new Placeholder.InputValue("a")))),
            null, null),
        null);
  }

  @Test
  void everyTextIsWrittenAsJacksonWritesItOrLeftToJackson() {
    int direct = 0;
    for (String s : TEXTS) {
      JsonNode tree = ComponentYaml.toNode(component(s));
      String header = "Generated from " + s.replace('\n', ' ') + ".";
      String expected = Yaml.withMapper(tree, header);
      String text = DirectYaml.write(tree, header);
      if (text != null) {
        direct++;
        assertEquals(expected, text, "text " + s);
      }
      assertEquals(expected, Yaml.write(tree, header));
    }
    // most texts are decided here; the rest are left to Jackson
    assertTrue(direct > TEXTS.size() / 2, direct + " of " + TEXTS.size());
  }

  @Test
  void nestedMapsListsNumbersAndBooleans() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", "argoproj.io/v1alpha1");
    ObjectNode spec = root.putObject("spec");
    spec.put("parallelism", 2).put("big", 12345678901L).put("serviceAccountName", "pipeline-runner");
    ObjectNode template = spec.putArray("templates").addObject();
    template.put("name", "add");
    template.putObject("retryStrategy").put("limit", 3);
    template.putArray("args").add("--a").add("{{inputs.parameters.a}}").addObject().put("inputValue", "a");
    template.putObject("metadata").putObject("annotations").put("pipelines.kubeflow.org/component_spec", "{\"name\": \"add\"}");
    template.put("cache", false);
    assertEquals(Yaml.withMapper(root, "a header\n\nof lines"), DirectYaml.write(root, "a header\n\nof lines"));
  }

  @Test
  void whatItDoesNotDecideIsLeftToJackson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("value", 0.5);
    assertNull(DirectYaml.write(root, null));
    root.removeAll().putNull("executorInput");
    assertNull(DirectYaml.write(root, null));
    root.removeAll().putObject("empty");
    assertNull(DirectYaml.write(root, null));
    root.removeAll().putArray("lists").addArray().add("x");
    assertNull(DirectYaml.write(root, null));
    root.removeAll().put("Yes", "key");
    assertNull(DirectYaml.write(root, null));
    assertEquals(Yaml.withMapper(root, null), Yaml.write(root, null));
  }
}
