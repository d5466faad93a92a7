package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout at scale and at its edges: long chains, long labels, and text sized the same everywhere. */
class LayoutTest {
  static Task task(String name, Map<String, Argument> arguments) {
    return new Task(name, HostileNamesTest.component("add"), arguments);
  }

  @Test
  void aChainOfAThousandTasksIsDrawnTopToBottom() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(task("add-" + i, i == 0 ? Map.of() : Map.of("in&put", new Argument.TaskOutput("add-" + (i - 1), "Out<put>"))));
    }
    Pipeline p = new Pipeline("chain", null, List.of(), nodes, null, null, null);
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(1000, pic.boxes().size());
    assertEquals(999, pic.edges().size());
    for (int i = 1; i < 1000; i++) {
      SvgPicture.Rect above = pic.boxes().get("add-" + (i - 1)).rect();
      SvgPicture.Rect below = pic.boxes().get("add-" + i).rect();
      assertTrue(above.y() + above.height() < below.y(), "add-" + i + " below add-" + (i - 1));
    }
  }

  @Test
  void aGroupIsAsWideAsItsLabel() {
    String longText = "a value much longer than the task the condition holds, to be read in full";
    Predicate p = new Predicate.Comparison(new Argument.TaskOutput("first", "Out<put>"), Predicate.Operator.NE,
        new Argument.Constant(longText, ParameterType.STRING));
    Pipeline pipeline = new Pipeline("wide", null, List.of(),
        List.of(task("first", Map.of()), new Condition("condition-1", p, List.of(task("x", Map.of())))), null, null, null);
    SvgPicture pic = PictureChecks.svg(pipeline, PipelineGraph.svg(pipeline));
    SvgPicture.Shape group = pic.groups().get("condition-1");
    assertEquals("if first.Out<put> != \"" + longText + "\"", group.texts().get(0));
    assertTrue(group.rect().width() >= TextWidth.of(group.texts().get(0), Sizes.GROUP, true) + 2 * Sizes.PAD, group.toString());
    assertTrue(group.rect().width() > 4 * pic.boxes().get("x").rect().width(), "wider than the box for the label: " + group);
  }

  @Test
  void textIsSizedFromAFixedTable() {
    assertEquals(24, TextWidth.of("add", 13, true)); // (556 + 611 + 611) × 13 / 1000 = 23.1, rounded up
    assertEquals(22, TextWidth.of("add", 13, false)); // (556 + 556 + 556) × 13 / 1000 = 21.7
    assertTrue(TextWidth.of("WWW", 11, false) > 3 * TextWidth.of("i", 11, false) * 3);
    assertEquals(20, TextWidth.of("名前", 10, false)); // CJK: a full em each
    assertEquals(0, TextWidth.of("\u0301", 10, false)); // a combining accent takes no room
  }

  @Test
  void numbersAreWrittenToATenth() {
    assertEquals("12", SvgWriter.num(12.0));
    assertEquals("12.5", SvgWriter.num(12.46));
    assertEquals("50.7", SvgWriter.num(50.666666666666664));
    assertEquals("-3.2", SvgWriter.num(-3.2));
    assertEquals("0", SvgWriter.num(0.04));
  }
}
