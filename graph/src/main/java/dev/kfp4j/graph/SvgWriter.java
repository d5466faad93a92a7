package dev.kfp4j.graph;

import dev.kfp4j.graph.Diagram.Box;
import dev.kfp4j.graph.Diagram.EdgeKind;
import dev.kfp4j.graph.Diagram.Group;
import dev.kfp4j.graph.Diagram.Shape;
import dev.kfp4j.graph.Layout.Placed;
import dev.kfp4j.graph.Layout.Point;
import dev.kfp4j.graph.Layout.Rect;
import dev.kfp4j.graph.Layout.Route;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a laid-out {@link Diagram} as a standalone SVG: the pipeline's name, groups as rounded
 * boxes under their labels, edges (values thin, files and artifacts thick, {@code after} dashed)
 * with their labels, and boxes with their names and lines. Plain SVG 1.1 with a small style sheet:
 * no script, no external reference, every name and label escaped, in ASCII, coordinates to a
 * tenth of a pixel in absolute terms, so the same diagram always gives the same bytes. Each shape is a {@code
 * <g>} with its kind as a class and its pipeline name in {@code data-name}; a box inside groups lists their ids in {@code
 * data-group}, the outermost first ({@code data-group="g0 g1"}, so {@code [data-group~=g1]} finds every box in {@code g1}),
 * which a reader of the picture needs no geometry for; each edge names its ends in {@code data-from} and {@code data-to}.
 */
final class SvgWriter {
  static final String FONT = "Helvetica, Arial, sans-serif";

  private static final String STYLE = String.join("\n",
      "text{fill:#202124}",
      ".box>rect{stroke-width:1.5}",
      ".task>rect{fill:#e8f0fe;stroke:#1a73e8}",
      ".exit>rect{fill:#fce8e6;stroke:#c5221f}",
      ".volume>rect{fill:#e6f4ea;stroke:#188038}",
      ".resource>rect{fill:#fef7e0;stroke:#b06000}",
      ".group>rect{fill:#f8f9fa;stroke:#80868b;stroke-width:1}",
      ".loop>rect{fill:#f3e8fd;stroke:#9334e6}",
      ".exit-handler>rect{fill:#fff;stroke:#c5221f;stroke-dasharray:6 3}",
      ".detail{fill:#5f6368}",
      ".edge>path{fill:none;stroke:#5f6368;stroke-width:1.2}",
      ".file>path{stroke:#1a73e8;stroke-width:3}",
      ".after>path{stroke-dasharray:5 4}",
      ".edge-label>rect{fill:#fff;fill-opacity:0.85}",
      ".group-label>text{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}");
  /** The style of importers, written only where there is one, so that a picture without one is as it was. */
  private static final String IMPORTER_STYLE = ".importer>rect{fill:#e8f0fe;stroke:#1967d2}";

  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> names = new HashMap<>();
  /** The ids of the groups each box is inside, by the box's id, outermost first; none for a box in no group. */
  private final Map<String, String> groupsOf = new HashMap<>();
  private final double top;

  private SvgWriter(double top) {
    this.top = top;
  }

  static String write(Diagram d, Placed p) {
    double titleHeight = Sizes.line(Sizes.TITLE) + Sizes.PAD;
    SvgWriter w = new SvgWriter(titleHeight);
    double width = Math.max(p.width(), TextWidth.of(d.title(), Sizes.TITLE, true) + 2 * Sizes.MARGIN);
    double height = p.height() + titleHeight;
    w.document(d, p, width, height);
    return w.out.toString();
  }

  private void document(Diagram d, Placed p, double width, double height) {
    header(d.title(), num(width), num(height), hasImporter(d.shapes()));
    List<Shape> all = d.allShapes();
    for (Shape s : all) {
      names.put(s.id(), s.name());
    }
    enclose(d.shapes(), "");
    // back to front: groups, edges, the labels of edges and groups, boxes
    for (Shape s : all) {
      if (s instanceof Group g) {
        group(g, p.shapes().get(g.id()));
      }
    }
    for (int i = 0; i < p.routes().size(); i++) {
      edge("e" + i, p.routes().get(i));
    }
    for (int i = 0; i < p.routes().size(); i++) {
      edgeLabel("e" + i, p.routes().get(i));
    }
    for (Shape s : all) {
      if (s instanceof Group g) {
        groupLabel(g, p.shapes().get(g.id()));
      }
    }
    for (Shape s : all) {
      if (s instanceof Box b) {
        box(b, p.shapes().get(b.id()));
      }
    }
    out.append("</svg>\n");
  }

  /** Notes the groups {@code around} (ids, outermost first) of each box of {@code shapes}, and of their groups' boxes. */
  private void enclose(List<Shape> shapes, String around) {
    for (Shape s : shapes) {
      if (s instanceof Group g) {
        enclose(g.children(), around.isEmpty() ? g.id() : around + " " + g.id());
      } else if (!around.isEmpty()) {
        groupsOf.put(s.id(), around);
      }
    }
  }

