package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG written by {@link SvgWriter}, parsed as XML: its boxes, groups and edges, as a reader of the file finds them. */
record SvgPicture(Document document, Map<String, Shape> boxes, Map<String, Shape> groups, List<Line> edges) {
  record Rect(double x, double y, double width, double height) {
    boolean contains(Rect r) {
      return r.x >= x && r.y >= y && r.x + r.width <= x + width && r.y + r.height <= y + height;
    }

    /** Whether {@code (px, py)} lies on this box's border, give or take {@code slack}. */
    boolean onBorder(double px, double py, double slack) {
      boolean inX = px >= x - slack && px <= x + width + slack;
      boolean inY = py >= y - slack && py <= y + height + slack;
      boolean nearX = Math.abs(px - x) <= slack || Math.abs(px - x - width) <= slack;
      boolean nearY = Math.abs(py - y) <= slack || Math.abs(py - y - height) <= slack;
      return (inX && nearY) || (inY && nearX);
    }
  }

  /** A box or group: its pipeline name, classes, box, and texts (a box's name and lines; a group's label). */
  record Shape(String id, String name, String classes, Rect rect, List<String> texts) {}

  /** An edge: the names it joins, its kind (value, file, after), its points and its label's lines. */
  record Line(String from, String to, String kind, List<double[]> points, List<String> label) {
    @Override
    public String toString() {
      StringBuilder path = new StringBuilder();
      points.forEach(p -> path.append(" (").append(p[0]).append(", ").append(p[1]).append(')'));
      return kind + " edge " + from + " -> " + to + " " + label + " via" + path;
    }
  }

  static SvgPicture parse(String svg) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
    }
    assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    Map<String, Shape> boxes = new LinkedHashMap<>();
    Map<String, Shape> groups = new LinkedHashMap<>();
    Map<String, String> groupLabels = new LinkedHashMap<>();
    Map<String, List<String>> edgeLabels = new LinkedHashMap<>();
    List<Element> edgeElements = new ArrayList<>();
    NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      String cls = g.getAttribute("class");
      if (cls.startsWith("box ")) {
        Shape s = new Shape(g.getAttribute("id"), g.getAttribute("data-name"), cls, rect(g), texts(g));
        if (boxes.put(s.name(), s) != null) {
          throw new AssertionError("two boxes named " + s.name());
        }
      } else if (cls.startsWith("group ")) {
        groups.put(g.getAttribute("id"), new Shape(g.getAttribute("id"), g.getAttribute("data-name"), cls, rect(g), List.of()));
      } else if (cls.equals("group-label")) {
        groupLabels.put(g.getAttribute("data-group"), texts(g).get(0));
      } else if (cls.startsWith("edge ")) {
        edgeElements.add(g);
      } else if (cls.equals("edge-label")) {
        edgeLabels.put(g.getAttribute("data-edge"), texts(g));
      }
    }
    Map<String, Shape> byName = new LinkedHashMap<>();
    for (Shape g : groups.values()) {
      byName.put(g.name(), new Shape(g.id(), g.name(), g.classes(), g.rect(), List.of(groupLabels.get(g.id()))));
    }
    List<Line> edges = new ArrayList<>();
    for (Element e : edgeElements) {
      Element path = (Element) e.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
      edges.add(new Line(e.getAttribute("data-from"), e.getAttribute("data-to"), e.getAttribute("class").substring(5),
          points(path.getAttribute("d")), edgeLabels.getOrDefault(e.getAttribute("id"), List.of())));
    }
    return new SvgPicture(doc, boxes, byName, edges);
  }

  /** The box of a shape or a group, by name. */
  Rect rectOf(String name) {
    return boxes.containsKey(name) ? boxes.get(name).rect() : groups.get(name).rect();
  }

  /** The edges from {@code from} to {@code to}. */
  List<Line> edges(String from, String to) {
    return edges.stream().filter(e -> e.from().equals(from) && e.to().equals(to)).toList();
  }

  private static Rect rect(Element g) {
    Element r = (Element) g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(0);
    return new Rect(d(r, "x"), d(r, "y"), d(r, "width"), d(r, "height"));
  }

  private static double d(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  private static List<String> texts(Element g) {
    List<String> out = new ArrayList<>();
    NodeList ts = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    for (int i = 0; i < ts.getLength(); i++) {
      out.add(ts.item(i).getTextContent());
    }
    return out;
  }

  private static List<double[]> points(String d) {
    List<double[]> out = new ArrayList<>();
    for (String part : d.split("(?=[ML])")) {
      String[] xy = part.trim().substring(1).trim().split(" ");
      out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return out;
  }
}
