package dev.kfp4j.yaml;

import java.util.Locale;
import java.util.Set;

/**
 * Texts and keys as {@link Yaml#write(tools.jackson.databind.JsonNode, String)} writes them, byte
 * for byte as Jackson's YAML generator does with {@code MINIMIZE_QUOTES}, for the writers that
 * write a known shape straight ({@code DirectYaml} from a tree, the KFP v1 component writer from
 * the spec). Each method appends and returns true, or returns false (with {@code out} partly
 * written) for what only Jackson decides: text with tabs or outside ASCII, text starting with a
 * quote or an indicator, keys other than names (or YAML's words in any case).
 *
 * <p>Texts are plain; double-quoted when they hold a {@code ,}, {@code [}, {@code ]}, {@code {},
 * {@code }}, {@code ": "}, {@code " #"} or a final {@code :}, are plain decimals ({@code 7},
 * {@code -3}, {@code 1.0}), YAML's words for booleans and null in lower, capitalised or upper case
 * ({@code true}, {@code True}, {@code TRUE}; {@code tRue} is plain), {@linkplain #otherInYaml11
 * something else to YAML 1.1} ({@code 2024-01-31}, {@code 0x1F}), or empty; single-quoted when
 * they start with {@code ---}; a literal block ({@code |-}, or {@code |} with one final line
 * break) when they have several lines.
 */
public final class JacksonText {
  /** The words Jackson double-quotes (lower case, capitalised or upper case), by their lower case. */
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  private JacksonText() {}

  /**
   * Appends {@code s} as the value of a key (or a list's dash) at column {@code column}: on the
   * line, or as a literal block whose lines are at {@code column + 2}; no line break after it.
   */
  public static boolean appendText(String s, int column, StringBuilder out) {
    return s.indexOf('\n') >= 0 ? block(s, column + 2, out) : line(s, out);
  }

  /** Appends a map's key: a name such as {@code inputValue} or {@code pipelines.kubeflow.org/x}. */
  public static boolean appendKey(String s, StringBuilder out) {
    if (s.isEmpty() || !letter(s.charAt(0)) || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !digit(c) && c != '.' && c != '-' && c != '/' && c != '_') {
        return false;
      }
    }
    out.append(s);
    return true;
  }

  /** Text of one line. */
  private static boolean line(String s, StringBuilder out) {
    if (!ascii(s)) {
      return false;
    }
    if (s.isEmpty() || reserved(s) || decimal(s) || quotable(s) || otherInYaml11(s)) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    } else if (s.startsWith("---") && !s.contains("'") && plainBody(s.substring(3))) {
      out.append('\'').append(s).append('\'');
    } else if (plain(s)) {
      out.append(s);
    } else {
      return false;
    }
    return true;
  }

  /**
   * Whether {@code s} written bare reads as something other than text in YAML 1.1, as PyYAML (KFP's
   * v1 SDK loading a component or a workflow) and go-yaml v2 (Argo's and KFP's servers, through
   * {@code sigs.k8s.io/yaml}) read it, where Jackson's own rules leave it bare: a date or a time
   * ({@code 2024-01-31}), a number in base 60 ({@code 1:20}), with underscores ({@code 1_000}) or
   * in hex, octal or binary ({@code 0x1F}, {@code 0o17}, {@code 0b101}), and {@code =} and {@code
   * <<}, which PyYAML refuses. The {@link Yaml} mapper's generator quotes these too ({@link
   * Yaml11Quoting}).
   */
  static boolean otherInYaml11(String s) {
    return !s.isEmpty() && (BlockYaml.numberLike(s) || s.equals("=") || s.equals("<<"));
  }

  /**
   * One of YAML's words for booleans and null as Jackson knows them: lower case, capitalised or
   * upper case ({@code true}, {@code True}, {@code TRUE}); {@code tRue} is text to it.
   */
  private static boolean reserved(String s) {
    if (s.length() > 5) {
      return false;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (!RESERVED.contains(lower)) {
      return false;
    }
    return s.equals(lower) || s.equals(lower.toUpperCase(Locale.ROOT))
        || s.equals(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
  }

  /** Text Jackson double-quotes for a character YAML reads as structure. */
  private static boolean quotable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ',', '[', ']', '{', '}':
          return true;
        case '#':
          if (i == 0 || s.charAt(i - 1) == ' ') {
            return true;
          }
          break;
        case ':':
          if (i == s.length() - 1 || s.charAt(i + 1) == ' ') {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  /** {@code 7}, {@code -3}, {@code 1.0}: numbers Jackson double-quotes. */
  private static boolean decimal(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    int end = digits(s, start);
    if (end == start) {
      return false;
    }
    if (end < s.length() && s.charAt(end) == '.') {
      int fraction = digits(s, end + 1);
      if (fraction == end + 1) {
        return false;
      }
      end = fraction;
    }
    return end == s.length();
  }

  /** Where the run of digits starting at {@code from} ends ({@code from} when there is none). */
  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && digit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Text written bare: starting with a letter, {@code /}, {@code _}, {@code (} or {@code -} (not
   * before a space, a digit or a dot, and not {@code ---}), or a {@link #word} starting with a
   * digit; no final space. Only asked of text that is not {@link #quotable} (which {@link #line}
   * quotes first), so that is not checked again.
   */
  private static boolean plain(String s) {
    char c = s.charAt(0);
    if (digit(c)) {
      return word(s); // a digest such as 1c130b..., never a number
    }
    if (!letter(c) && c != '/' && c != '_' && c != '(' && c != '-') {
      return false;
    }
    if (c == '-' && (s.length() == 1 || s.charAt(1) == ' ' || s.charAt(1) == '.' || digit(s.charAt(1)) || s.startsWith("---"))) {
      return false;
    }
    return s.charAt(s.length() - 1) != ' ';
  }

  /** Letters and digits, with a letter that no number has ({@code e} is an exponent's). */
  private static boolean word(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !digit(c)) {
        return false;
      }
      letter |= letter(c) && c != 'e' && c != 'E';
    }
    return letter;
  }

  private static boolean plainBody(String s) {
    return !s.isEmpty() && s.charAt(s.length() - 1) != ' ' && !quotable(s);
  }

  /**
   * {@code s} as a literal block: lines of printable ASCII, the first not empty and not starting
   * with a space, none ending with a space, no line break at the end ({@code |-}) or one ({@code |}).
   */
  private static boolean block(String s, int indent, StringBuilder out) {
    boolean oneBreak = s.endsWith("\n");
    String body = oneBreak ? s.substring(0, s.length() - 1) : s;
    if (body.isEmpty() || body.endsWith("\n") || body.charAt(0) == ' ' || body.charAt(0) == '\n' || !ascii(body.replace('\n', ' '))) {
      return false;
    }
    out.append(oneBreak ? "|" : "|-");
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      out.append('\n');
      if (end > start) {
        if (body.charAt(end - 1) == ' ') {
          return false;
        }
        BlockYaml.appendPad(indent, out);
        out.append(body, start, end);
      }
      start = end + 1;
    }
    return true;
  }

  /** Whether every character is printable ASCII (a space to {@code ~}). */
  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
