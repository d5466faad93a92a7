package dev.kfp4j.graph;

import dev.kfp4j.graph.Diagram.Box;
import dev.kfp4j.graph.Diagram.Edge;
import dev.kfp4j.graph.Diagram.Group;
import dev.kfp4j.graph.Diagram.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Diagram} as a Mermaid flowchart, which GitHub and GitLab draw where Markdown
 * holds it in a {@code ```mermaid} block: boxes as nodes (volumes as cylinders, resources as
 * parallelograms, the exit task rounded), groups as subgraphs, values as {@code -->}, files and
 * artifacts as thick {@code ==>}, {@code after} as dotted {@code -.->}. Ids are the diagram's
 * ({@code n0}, {@code g0}); every name and label is quoted, with the characters Mermaid or HTML
 * would read ({@code " # & < > | `}) and those past ASCII as Mermaid's {@code #code;} entities.
 */
final class MermaidWriter {
  private final StringBuilder out = new StringBuilder();

  private MermaidWriter() {}

  static String write(Diagram d) {
    MermaidWriter w = new MermaidWriter();
    w.out.append("---\ntitle: ").append(yamlQuote(d.title())).append("\n---\nflowchart TD\n");
    w.shapes(d.shapes(), "  ");
    for (Edge e : d.edges()) {
      w.edge(e);
    }
    return w.out.toString();
  }

  private void shapes(List<Shape> shapes, String indent) {
    for (Shape s : shapes) {
      if (s instanceof Group g) {
        out.append(indent).append("subgraph ").append(g.id()).append(' ').append('[').append(quote(g.label())).append("]\n");
        shapes(g.children(), indent + "  ");
        out.append(indent).append("end\n");
      } else {
        Box b = (Box) s;
        List<String> lines = new ArrayList<>();
        lines.add(b.name());
        lines.addAll(b.lines());
        String text = quote(lines);
        out.append(indent).append(b.id());
        switch (b.kind()) {
          case VOLUME -> out.append("[(").append(text).append(")]");
          case RESOURCE -> out.append("[/").append(text).append("/]");
          case IMPORTER -> out.append("[\\").append(text).append("/]");
          case EXIT -> out.append("([").append(text).append("])");
          default -> out.append('[').append(text).append(']');
        }
        out.append('\n');
      }
    }
  }

  private void edge(Edge e) {
    String arrow = switch (e.kind()) {
      case VALUE -> "-->";
      case FILE -> "==>";
      case AFTER -> "-.->";
    };
    out.append("  ").append(e.from()).append(' ').append(arrow);
    if (!e.label().isEmpty()) {
      out.append('|').append(quote(e.label())).append('|');
    }
    out.append(' ').append(e.to()).append('\n');
  }

  /** The lines in double quotes, joined by {@code <br>}. */
  private static String quote(List<String> lines) {
    List<String> escaped = new ArrayList<>();
    for (String l : lines) {
      escaped.add(escape(l));
    }
    return '"' + String.join("<br>", escaped) + '"';
  }

  private static String quote(String text) {
    return quote(List.of(text));
  }

  /** The title as a double-quoted YAML string in ASCII, for Mermaid's front matter. */
  private static String yamlQuote(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        b.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7F) {
        b.append(' ');
      } else if (c > 0xFFFF) {
        b.append(String.format(Locale.ROOT, "\\U%08X", c));
      } else if (c > 0x7F) {
        b.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append('"').toString();
  }

  /**
   * Mermaid's entity codes ({@code #35;}) for the characters that end a quoted text or read as
   * markup, and for every character past ASCII (so the bytes are the same whatever encoding they
   * are written in); control characters as spaces.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7F) {
        b.append(' ');
      } else if (c > 0x7F || "\"#&<>|`".indexOf(c) >= 0) {
        b.append('#').append(c).append(';');
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}
