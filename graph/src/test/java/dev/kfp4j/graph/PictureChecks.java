package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.graph.Expected.Flow;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What every picture of a pipeline must show, checked on the parsed SVG and on the Mermaid text. */
final class PictureChecks {
  private PictureChecks() {}

  /** Checks {@code svg} against {@code p}; returns the parsed picture for more checks. */
  static SvgPicture svg(Pipeline p, String svg) {
    Expected want = Expected.of(p);
    SvgPicture pic = SvgPicture.parse(svg);
    String where = p.name() + ": ";

    // one box per step, named, with its component and display name
    assertEquals(names(p.steps()), new TreeSet<>(pic.boxes().keySet()), where + "boxes");
    for (Step s : p.steps()) {
      SvgPicture.Shape box = pic.boxes().get(s.name());
      assertEquals(s.name(), box.texts().get(0), where + "the box's first line is its name");
      if (s instanceof Task t) {
        assertTrue(box.texts().containsAll(Expected.taskLines(t)), where + s.name() + " shows " + Expected.taskLines(t) + ": " + box.texts());
      }
    }

    // every flow on an edge between its two shapes, with what flows in its label
    for (Flow f : want.flows()) {
      assertTrue(pic.edges(f.from(), f.to()).stream().anyMatch(e -> e.label().contains(f.line())),
          where + "an edge " + f.from() + " -> " + f.to() + " labelled '" + f.line() + "' in " + pic.edges());
    }
    // every 'after' drawn, to the step or to a group around it that waits already
    for (Flow a : want.after()) {
      assertTrue(pic.edges().stream().anyMatch(e -> e.from().equals(a.from())
              && (e.to().equals(a.to()) || want.inside(a.to(), e.to()))),
          where + a.to() + " after " + a.from());
    }
    // and nothing else: each edge is a flow or an 'after', each label line a flow's
    for (SvgPicture.Line e : pic.edges()) {
      for (String line : e.label()) {
        assertTrue(want.flows().contains(new Flow(e.from(), e.to(), line)), where + "unexpected '" + line + "' on " + e);
      }
      if (e.kind().equals("after") && e.label().isEmpty()) {
        assertTrue(want.after().contains(new Flow(e.from(), e.to(), null)), where + "unexpected after edge " + e);
      }
      // from the source's border to the target's
      double[] first = e.points().get(0);
      double[] last = e.points().get(e.points().size() - 1);
      assertTrue(pic.rectOf(e.from()).onBorder(first[0], first[1], 1.5), where + e + " starts on " + pic.rectOf(e.from()));
      assertTrue(pic.rectOf(e.to()).onBorder(last[0], last[1], 1.5), where + e + " ends on " + pic.rectOf(e.to()));
    }

    // each group holds exactly its steps, geometrically, and is wide enough for its label
    assertEquals(want.groups().keySet(), pic.groups().keySet(), where + "groups");
    for (Map.Entry<String, Set<String>> g : want.groups().entrySet()) {
      SvgPicture.Rect r = pic.groups().get(g.getKey()).rect();
      Set<String> inside = new LinkedHashSet<>();
      pic.boxes().forEach((name, box) -> {
        if (r.contains(box.rect())) {
          inside.add(name);
        }
      });
      assertEquals(g.getValue(), inside, where + "the boxes inside group " + g.getKey());
      String label = pic.groups().get(g.getKey()).texts().get(0);
      assertTrue(TextWidth.of(label, Sizes.GROUP, true) + Sizes.PAD <= r.width(), where + "group '" + label + "' fits in " + r);
    }
    // no two boxes overlap
    List<SvgPicture.Shape> boxes = new ArrayList<>(pic.boxes().values());
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertFalse(overlap(boxes.get(i).rect(), boxes.get(j).rect()), where + boxes.get(i).name() + " overlaps " + boxes.get(j).name());
      }
    }
    return pic;
  }

  /** Checks Mermaid text against {@code p}. */
  static MermaidPicture mermaid(Pipeline p, String text) {
    Expected want = Expected.of(p);
    MermaidPicture pic = MermaidPicture.parse(text);
    Diagram d = PipelineGraph.diagram(p);
    String where = p.name() + " (mermaid): ";
    assertEquals(names(p.steps()), new TreeSet<>(pic.nodeNames()), where + "nodes");
    for (Step s : p.steps()) {
      List<String> lines = pic.nodes().get(pic.idOf(s.name()));
      assertEquals(s.name(), lines.get(0), where + "first line");
      if (s instanceof Task t) {
        assertTrue(lines.containsAll(Expected.taskLines(t)), where + s.name() + " shows " + Expected.taskLines(t) + ": " + lines);
      }
    }
    java.util.Map<String, String> ids = new java.util.HashMap<>();
    for (Diagram.Shape s : d.allShapes()) {
      ids.put(s.name(), s.id());
    }
    for (Flow f : want.flows()) {
      assertTrue(pic.edges().stream().anyMatch(e -> e.from().equals(ids.get(f.from())) && e.to().equals(ids.get(f.to()))
          && e.label().contains(f.line())), where + "an edge " + f + " in " + pic.edges());
    }
    for (Diagram.Shape s : d.allShapes()) {
      if (s instanceof Diagram.Group g) {
        Set<String> inside = new TreeSet<>();
        for (String id : pic.subgraphs().get(g.id())) {
          inside.add(pic.nodes().get(id).get(0));
        }
        assertEquals(new TreeSet<>(want.groups().get(g.name())), inside, where + "the nodes in subgraph " + g.name());
        assertEquals(g.label(), pic.subgraphLabels().get(g.id()), where + "the label of " + g.name());
      }
    }
    return pic;
  }

  private static Set<String> names(List<Step> steps) {
    Set<String> out = new TreeSet<>();
    steps.forEach(s -> out.add(s.name()));
    return out;
  }

  private static boolean overlap(SvgPicture.Rect a, SvgPicture.Rect b) {
    return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
  }
}
