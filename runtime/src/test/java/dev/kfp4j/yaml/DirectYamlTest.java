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
    for (String s : Texts.YAML) {
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
    assertTrue(direct > Texts.YAML.size() / 2, direct + " of " + Texts.YAML.size());
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
