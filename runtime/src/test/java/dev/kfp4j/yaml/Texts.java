package dev.kfp4j.yaml;

import dev.kfp4j.spec.ContainerSpec;
import java.util.ArrayList;
import java.util.List;

/** Texts for checking hand-written writers and scanners against what they replace: samples, and every short text of an alphabet. */
public final class Texts {
  private Texts() {}

  /** Texts of every kind YAML writers meet: plain, quoted each way, numbers, YAML's words, several lines. */
  public static final List<String> YAML = List.of(
      "plain text", "----output-paths", "--a", "-cp", ContainerSpec.IMAGE_CLASSPATH, "a, b", "held-out data, if any",
      "1.0", "7", "-3", "00", "1c130baa59416e92", "444406fdf52913cf", "12ab", "1e5e", "1E10", "2x", "1a-b", "1e5", "0x1F", ".5", "+1", "1_000", "12:30", "2024-01-01", "1.", "-", "- x", "-x y", "---", "...",
      "true", "yes", "no", "on", "off", "null", "~", "y", "n", "Y", "NO", "True", "False", "Null", "TRUE", "YES", "Off", "tRue", "nO", "yES", "oN", "~x",
      "a: b", "a #b", "a#b", "#x", "x:", "a:b", ":x", "x?", "?x", "? x", "a [b]", "{x}", "&x", "*x", "!x", "%x", "@x", "`x", "|x",
      ">x", "'x", "\"x", "a'b", "a\"b", "a\\b", "it's", "\"q\"", "x ", " x", " a, b", "a\tb", "é", "", "=", "<x", "(a) b",
      "{\"description\": \"Adds.\", \"name\": \"add\"}", "{{inputs.parameters.a}}", "{{=tasks['t'].outputs.parameters['o'] == 'heads'}}",
      "say \"hi\", \\ then go", "Step 0 of class 0. @param a a number @param b another @return their sum",
      "line one\nline two", "line one\n\nline three", "one\n", "one\n\n", "trailing \nx", "x\n y", " lead\nx", "a\n#b",
      "a, b\nc", "tab\there\nx", "é\nx", "a: b\nc", "\nx", "a\n \nb", "say \"hi\"\nand \\ go", "Writes rows.\n\nEach row has two columns.");

  /** Every text of up to {@code length} characters of {@code alphabet}, the empty one first, shorter before longer. */
  public static List<String> upTo(String alphabet, int length) {
    List<String> out = new ArrayList<>(List.of(""));
    for (int start = 0, l = 1; l <= length; l++) {
      int end = out.size();
      for (int i = start; i < end; i++) {
        for (char c : alphabet.toCharArray()) {
          out.add(out.get(i) + c);
        }
      }
      start = end;
    }
    return out;
  }
}