  /** The root element, the style sheet, the arrow heads, a white background and the pipeline's name. */
  private static boolean hasImporter(List<Diagram.Shape> shapes) {
    for (Diagram.Shape s : shapes) {
      if (s instanceof Diagram.Box b ? b.kind() == Diagram.BoxKind.IMPORTER : hasImporter(((Diagram.Group) s).children())) {
        return true;
      }
    }
    return false;
  }

  private void header(String title, String w, String h, boolean importers) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"").append(FONT).append("\">\n");
    out.append("<title>").append(Xml.escape(title)).append("</title>\n");
    out.append("<style>\n").append(STYLE).append(importers ? "\n" + IMPORTER_STYLE : "").append("\n</style>\n");
    out.append("<defs>\n");
    marker("arrow", "#5f6368");
    marker("arrow-file", "#1a73e8");
    out.append("</defs>\n");
    out.append("<rect class=\"background\" width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"#fff\"/>\n");
    text("title", Sizes.MARGIN, Sizes.MARGIN + Sizes.baseline(Sizes.TITLE) - top, Sizes.TITLE, true, "start", title);
    out.append('\n');
  }

  private void marker(String id, String color) {
    out.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" ")
        .append("markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"")
        .append(color).append("\"/></marker>\n");
  }

  private void group(Group g, Rect r) {
    String kind = g.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    open("group " + kind, g.id(), g.name(), null);
    rect(r, 8);
    out.append("</g>\n");
  }

  /** A group's label at its top left, over the edges that cross it. */
  private void groupLabel(Group g, Rect r) {
    out.append("<g class=\"group-label\" data-group=\"").append(g.id()).append("\">");
    text("label", r.x() + Sizes.PAD, r.y() + Sizes.PAD + Sizes.baseline(Sizes.GROUP), Sizes.GROUP, true, "start", g.label());
    out.append("</g>\n");
  }

  private void box(Box b, Rect r) {
    open("box " + b.kind().name().toLowerCase(Locale.ROOT), b.id(), b.name(), groupsOf.get(b.id()));
    out.append("<title>").append(Xml.escape(b.name()));
    for (String line : b.lines()) {
      out.append("&#10;").append(Xml.escape(line));
    }
    out.append("</title>");
    rect(r, 6);
    double x = r.x() + r.width() / 2;
    double y = r.y() + Sizes.PAD;
    text("name", x, y + Sizes.baseline(Sizes.NAME), Sizes.NAME, true, "middle", b.name());
    y += Sizes.line(Sizes.NAME);
    for (String line : b.lines()) {
      text("detail", x, y + Sizes.baseline(Sizes.DETAIL), Sizes.DETAIL, false, "middle", line);
      y += Sizes.line(Sizes.DETAIL);
    }
    out.append("</g>\n");
  }

  private void edge(String id, Route r) {
    EdgeKind kind = r.edge().kind();
    out.append("<g class=\"edge ").append(kind.name().toLowerCase(Locale.ROOT)).append("\" id=\"").append(id)
        .append("\" data-from=\"").append(Xml.escape(names.get(r.edge().from())))
        .append("\" data-to=\"").append(Xml.escape(names.get(r.edge().to()))).append("\">");
    out.append("<path d=\"");
    for (int i = 0; i < r.points().size(); i++) {
      Point pt = r.points().get(i);
      out.append(i == 0 ? "M" : " L").append(num(pt.x())).append(' ').append(num(pt.y() + top));
    }
    out.append("\" marker-end=\"url(#").append(kind == EdgeKind.FILE ? "arrow-file" : "arrow").append(")\"/></g>\n");
  }

  private void edgeLabel(String id, Route r) {
    if (r.label() == null) {
      return;
    }
    out.append("<g class=\"edge-label\" data-edge=\"").append(id).append("\">");
    Rect l = r.label();
    rect(l, 2);
    double y = l.y();
    for (String line : r.edge().label()) {
      text("label", l.x() + 2, y + Sizes.baseline(Sizes.LABEL), Sizes.LABEL, false, "start", line);
      y += Sizes.line(Sizes.LABEL);
    }
    out.append("</g>\n");
  }

  /** A shape's element: its classes, id and name, and the ids of the groups it is inside ({@code groups}, null for none). */
  private void open(String classes, String id, String name, String groups) {
    out.append("<g class=\"").append(classes).append("\" id=\"").append(id).append("\" data-name=\"").append(Xml.escape(name));
    if (groups != null) {
      out.append("\" data-group=\"").append(groups);
    }
    out.append("\">");
  }

  private void rect(Rect r, int radius) {
    out.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y() + top)).append("\" width=\"")
        .append(num(r.width())).append("\" height=\"").append(num(r.height())).append("\" rx=\"").append(radius).append("\"/>");
  }

  private void text(String cls, double x, double y, int size, boolean bold, String anchor, String text) {
    out.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y + top))
        .append("\" font-size=\"").append(size).append('"');
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    if (!anchor.equals("start")) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    out.append('>').append(Xml.escape(text)).append("</text>");
  }

  /** {@code v} to a tenth, without trailing zeros: {@code 12}, {@code 12.5}. */
  static String num(double v) {
    return BigDecimal.valueOf(Math.round(v * 10), 1).stripTrailingZeros().toPlainString();
  }
}
