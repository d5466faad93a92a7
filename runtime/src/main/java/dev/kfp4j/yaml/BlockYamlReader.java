package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads block-style YAML, as {@link BlockYaml} and {@link FlowYaml} write it (and KFP's SDK writes
 * its simpler files), into the trees the YAML mapper gives, node types included, without starting Jackson's YAML
 * parser: in a fresh JVM (a {@code kfp4j} command, a local run, the annotation processor in an IDE's
 * build) starting it costs a tenth of a second or more, many times what reading a pipeline takes.
 * It takes maps and lists as indented lines, literal blocks ({@code |}), comment lines, {@code ---}
 * between documents, and on a line what {@link YamlLine} takes: quoted and plain scalars, flow maps
 * and lists. Anything else (folded or multi-line scalars, anchors, tags, a plain scalar YAML may read
 * otherwise, a key given twice, an empty value, a tab outside a literal block) gives null: the full
 * parser then decides, with its tree or its exception.
 */
final class BlockYamlReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Beyond this depth of maps and lists, block or flow, the full parser decides, with its limits. */
  static final int MAX_DEPTH = 64;

  /** Thrown to give the text to the full parser; caught in {@link #readAll} only. */
  static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super(null, null, false, false);
    }
  }

  static final Unknown UNKNOWN = new Unknown();

  private final String[] lines;
  /** The lines that end in a line break: all of them unless the text does not end with one. */
  private final int ended;
  private int line;
  private int depth;

  private BlockYamlReader(String text) {
    lines = text.split("\n", -1);
    ended = lines.length - 1;
  }

  /** Every document of {@code text}, as the YAML mapper reads them, or null where the full parser must decide. */
  static List<JsonNode> readAll(String text) {
    if (!plainCharacters(text)) {
      return null;
    }
    try {
      return new BlockYamlReader(text).documents();
    } catch (Unknown e) {
      return null;
    }
  }

  /** No character the full parser refuses or reads in its own way: controls other than line feeds and tabs, a byte order mark. */
  private static boolean plainCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t' && BlockYaml.special(c)) {
        return false;
      }
    }
    return true;
  }

  private List<JsonNode> documents() {
    List<JsonNode> out = new ArrayList<>();
    skipBlank();
    if (line < lines.length && lines[line].equals("---")) {
      line++;
    }
    while (true) {
      skipBlank();
      if (documentEnds()) {
        throw UNKNOWN; // no document, or an empty one between markers
      }
      int indent = indent(lines[line]);
      JsonNode document = node(indent);
      if (document.isArray() && out.isEmpty()) {
        throw UNKNOWN; // the mapper's iterator gives a first list's items instead
      }
      out.add(document);
      skipBlank();
      if (line == lines.length) {
        return out;
      }
      if (!lines[line].equals("---")) {
        throw UNKNOWN; // text where this document has ended
      }
      line++;
    }
  }

  /** Skips empty lines, lines of spaces and comment lines; throws on a directive or a document end marker. */
  private void skipBlank() {
    for (; line < lines.length; line++) {
      String s = lines[line];
      int i = skipSpaces(s, 0);
      if (i < s.length() && s.charAt(i) != '#') {
        if (marker(s, "...") || s.startsWith("%") || marker(s, "---") && !s.equals("---")) {
          throw UNKNOWN;
        }
        return;
      }
    }
  }

  /** Whether the document ends at the current line: the text's end, or a {@code ---} line. */
  private boolean documentEnds() {
    return line == lines.length || lines[line].equals("---");
  }

  /** Whether {@code s} starts with a document marker, {@code ---} or {@code ...} and a space or its end. */
  private static boolean marker(String s, String marker) {
    return s.startsWith(marker) && (s.length() == 3 || s.charAt(3) == ' ' || s.charAt(3) == '\t');
  }

  /** The indentation of a line of content, in spaces; a tab in it goes to the full parser. */
  private static int indent(String s) {
    int i = skipSpaces(s, 0);
    if (i < s.length() && s.charAt(i) == '\t') {
      throw UNKNOWN;
    }
    return i;
  }

  /** The map or list whose first line is the current one, from column {@code col}. */
  private JsonNode node(int col) {
    if (++depth > MAX_DEPTH) {
      throw UNKNOWN;
    }
    String s = lines[line];
    JsonNode out;
    if (dash(s, col)) {
      out = list(col);
    } else if (keyEnd(s, col) >= 0) {
      out = map(col);
    } else {
      throw UNKNOWN; // a scalar on a line of its own
    }
    depth--;
    return out;
  }

  /** Whether a list item starts at {@code col}: a dash, then a space or the line's end. */
  private static boolean dash(String s, int col) {
    return s.startsWith("-", col) && (s.length() == col + 1 || s.charAt(col + 1) == ' ');
  }

  /** A map's entries: the first from {@code col} on the current line, the next on lines indented {@code col}. */
  private ObjectNode map(int col) {
    ObjectNode out = NODES.objectNode();
    while (true) {
      entry(col, out);
      skipBlank();
      if (documentEnds()) {
        return out;
      }
      int indent = indent(lines[line]);
      if (indent < col) {
        return out;
      }
      if (indent > col || dash(lines[line], col)) {
        throw UNKNOWN; // a scalar going on over lines, or a list where an entry belongs
      }
    }
  }

  /** A list's items: the first from {@code col} on the current line, the next on lines indented {@code col}. */
  private ArrayNode list(int col) {
    ArrayNode out = NODES.arrayNode();
    while (true) {
      out.add(item(col));
      skipBlank();
      if (documentEnds()) {
        return out;
      }
      String s = lines[line];
      int indent = indent(s);
      if (indent < col || indent == col && !dash(s, col)) {
        return out; // the list was a map's value, at its key's indentation
      }
      if (indent > col) {
        throw UNKNOWN;
      }
    }
  }

  /** The item after the dash at {@code col} on the current line. */
  private JsonNode item(int col) {
    String s = lines[line];
    int at = skipSpaces(s, col + 1);
    if (at == s.length() || s.charAt(at) == '#') {
      return below(col, false);
    }
    if (s.charAt(at) != '{' && s.charAt(at) != '[' && (dash(s, at) || keyEnd(s, at) >= 0)) {
      return node(at);
    }
    return scalar(s, at, col);
  }

  /** The entry from {@code col} on the current line into {@code map}: its key, and its value on the line or below. */
  private void entry(int col, ObjectNode map) {
    String s = lines[line];
    int end = keyEnd(s, col);
    if (end < 0) {
      throw UNKNOWN;
    }
    String key = key(s, col, end);
    if (map.has(key)) {
      throw UNKNOWN; // the full parser refuses a key given twice
    }
    int at = skipSpaces(s, end + 1);
    JsonNode value = at == s.length() || s.charAt(at) == '#' ? below(col, true) : scalar(s, at, col);
    map.set(key, value);
  }

  /** The value on the lines after the current one: a map or list indented past {@code col}, or a list at it after a key. */
  private JsonNode below(int col, boolean afterKey) {
    line++;
    skipBlank();
    if (documentEnds()) {
      throw UNKNOWN; // an empty value
    }
    String s = lines[line];
    int indent = indent(s);
    if (indent > col || afterKey && indent == col && dash(s, col)) {
      return node(indent);
    }
    throw UNKNOWN;
  }

  /**
   * Where the key starting at {@code col} ends (its colon), or -1 where no key starts there: a
   * quoted key followed by a colon, or plain text up to a colon that ends the line or comes before a space.
   * Quoted text this reader does not read (a tab, an escape it does not take) goes to the full parser.
   */
  private static int keyEnd(String s, int col) {
    if (col >= s.length()) {
      return -1;
    }
    char first = s.charAt(col);
    if (first == '\'' || first == '"') {
      int close = YamlLine.quotedText(s, col + 1, first, new StringBuilder());
      return close >= 0 && colon(s, close + 1) ? close + 1 : -1;
    }
    for (int i = col; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':' && colon(s, i)) {
        return i;
      }
      if (c == '#' && i > col && s.charAt(i - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether a colon at {@code i} ends a key: it ends the line or a space follows. */
  private static boolean colon(String s, int i) {
    return i < s.length() && s.charAt(i) == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ');
  }

  /** The key from {@code col} to its colon at {@code end}: quoted, or plain text YAML reads as that text. */
  private static String key(String s, int col, int end) {
    char first = s.charAt(col);
    if (first == '\'' || first == '"') {
      return new YamlLine(s, col).quoted();
    }
    String key = s.substring(col, end);
    if (!BlockYaml.plain(key)) {
      throw UNKNOWN;
    }
    return key;
  }

  /** The scalar from {@code at} on the current line, in a node indented {@code col}; moves past it. */
  private JsonNode scalar(String s, int at, int col) {
    char first = s.charAt(at);
    JsonNode out;
    int end;
    switch (first) {
      case '|':
        return literal(s, at, col);
      case '\'':
      case '"':
        return quoted(s, at, col);
      case '{':
      case '[': {
        YamlLine flow = new YamlLine(s, at);
        out = flow.value();
        end = flow.at();
        break;
      }
      default:
        end = plainEnd(s, at);
        out = YamlLine.plain(s.substring(at, end));
    }
    nothingAfter(s, end);
    line++;
    return out;
  }

  /**
   * The quoted scalar from {@code at} on the current line, in a node indented {@code col}; where it
   * goes on over the next lines, folded as YAML folds it: a line break is a space, or as many line
   * breaks as empty lines follow it; an escaped one is nothing; the spaces around it go. Moves past
   * it.
   */
  private JsonNode quoted(String s, int at, int col) {
    char quote = s.charAt(at);
    StringBuilder out = new StringBuilder();
    int close = YamlLine.quotedText(s, at + 1, quote, out);
    while (close < 0) {
      int empty = 0;
      int from;
      while (true) {
        if (++line >= ended) {
          throw UNKNOWN; // the text ends inside the quotes
        }
        s = lines[line];
        from = skipSpaces(s, 0);
        if (from < s.length()) {
          break;
        }
        empty++;
      }
      if (from <= col || s.charAt(from) == '\t' || marker(s, "---") || marker(s, "...")) {
        throw UNKNOWN;
      }
      if (close == YamlLine.BREAK && empty == 0) {
        out.append(' ');
      }
      for (; empty > 0; empty--) {
        out.append('\n');
      }
      close = YamlLine.quotedText(s, from, quote, out);
    }
    nothingAfter(s, close + 1);
    line++;
    return NODES.stringNode(out.toString());
  }

  /** Throws where {@code s} goes on after {@code end} with more than spaces and a comment after a space. */
  private static void nothingAfter(String s, int end) {
    int rest = skipSpaces(s, end);
    if (rest < s.length() && (s.charAt(rest) != '#' || rest == end)) {
      throw UNKNOWN;
    }
  }

  /** Where a plain scalar from {@code at} ends: before a comment, without its trailing spaces. */
  private static int plainEnd(String s, int at) {
    int end = s.length();
    for (int i = at + 1; i < s.length(); i++) {
      if (s.charAt(i) == '#' && s.charAt(i - 1) == ' ') {
        end = i;
        break;
      }
    }
    while (end > at && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  /**
   * The literal block whose header ({@code |}, {@code |-} or {@code |+}) is at {@code at} on the
   * current line, in a node indented {@code col}: the lines below indented as the first of them,
   * past {@code col}. Moves past it.
   */
  private JsonNode literal(String s, int at, int col) {
    int i = at + 1;
    char chomp = i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+') ? s.charAt(i++) : ' ';
    nothingAfter(s, i); // no indentation indicator, no text after the header
    line++;
    if (line >= ended || lines[line].isEmpty()) {
      throw UNKNOWN; // empty, or empty lines first
    }
    int indent = indent(lines[line]);
    if (indent <= col || indent == lines[line].length()) {
      throw UNKNOWN;
    }
    StringBuilder out = new StringBuilder();
    int empty = 0;
    for (; line < lines.length; line++) {
      String l = lines[line];
      int spaces = skipSpaces(l, 0);
      if (spaces == l.length() && spaces <= indent) { // an empty line: its spaces are indentation
        if (line == ended) {
          break;
        }
        empty++;
        continue;
      }
      if (spaces < indent) {
        break;
      }
      if (line == ended) {
        throw UNKNOWN; // the last line without its line break
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      for (; empty > 0; empty--) {
        out.append('\n');
      }
      out.append(l, indent, l.length());
    }
    if (chomp != '-') {
      out.append('\n');
    }
    if (chomp == '+') {
      for (; empty > 0; empty--) {
        out.append('\n');
      }
    }
    return NODES.stringNode(out.toString());
  }

  static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
