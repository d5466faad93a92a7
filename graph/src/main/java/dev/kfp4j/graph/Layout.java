package dev.kfp4j.graph;

import dev.kfp4j.graph.Diagram.Box;
import dev.kfp4j.graph.Diagram.Edge;
import dev.kfp4j.graph.Diagram.Group;
import dev.kfp4j.graph.Diagram.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Diagram} out with Eclipse ELK's layered algorithm, top to bottom: each group a
 * compound node laid out with what it holds (ELK's {@code INCLUDE_CHILDREN}), so edges cross group
 * borders where they must. Boxes and labels are sized from {@link Sizes}; the result is every
 * shape's box and every edge's route in the picture's coordinates.
 */
final class Layout {
  private Layout() {}

  record Point(double x, double y) {}

  record Rect(double x, double y, double width, double height) {
    boolean contains(Rect r) {
      return r.x >= x && r.y >= y && r.x + r.width <= x + width && r.y + r.height <= y + height;
    }
  }

  /** An edge's route from its source's border to its target's, and where its label goes (null: none). */
  record Route(Edge edge, List<Point> points, Rect label) {}

  /** A laid-out diagram: its size, each shape's box by id, each edge's route, in the diagram's order. */
  record Placed(double width, double height, Map<String, Rect> shapes, List<Route> routes) {}

  static Placed of(Diagram d) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(Sizes.MARGIN));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 32.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
    Map<String, ElkNode> nodes = new HashMap<>();
    add(root, d.shapes(), nodes);
    List<ElkEdge> edges = new ArrayList<>();
    for (Edge e : d.edges()) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to()));
      if (!e.label().isEmpty()) {
        ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", e.label()), edge);
        label.setDimensions(Sizes.labelWidth(e.label()), Sizes.labelHeight(e.label()));
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      edges.add(edge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<String, Rect> shapes = new LinkedHashMap<>();
    for (Shape s : d.allShapes()) {
      ElkNode n = nodes.get(s.id());
      Point at = origin(n);
      shapes.put(s.id(), new Rect(at.x(), at.y(), n.getWidth(), n.getHeight()));
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      routes.add(route(d.edges().get(i), edges.get(i)));
    }
    return new Placed(root.getWidth(), root.getHeight(), shapes, routes);
  }

  private static void add(ElkNode parent, List<Shape> shapes, Map<String, ElkNode> nodes) {
    for (Shape s : shapes) {
      ElkNode n = ElkGraphUtil.createNode(parent);
      n.setIdentifier(s.id());
      nodes.put(s.id(), n);
      if (s instanceof Box b) {
        n.setDimensions(Sizes.boxWidth(b), Sizes.boxHeight(b));
      } else {
        Group g = (Group) s;
        n.setProperty(CoreOptions.PADDING, new ElkPadding(Sizes.groupHeader(), Sizes.PAD * 1.5, Sizes.PAD * 1.5, Sizes.PAD * 1.5));
        n.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        // ELK layered, laying out top to bottom with INCLUDE_CHILDREN, reads a compound node's
        // minimum size as (height, width) (eclipse-elk/elk#1033): give it so. A test checks each
        // group is as wide as its label.
        n.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Sizes.groupHeader(), Sizes.groupWidth(g.label())));
        add(n, g.children(), nodes);
      }
    }
  }

  private static Route route(Edge e, ElkEdge edge) {
    Point offset = origin(edge.getContainingNode());
    List<Point> points = new ArrayList<>();
    ElkEdgeSection s = edge.getSections().get(0);
    points.add(new Point(offset.x() + s.getStartX(), offset.y() + s.getStartY()));
    for (ElkBendPoint bend : s.getBendPoints()) {
      points.add(new Point(offset.x() + bend.getX(), offset.y() + bend.getY()));
    }
    points.add(new Point(offset.x() + s.getEndX(), offset.y() + s.getEndY()));
    Rect label = null;
    if (!edge.getLabels().isEmpty()) {
      ElkLabel l = edge.getLabels().get(0);
      label = new Rect(offset.x() + l.getX(), offset.y() + l.getY(), l.getWidth(), l.getHeight());
    }
    return new Route(e, points, label);
  }

  /** Where {@code n}'s top left corner is in the picture: its position plus its parents'. */
  private static Point origin(ElkNode n) {
    double x = 0;
    double y = 0;
    for (ElkNode at = n; at != null; at = at.getParent()) {
      x += at.getX();
      y += at.getY();
    }
    return new Point(x, y);
  }
}
