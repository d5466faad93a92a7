package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every text kfp4j writes bare in YAML is text to a YAML 1.1 reader too: KFP's v1 SDK reads
 * component files and workflows with PyYAML, and Argo's and KFP's servers with go-yaml v2 (through
 * {@code sigs.k8s.io/yaml}), both of which read {@code 2024-01-31} as a date and {@code 0x1F} or
 * {@code 1:20} as a number, where a YAML 1.2 reader, and Jackson's rules, see text.
 */
class Yaml11ReadersTest {
  /**
   * YAML 1.1's implicit types, from the type repository at yaml.org (bool, null, int, float,
   * timestamp, merge, value; a float with a digit, as PyYAML and go-yaml take it, where the
   * repository's pattern also takes {@code .}), and go-yaml v2's octal {@code 0o17} and YAML 1.2's
   * floats: a bare scalar matching one is not read as text.
   */
  private static final Pattern NOT_TEXT = Pattern.compile(String.join("|",
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
      "~|null|Null|NULL|",
      "[-+]?0b[0-1_]+", "[-+]?0[0-7_]+", "[-+]?(0|[1-9][0-9_]*)", "[-+]?0x[0-9a-fA-F_]+", "[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+",
      "[-+]?0o[0-7_]+",
      "[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?", "[-+]?\\.[0-9][0-9_]*([eE][-+][0-9]+)?", "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*", "[-+]?\\.(inf|Inf|INF)",
      "\\.(nan|NaN|NAN)", "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\\.[0-9]*)?"
          + "(([ \\t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?",
      "<<", "="));

  /** Texts a pipeline's parameters, constants and settings may hold that YAML 1.1 reads as something else. */
  private static final List<String> YAML_11 = List.of("2024-01-31", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
      "2002-12-14", "1:20", "12:30:45", "190:20:30.15", "1_000", "+1_000", "0x1F", "-0x1F", "0b101", "0o17", "017", "1_0.5", "0.",
      ".inf", "-.Inf", ".NaN", "=", "<<", "1e3", "Yes", "off", "~");

  private static List<String> texts() {
    Set<String> texts = new LinkedHashSet<>(YAML_11);
    texts.addAll(Texts.YAML);
    texts.addAll(Texts.upTo("0159:-._xbeo+ ", 3));
    texts.addAll(Texts.edited(new ArrayList<>(texts), 11, 1000));
    return new ArrayList<>(texts);
  }

  /** The scalar after {@code "x: "} on the line of {@code text}'s key; null when it is quoted or a block. */
  private static String bare(String yaml) {
    int at = yaml.indexOf("\nx: ");
    String line = yaml.substring(at + 4, yaml.indexOf('\n', at + 1));
    char first = line.isEmpty() ? ' ' : line.charAt(0);
    return first == '"' || first == '\'' || first == '|' ? null : line;
  }

  private static void check(String writer, List<String> texts, java.util.function.Function<ObjectNode, String> write) {
    int bare = 0;
    for (String s : texts) {
      if (s.indexOf('\n') >= 0) {
        continue;
      }
      ObjectNode tree = JsonNodeFactory.instance.objectNode().put("k", "v").put("x", s);
      String value = bare(write.apply(tree));
      if (value != null) {
        bare++;
        assertEquals(s, value, writer + " wrote text " + s);
        assertTrue(!NOT_TEXT.matcher(value).matches(), writer + " wrote bare " + value + ", which YAML 1.1 reads as no text");
      }
    }
    assertTrue(bare > texts.size() / 4, writer + ": " + bare + " of " + texts.size() + " bare"); // not all quoted
  }

  @Test
  void argoWorkflowsAndKfpV1ComponentFilesQuoteWhatYaml11ReadsAsNoText() {
    List<String> texts = texts();
    check("Yaml.write", texts, tree -> Yaml.write(tree, null));
    check("Jackson", texts, tree -> Yaml.withMapper(tree, null));
  }

  @Test
  void kfp2FilesQuoteWhatYaml11ReadsAsNoText() {
    check("BlockYaml", texts(), tree -> BlockYaml.writeSorted(tree, null));
  }

  @Test
  void aDateIsWrittenQuotedAndReadBackAsText() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("value", "2024-01-31").put("hex", "0x1F").put("time", "1:20");
    String yaml = Yaml.write(tree, null);
    assertEquals("value: \"2024-01-31\"\nhex: \"0x1F\"\ntime: \"1:20\"\n", yaml);
    assertEquals(tree, Yaml.read(yaml));
  }
}
