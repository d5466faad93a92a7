package dev.kfp4j.ui;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the UI shows a file of a run: as text, a CSV table, rendered Markdown, an HTML page (in a
 * sandboxed frame), an image, or a download, told from its artifact type, its name and its first
 * bytes.
 */
final class FileView {
  /** Text shown at most; the rest is offered as a download. */
  static final int MAX_TEXT = 256 * 1024;
  /** CSV rows shown at most. */
  static final int MAX_ROWS = 1000;

  enum Kind { text, csv, markdown, html, image, binary }

  private FileView() {}

  /** The view of {@code file}: its kind, and for text, CSV and Markdown what to show. */
  static ObjectNode of(Path file, String fileName, String artifactType) throws IOException {
    byte[] head = head(file);
    String name = fileName != null ? fileName : file.getFileName().toString();
    Kind kind = kind(name, artifactType, head);
    ObjectNode view = Yaml.json().createObjectNode();
    long size = Files.size(file);
    view.put("size", size);
    String text = null;
    if (kind == Kind.text || kind == Kind.csv || kind == Kind.markdown) {
      text = utf8(head(file, MAX_TEXT));
      if (text == null) {
        kind = Kind.binary;
      }
    }
    view.put("kind", kind.name());
    view.put("truncated", text != null && size > MAX_TEXT);
    if (kind == Kind.text) {
      view.put("text", text);
    } else if (kind == Kind.csv) {
      ArrayNode rows = view.putArray("rows");
      for (List<String> row : Csv.parse(text, name.endsWith(".tsv") ? '\t' : ',', MAX_ROWS)) {
        ArrayNode r = rows.addArray();
        row.forEach(r::add);
      }
    } else if (kind == Kind.markdown) {
      view.put("html", markdown(text));
    }
    return view;
  }

  /** Markdown as HTML, raw HTML in it escaped and unsafe link schemes dropped. */
  static String markdown(String text) {
    return HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build().render(Parser.builder().build().parse(text));
  }

  static Kind kind(String name, String artifactType, byte[] head) {
    String type = artifactType == null ? "" : artifactType.replaceFirst("^system\\.", "").toLowerCase(Locale.ROOT);
    String lower = name.toLowerCase(Locale.ROOT);
    String start = new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
    if (type.equals("html") || lower.endsWith(".html") || lower.endsWith(".htm") || start.startsWith("<!doctype html")
        || start.startsWith("<html")) {
      return Kind.html;
    }
    if (type.equals("markdown") || lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return Kind.markdown;
    }
    if (contentType(name, head).startsWith("image/")) {
      return Kind.image;
    }
    for (byte b : head) {
      if (b == 0) {
        return Kind.binary;
      }
    }
    if (type.equals("csv") || lower.endsWith(".csv") || lower.endsWith(".tsv") || (lower.indexOf('.') < 0 && looksLikeCsv(head))) {
      return Kind.csv;
    }
    return utf8(head) != null ? Kind.text : Kind.binary;
  }

  /** Two lines or more, each with the same number of commas (one or more), and no markup. */
  private static boolean looksLikeCsv(byte[] head) {
    String text = utf8(head);
    if (text == null || text.indexOf('<') >= 0) {
      return false;
    }
    String[] lines = text.split("\r?\n");
    int n = Math.min(lines.length, 5) - (head.length >= 4096 ? 1 : 0);
    if (n < 2) {
      return false;
    }
    long commas = lines[0].chars().filter(c -> c == ',').count();
    for (int i = 1; i < n; i++) {
      if (lines[i].chars().filter(c -> c == ',').count() != commas) {
        return false;
      }
    }
    return commas > 0;
  }

  /** The media type a file is served with; text as UTF-8. */
  static String contentType(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png") || startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
      return "image/png";
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    if (lower.endsWith(".gif") || startsWith(head, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
      return "image/gif";
    }
    if (lower.endsWith(".webp")) {
      return "image/webp";
    }
    if (lower.endsWith(".svg")) {
      return "image/svg+xml";
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    return utf8(head) != null ? "text/plain; charset=utf-8" : "application/octet-stream";
  }

  static byte[] head(Path file) throws IOException {
    return head(file, 4096);
  }

  private static byte[] head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
  }

  /** The bytes as UTF-8, a character cut at the end forgiven; null when they are not UTF-8. */
  private static String utf8(byte[] bytes) {
    for (int cut = 0; cut < 4 && cut <= bytes.length; cut++) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut)).toString();
      } catch (CharacterCodingException e) {
        // perhaps a character cut by the prefix: try without its last bytes
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4180 CSV: quoted fields with doubled quotes and line breaks. */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text, char separator, int maxRows) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length() && rows.size() < maxRows; i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == separator) {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if ((field.length() > 0 || !row.isEmpty()) && rows.size() < maxRows) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
