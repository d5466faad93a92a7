package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Names and values that are markup, quotes or entities are drawn as the text they are, in SVG and in Mermaid. */
class HostileNamesTest {
  static final String SCRIPT = "<script>alert(\"x\")</script>";
  static final String OUTPUT = "Out<put>";
  static final String CONSTANT = "<b>\"hi\" & #35; |x| `y`</b>";

  static ComponentSpec component(String name) {
    return new ComponentSpec(name, null, null, null, List.of(new InputSpec("in&put", null, null, null, false)),
        List.of(new OutputSpec(OUTPUT, null, null)), new ContainerSpec("image", List.of(), List.of(), null, null), null);
  }

  static Pipeline pipeline() {
    Task first = new Task(SCRIPT, component("a & b \"c\" 'd'"), Map.of(), List.of(),
        List.of(new TaskSetting.DisplayName("</text><script>evil()</script>")));
    Task inside = new Task("x]]>y", component("]]><!--"), Map.of("in&put", new Argument.TaskOutput(SCRIPT, OUTPUT)));
    Task looped = new Task("ümlaut-名前", component("c"), Map.of(), List.of(SCRIPT), List.of());
    Predicate p = new Predicate.Comparison(new Argument.TaskOutput(SCRIPT, OUTPUT), Predicate.Operator.EQ,
        new Argument.Constant(CONSTANT, ParameterType.STRING));
    List<Node> nodes = List.of(first, new Condition("c&<>\"", p, List.of(inside)),
        new Loop("l'oop", new Loop.Constants(List.of(Argument.Constant.of("a<b"))), 0, List.of(looped)));
    return new Pipeline("p<svg onload=\"alert(1)\">→", null, List.of(), nodes, null, null, null);
  }

  @Test
  void svgHoldsEveryNameAsText() {
    Pipeline p = pipeline();
    String svg = PipelineGraph.svg(p);
    SvgPicture pic = PictureChecks.svg(p, svg); // every name round-trips through the parser
    assertEquals(p.name(), pic.document().getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
    assertEquals(List.of("if " + SCRIPT + "." + OUTPUT + " == \"<b>\\\"hi\\\" & #35; |x| `y`</b>\""), pic.groups().get("c&<>\"").texts());
    assertEquals(List.of("for each item in [\"a<b\"]"), pic.groups().get("l'oop").texts());
    assertEquals(List.of(SCRIPT, "runs a & b \"c\" 'd'", "“</text><script>evil()</script>”"), pic.boxes().get(SCRIPT).texts());
    assertEquals(List.of(OUTPUT + " → in&put"), pic.edges(SCRIPT, "x]]>y").get(0).label());

    Set<String> drawn = Set.of("svg", "title", "style", "defs", "marker", "path", "rect", "g", "text");
    NodeList all = pic.document().getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      assertTrue(drawn.contains(e.getLocalName()), "only drawing elements, not " + e.getLocalName());
      NamedNodeMap attributes = e.getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        String name = attributes.item(j).getNodeName();
        assertFalse(name.startsWith("on") || name.contains("href"), "no handler or link attribute: " + name);
      }
    }
  }

  @Test
  void mermaidHoldsEveryNameAsText() {
    Pipeline p = pipeline();
    String text = PipelineGraph.mermaid(p);
    MermaidPicture pic = PictureChecks.mermaid(p, text); // no raw quote or markup in a label, every name decodes back
    String body = text.substring(text.indexOf("flowchart TD")); // the title is YAML, which Mermaid shows as text
    assertFalse(body.contains("<script") || body.contains("<b>") || body.contains("<svg"), body);
    assertEquals("title: \"p<svg onload=\\\"alert(1)\\\">\\u2192\"", pic.title()); // YAML, in ASCII
    assertTrue(pic.subgraphLabels().containsValue("if " + SCRIPT + "." + OUTPUT + " == \"<b>\\\"hi\\\" & #35; |x| `y`</b>\""),
        pic.subgraphLabels().toString());
  }

  @Test
  void whatXmlCannotHoldBecomesAReplacementCharacter() {
    Task odd = new Task("bell", component("a\u0007b\uD800c"), Map.of());
    String svg = PipelineGraph.svg(new Pipeline("odd", null, List.of(), List.of(odd), null, null, null));
    assertEquals(List.of("bell", "runs a\uFFFDb\uFFFDc"), SvgPicture.parse(svg).boxes().get("bell").texts());
    assertEquals("a&amp;&lt;&gt;&quot;&#39;&#10;x", Xml.escape("a&<>\"'\nx"));
    assertEquals("&#8594;&#21517;&#128512;", Xml.escape("→名\uD83D\uDE00"));
  }

  @Test
  void picturesAreAsciiWhateverTheNames() {
    Pipeline p = pipeline();
    for (String picture : List.of(PipelineGraph.svg(p), PipelineGraph.mermaid(p))) {
      assertTrue(picture.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)), picture);
    }
    assertTrue(PipelineGraph.mermaid(p).contains("n2[\"#252;mlaut-#21517;#21069;<br>runs c\"]"), PipelineGraph.mermaid(p));
  }
}
