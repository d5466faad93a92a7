package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A description with any line break a YAML parser sees (KFP's summary comment carries it) keeps the
 * file one YAML file: each break starts a new comment line, and the spec keeps the description as
 * it was. A lone {@code \r} ended the comment line, and the rest was read as YAML.
 */
class HeaderLineBreaksTest {
  /** The breaks YAML 1.2 has ({@code \n}, {@code \r\n}, {@code \r}), and those YAML 1.1 parsers (PyYAML, KFP's loader) add. */
  private static final Map<String, String> BREAKS = new java.util.LinkedHashMap<>();

  static {
    BREAKS.put("\\r", "\r");
    BREAKS.put("\\r\\n", "\r\n");
    BREAKS.put("\\n", "\n");
    BREAKS.put("NEL", "\u0085");
    BREAKS.put("LS", "\u2028");
    BREAKS.put("PS", "\u2029");
  }

  private static final String COMPONENT = """
      name: step
      inputs:
      - {name: a, type: Integer}
      outputs:
      - {name: Output, type: Integer}
      implementation:
        container:
          image: registry.example.com/app:1
          command: [java, -cp, /app/classes, com.example.StepsEntrypoint, step]
          args: [--a, {inputValue: a}, '----output-paths', {outputPath: Output}]
      """;

  @Test
  void everyBreakStartsACommentLineAndTheSpecKeepsTheDescription() {
    ComponentSpec read = ComponentYaml.parse(COMPONENT, "step.yaml");
    BREAKS.forEach((name, br) -> {
      String description = "Adds." + br + "evil: 1" + br + "- and more";
      ComponentSpec spec = new ComponentSpec(read.name(), description, read.annotations(), read.labels(), read.inputs(), read.outputs(),
          read.container(), read.graph());
      String pipeline = Kfp2Writer.write(Kfp2Writer.componentPipeline(spec, "com.example.Steps.step(int)"));
      String component = Kfp2ComponentFile.write(spec, "com.example.Steps.step(int)");
      for (String yaml : List.of(pipeline, component)) {
        String header = yaml.substring(0, yaml.indexOf("\ncomponents:") + 1);
        for (String line : header.split("\n")) {
          assertEquals('#', line.charAt(0), name + ": a header line that is no comment: " + line);
          assertFalse(line.matches("(?s).*[\r\u0085\u2028\u2029].*"), name + ": a break inside a comment line: " + line);
        }
        assertEquals(List.of("# Description: Adds.", "#              evil: 1", "#              - and more"),
            List.of(header.split("\n")).subList(2, 5), name);
        // read back by kfp4j's reader and by Jackson's (SnakeYAML's) parser alone: one document, the description unchanged
        for (JsonNode doc : List.of(Yaml.readAll(yaml).get(0), Yaml.mapper().readTree(yaml))) {
          assertFalse(doc.has("evil"), name + ": the description's second line read as a key");
          assertEquals(description, doc.at("/pipelineInfo/description").asString(), name);
        }
        assertEquals(description, Kfp2Reader.read(yaml, "step.yaml").description(), name);
        // as KFP's SDK reads a loaded component's description: from the summary, its lines joined by \n
        assertEquals("Adds.\nevil: 1\n- and more", Kfp2Reader.headerDescription(yaml), name);
      }
    });
  }

  @Test
  void aCharacterYamlDoesNotAllowInAFileIsNoBreakAndKeepsTheFileReadable() {
    ComponentSpec read = ComponentYaml.parse(COMPONENT, "step.yaml");
    String description = "Rings\u0007 the bell.";
    ComponentSpec spec = new ComponentSpec(read.name(), description, read.annotations(), read.labels(), read.inputs(), read.outputs(),
        read.container(), read.graph());
    String yaml = Kfp2ComponentFile.write(spec, "com.example.Steps.step(int)");
    assertEquals(description, Yaml.mapper().readTree(yaml).at("/pipelineInfo/description").asString());
    assertEquals("# Description: Rings\uFFFD the bell.", yaml.lines().toList().get(2));
  }
}
