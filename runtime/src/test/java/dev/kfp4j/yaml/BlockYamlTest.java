package dev.kfp4j.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Block YAML written directly reads back as the tree it was written from, whatever its text. */
class BlockYamlTest {
  static final List<String> TEXTS = List.of("", " lead", "trail ", "a: b", "a #b", "a#b", "#x", "-", "-c", "- x", "--executor_input",
      "{{$}}", "{{$.inputs.parameters['a']}}", "yes", "No", "ON", "off", "y", "n", "null", "Null", "~", "true", "False", "1", "1.5",
      "-1", "-.5", ".5", "+1", ".inf", "-.Inf", "+.nan", ".NaN", "0x1f", "1e3", "1e-3", "1.", "1_000", "0o17", "017", "0b101", "2024-01-01", "2024-1-1 10:00", "12:30", "1:20:30.5", "0s", "1Gi", "2.1.0",
      "512M", "3600s", "-5s", "a\nb", "a\nb\n",
      "a\n\nb\n\n", "a\n  indented\n\tb", " a\nb", "\na", "a\n", "tab\there", "quote'in", "'q'", "\"dq", "é", "더하기", "key:", "a:b",
      "a,b", "[x]", "{x}", "x]", "*a", "&a", "!t", "%p", "@a", "`b", "|", ">", "> x", "?", "? x", "<<", "=", "---", "...", "line\r\nbreak",
      "nel\u0085", "x\u2028y", "bom\ufeff", "bell\u0007", "del\u007f", "pipelinechannel--add-Output", "Write it",
      "int(inputs.parameter_values['pipelinechannel--n']) > 3 && !(x == 'a')", "mkdir -p \"$(dirname \"$2\")\"; echo $(($0+$1)) > \"$2\"");

  static ObjectNode tree() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode texts = root.putObject("texts");
    ArrayNode list = root.putArray("list");
    ObjectNode keys = root.putObject("keys");
    for (int i = 0; i < TEXTS.size(); i++) {
      texts.put("t" + i, TEXTS.get(i));
      list.add(TEXTS.get(i));
      if (!TEXTS.get(i).isEmpty()) {
        keys.put(TEXTS.get(i), i);
      }
    }
    ObjectNode nested = root.putObject("nested");
    nested.putObject("emptyMap");
    nested.putArray("emptyList");
    nested.putNull("nothing");
    nested.put("int", 4).put("double", 4.0).put("small", 0.512).put("tiny", 1e-9).put("yes", true).put("no", false);
    ArrayNode items = nested.putArray("items");
    items.addObject().put("a", "x\ny").put("b", 1).putArray("c").add("d").add(f.objectNode()).add(f.arrayNode());
    items.addArray().add("inner").addArray().add(1);
    items.addObject().putObject("deep").putArray("list").addObject().put("k", "v\n");
    items.add("plain");
    return root;
  }

  @Test
  void everyTextReadsBackAsWritten() {
    ObjectNode tree = tree();
    String yaml = BlockYaml.write(tree, "a header\n\nover lines");
    assertEquals(tree, Yaml.read(yaml), yaml);
    assertEquals(true, yaml.startsWith("# a header\n#\n# over lines\n"));
  }

  @Test
  void itIsBlockYamlAsKfpWritesIt() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    ObjectNode exec = tree.putObject("executors").putObject("exec-add").putObject("container");
    exec.putArray("args").add("--executor_input").add("{{$}}");
    exec.putArray("command").add("sh").add("-c").add("echo 1\necho 2\n");
    exec.put("image", "alpine:3");
    tree.putObject("root").putObject("dag").putObject("outputs").putObject("artifacts").putObject("m")
        .putArray("artifactSelectors").addObject().put("outputArtifactKey", "m").put("producerSubtask", "t");
    tree.putObject("cachingOptions");
    assertEquals("""
        executors:
          exec-add:
            container:
              args:
              - --executor_input
              - '{{$}}'
              command:
              - sh
              - -c
              - |
                echo 1
                echo 2
              image: alpine:3
        root:
          dag:
            outputs:
              artifacts:
                m:
                  artifactSelectors:
                  - outputArtifactKey: m
                    producerSubtask: t
        cachingOptions: {}
        """, BlockYaml.write(tree, null));
    assertEquals(tree, Yaml.read(BlockYaml.write(tree, null)));
  }

  @Test
  void writeSortedPutsTheKeysOfEveryMapInOrderListsAsTheyAre() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putObject("root").put("b", 2).put("a", 1);
    tree.putArray("list").add("z").add("a").addObject().put("y", "2").put("x", "1").putArray("w").addObject().put("v", 1).put("u", 0);
    tree.put("cachingOptions", true);
    assertEquals("""
        # h
        cachingOptions: true
        list:
        - z
        - a
        - w:
          - u: 0
            v: 1
          x: '1'
          'y': '2'
        root:
          a: 1
          b: 2
        """, BlockYaml.writeSorted(tree, "h"));
    assertEquals(tree(), Yaml.read(BlockYaml.writeSorted(tree(), null)), "the same tree, its maps' keys in another order");
  }

  @Test
  void versionsAndQuantitiesArePlainAsKfpWritesThemNumbersQuoted() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("schemaVersion", "2.1.0").put("size", "1Gi").put("backoff", "0s")
        .put("cpu", "1").put("count", "60");
    assertEquals("schemaVersion: 2.1.0\nsize: 1Gi\nbackoff: 0s\ncpu: '1'\ncount: '60'\n", BlockYaml.write(tree, null));
  }

  @Test
  void aNonMapOrEmptyTreeIsOneValue() {
    assertEquals("{}\n", BlockYaml.write(JsonNodeFactory.instance.objectNode(), null));
    JsonNode list = JsonNodeFactory.instance.arrayNode().add("a");
    assertEquals(list, Yaml.read(BlockYaml.write(list, null)));
  }

  /** YAML 1.1's and 1.2's numbers (integers in bases 2, 8, 10, 16 and 60, floats) and 1.1's dates, as a regular expression. */
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

  private static boolean numberByPattern(String s) {
    String rest = (s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s).toLowerCase(Locale.ROOT);
    return rest.equals(".inf") || rest.equals(".nan") || NUMBER.matcher(s).matches();
  }

  @Test
  void numbersAreTheTextsYamlsNumberGrammarMatches() {
    String alphabet = "0169_:.eE-+boxfT ";
    List<String> texts = new ArrayList<>(List.of("2024-01-01", "2024-1-1", "2024-1-1 10:00", "2024-01-01T10:00:00Z", "2024-01-01t1",
        "2024-01-01x", "2024-001-01", "2024-01-001", "202-01-01", "20245-01-01", "2024-01-", "-2024-01-01", "+.INF", "-.nan", ".Inf",
        "1:59", "1:69", "1:60", "1:5:9", "12:30:45.5e3", "0o777", "0O7", "0x1F_a", "0b", "0x", "0o", "1e", "1e+", "1.5E-10", "._", "1__"));
    texts.addAll(List.copyOf(TEXTS));
    texts.addAll(Texts.upTo(alphabet, 4));
    for (String t : texts) {
      if (!t.isEmpty()) {
        assertEquals(numberByPattern(t), BlockYaml.numberLike(t), t);
      }
    }
  }
}
