package dev.kfp4j.processor.base;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The parts of a Javadoc comment kfp4j uses: the main text, {@code @param} and {@code @return}. */
public final class Javadoc {
  private final String text;
  private final Map<String, String> params;
  private final String returns;

  private Javadoc(String text, Map<String, String> params, String returns) {
    this.text = text;
    this.params = params;
    this.returns = returns;
  }

  /** Parses a doc comment as {@code Elements.getDocComment} returns it (may be null). */
  public static Javadoc parse(String comment) {
    Map<String, String> params = new LinkedHashMap<>();
    if (comment == null) {
      return new Javadoc(null, params, null);
    }
    StringBuilder main = new StringBuilder();
    String returns = null;
    String currentTag = null;
    String currentName = null;
    StringBuilder current = null;
    for (String raw : comment.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("@")) {
        if (currentTag != null) {
          returns = store(currentTag, currentName, current, params, returns);
        }
        int space = line.indexOf(' ');
        currentTag = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        currentName = null;
        if (currentTag.equals("@param")) {
          int sp = rest.indexOf(' ');
          currentName = sp < 0 ? rest : rest.substring(0, sp);
          rest = sp < 0 ? "" : rest.substring(sp + 1).strip();
        }
        current = new StringBuilder(rest);
      } else if (current != null) {
        if (!line.isEmpty()) {
          current.append(current.length() == 0 ? "" : " ").append(line);
        }
      } else {
        main.append(line).append('\n');
      }
    }
    if (currentTag != null) {
      returns = store(currentTag, currentName, current, params, returns);
    }
    String text = clean(main.toString());
    return new Javadoc(text.isEmpty() ? null : text, params, returns);
  }

  private static String store(String tag, String name, StringBuilder body, Map<String, String> params, String returns) {
    String value = clean(body.toString());
    if (tag.equals("@param") && name != null && !value.isEmpty()) {
      params.put(name, value);
    } else if (tag.equals("@return") && !value.isEmpty()) {
      return value;
    }
    return returns;
  }

  /** Strips simple HTML and inline tags so the text reads well in the KFP UI. */
  private static String clean(String s) {
    String out = HTML.matcher(PARAGRAPH.matcher(INLINE_TAG.matcher(s).replaceAll("$1")).replaceAll("\n")).replaceAll("");
    // collapse blank-line runs, strip trailing space
    return BLANK_LINES.matcher(TRAILING_SPACE.matcher(out).replaceAll("\n")).replaceAll("\n\n").strip();
  }

  // compiled once: clean runs for every tag of every component
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)<p>\\s*");
  private static final Pattern HTML = Pattern.compile("<[^>]+>");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  /** The main description, or null. */
  public String text() {
    return text;
  }

  public String param(String name) {
    return params.get(name);
  }

  public String returns() {
    return returns;
  }
}
