package dev.kfp4j.yaml;

import dev.kfp4j.spec.ContainerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

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

  /** Characters and words that change what YAML means, put into texts by {@link #edited}. */
  private static final String SIGNS = ":- '\"\n#|>{}[],&*!%@`\\\tab01.+eE~?\r\u00e9";
  private static final String[] WORDS = {"true", "null", "~", "0x1F", "1e3", ".inf", "-.5", "'a'", "\"b\\n\"", "|-", "|+", ">",
      "- ", "? ", "&a", "*a", "!!str", "#c", " # c", "2001-01-01", "0o7", "+1", "1_000", "Yes", "on", "a: ", "{a: 1}", "[x, y]"};

  /**
   * {@code count} texts, each one of {@code texts} edited one to three times at random places (a few
   * characters removed, inserted or replaced, a line indented, outdented, repeated or removed, a YAML
   * word inserted, the rest cut off), from {@code seed}: the same texts each time.
   */
  public static List<String> edited(List<String> texts, long seed, int count) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    while (out.size() < count) {
      String t = texts.get(random.nextInt(texts.size()));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        t = edit(t, random);
      }
      out.add(t);
    }
    return out;
  }

  private static String edit(String t, Random random) {
    int at = random.nextInt(t.length() + 1);
    List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
    int line = random.nextInt(lines.size());
    switch (random.nextInt(9)) {
      case 0:
        return t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + random.nextInt(4)));
      case 1:
        return t.substring(0, at) + signs(random, 1 + random.nextInt(3)) + t.substring(at);
      case 2:
        return at == t.length() ? t : t.substring(0, at) + signs(random, 1) + t.substring(at + 1);
      case 3:
        lines.set(line, " " + lines.get(line));
        break;
      case 4:
        lines.set(line, lines.get(line).startsWith(" ") ? lines.get(line).substring(1) : lines.get(line));
        break;
      case 5:
        lines.add(line, lines.get(random.nextInt(lines.size())));
        break;
      case 6:
        lines.remove(line);
        break;
      case 7:
        return t.substring(0, at) + WORDS[random.nextInt(WORDS.length)] + t.substring(at);
      default:
        return t.substring(0, at);
    }
    return String.join("\n", lines);
  }

  private static String signs(Random random, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(SIGNS.charAt(random.nextInt(SIGNS.length())));
    }
    return out.toString();
  }
}
