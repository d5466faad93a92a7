package dev.kfp4j.entrypoint;

/**
 * The components of a generated entrypoint, one string each: {@code <component> <method>(<parameter
 * types>) <input>... -> <output>...}, then, after a tab, the first line of its description. For
 * example {@code "add add(int,int) a b -> Output\tAdds two numbers."}.
 *
 * <p>The parameter types are their erased Java classes as {@link Class#getName()} spells them; the
 * inputs are the method's parameters in order, each {@code <name>[:<role>][?][=<default>]}: the
 * role {@code inputPath}, {@code outputPath}, {@code inputArtifact}, {@code inputArtifacts} (a list) or {@code outputArtifact}
 * unless it is a value, {@code ?} when it may be left out, and an optional value's default in KFP's
 * text form. After {@code ->} come the returned outputs, in the order of {@code ----output-paths}.
 * Names and defaults escape a space, a control character and {@code %:?=,()>} as {@code %XX}
 * (hexadecimal), so the first tab starts the description. A component is one string literal,
 * which javac compiles at almost no cost, where a call of its method costs it a statement. The
 * processor writes the rows, escaping with {@link #escape}; only that is public.
 */
public final class Table {
  private Table() {}

  /** One component of the table. */
  record Row(Signature signature, String method, String[] parameterTypes) {}

  /** The components' names, as usage lines list them: {@code a,b,c}. */
  static String names(String[] table) {
    StringBuilder sb = new StringBuilder();
    for (String row : table) {
      int space = row.indexOf(' ');
      sb.append(sb.length() == 0 ? "" : ",").append(decode(space < 0 ? row : row.substring(0, space)));
    }
    return sb.toString();
  }

  /** The row of {@code component}, parsed; null when the table has none. */
  static Row row(String[] table, String component) {
    String prefix = escape(component) + " ";
    for (String row : table) {
      if (row.startsWith(prefix)) {
        return parse(row);
      }
    }
    return null;
  }

  static Row parse(String row) {
    int tab = row.indexOf('\t');
    String head = tab < 0 ? row : row.substring(0, tab);
    String[] words = head.split(" ", -1);
    int open = words[1].indexOf('(');
    String types = words[1].substring(open + 1, words[1].length() - 1);
    Signature s = new Signature(decode(words[0]), tab < 0 ? "" : row.substring(tab + 1));
    boolean outputs = false;
    for (int i = 2; i < words.length; i++) {
      String word = words[i];
      if (outputs) {
        s.output(decode(word));
      } else if (word.equals("->")) {
        outputs = true;
      } else {
        input(s, word);
      }
    }
    return new Row(s, words[1].substring(0, open), types.isEmpty() ? new String[0] : types.split(","));
  }

  private static void input(Signature s, String word) {
    int eq = word.indexOf('=');
    String defaultText = eq < 0 ? null : decode(word.substring(eq + 1));
    String w = eq < 0 ? word : word.substring(0, eq);
    boolean optional = w.endsWith("?");
    if (optional) {
      w = w.substring(0, w.length() - 1);
    }
    int colon = w.indexOf(':');
    String name = decode(colon < 0 ? w : w.substring(0, colon));
    String role = colon < 0 ? "" : w.substring(colon + 1);
    switch (role) {
      case "":
        if (optional) {
          s.optionalValue(name, defaultText);
        } else {
          s.value(name);
        }
        break;
      case "inputPath":
        s.inputPath(name, !optional);
        break;
      case "outputPath":
        s.outputPath(name);
        break;
      case "inputArtifact":
        s.inputArtifact(name, !optional);
        break;
      case "outputArtifact":
        s.outputArtifact(name);
        break;
      case "inputArtifacts":
        s.inputArtifacts(name, !optional);
        break;
      default:
        throw new IllegalArgumentException("unknown role '" + role + "' of input '" + name + "'");
    }
  }

  /** A name or default as a row holds it: a space, a control character and {@code %:?=,()>} as {@code %XX}. */
  public static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || "%:?=,()>".indexOf(c) >= 0) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  static String decode(String text) {
    int at = text.indexOf('%');
    if (at < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length()).append(text, 0, at);
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
