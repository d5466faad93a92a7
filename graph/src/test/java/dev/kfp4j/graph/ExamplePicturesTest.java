package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The pictures of every example pipeline, as the examples module compiled them (Argo workflows),
 * and of the same pipelines written as KFP 2 pipeline specs: read back from the file as {@code
 * kfp4j graph} reads it, drawn, parsed, and checked for every step, flow, {@code after} and group;
 * and the examples compiled for KFP 2 as a local run keeps them, drawn as from their files.
 */
class ExamplePicturesTest {
  static final Path PIPELINES = Path.of("../examples/target/classes/META-INF/kfp4j/pipelines");

  /** The examples compiled for KFP 2, some for KFP 2 only. */
  static final Path KFP2_PIPELINES = PIPELINES.resolveSibling("kfp2").resolve("pipelines");

  static Stream<String> examples() throws IOException {
    return yamlFiles(PIPELINES);
  }

  static Stream<String> kfp2Examples() throws IOException {
    return yamlFiles(KFP2_PIPELINES);
  }

  private static Stream<String> yamlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
      assertTrue(names.size() >= 10, "the examples module's pipelines, built: " + names);
      return names.stream();
    }
  }

  static String argo(String file) throws IOException {
    return Files.readString(PIPELINES.resolve(file));
  }

  /**
   * The example as KFP 2 writes it, its run settings left out (KFP 2 has no pod GC, and they draw
   * nothing); none for a pipeline with a Kubernetes resource step, which KFP 2 has no word for.
   */
  static String kfp2(String file) throws IOException {
    Pipeline p = ArgoReader.read(argo(file), file).withSettings(PipelineSettings.DEFAULTS);
    Assumptions.assumeFalse(p.steps().stream().anyMatch(s -> s instanceof ResourceStep), file + ": KFP 2 has no resource steps");
    return Kfp2Writer.write(p);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void argoWorkflowsAreDrawn(String file) throws IOException {
    Pipeline p = PipelineGraph.read(argo(file), file);
    PictureChecks.svg(p, PipelineGraph.svg(p));
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void kfp2SpecsAreDrawn(String file) throws IOException {
    String spec = kfp2(file);
    assertTrue(spec.contains("pipelineInfo:"), "a KFP 2 spec");
    Pipeline p = PipelineGraph.read(spec, file);
    PictureChecks.svg(p, PipelineGraph.svg(p));
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  /**
   * A KFP 2 pipeline as a local run keeps it ({@code workflow.json}: the spec, and its platform
   * spec, if any, in one JSON object as KFP's API holds them) reads as the pipeline of its file, the
   * Kubernetes settings of its platform spec too, and draws the same picture.
   */
  @ParameterizedTest
  @MethodSource("kfp2Examples")
  void kfp2SpecsAsALocalRunKeepsThemAreDrawnAsTheirFiles(String file) throws IOException {
    String yaml = Files.readString(KFP2_PIPELINES.resolve(file));
    List<JsonNode> docs = Yaml.readAll(yaml);
    String json = Yaml.jsonText(Kfp2Reader.oneObject(docs.get(0), docs.size() > 1 ? docs.get(1) : null));
    assertEquals(docs.size() > 1, json.startsWith("{\"pipeline_spec\":"), json);
    Pipeline p = PipelineGraph.read(yaml, file);
    Pipeline kept = PipelineGraph.read(json, "workflow.json");
    assertEquals(new Pipeline(p.name(), p.description(), p.parameters(), p.nodes(), p.exitTask(), p.settings(), null, p.outputs(),
        p.exitPipeline(), p.exitHandlerName(), p.outputDescriptions()), kept,
        "the same pipeline, but for the source its file's header names");
    assertEquals(PipelineGraph.svg(p), PipelineGraph.svg(kept), file);
    // the forms only KFP 2 has, a loop's collected outputs and a branch output, are drawn as flows too
    PictureChecks.svg(p, PipelineGraph.svg(p));
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
    if (file.equals("volume.yaml")) {
      SvgPicture volume = SvgPicture.parse(PipelineGraph.svg(kept));
      assertTrue(volume.boxes().get("echo").texts().contains("mounts my-pvc at /mnt"), volume.boxes().get("echo").texts().toString());
    }
  }

  @Test
  void conditionsAreWrittenAsInJava() throws IOException {
    SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("pipeline-flip-coin.yaml"), "flip")));
    assertEquals(List.of("if flip-coin.Output == \"heads\""), pic.groups().get("condition-1").texts());
    assertEquals(List.of("if flip-coin-2.Output == \"tails\""), pic.groups().get("condition-2").texts());
    // condition-2 is drawn inside condition-1
    assertTrue(pic.groups().get("condition-1").rect().contains(pic.groups().get("condition-2").rect()));
    assertEquals(List.of("Output → msg"), pic.edges("flip-coin-2", "echo").get(0).label());
    assertEquals("value", pic.edges("flip-coin-2", "echo").get(0).kind());
  }

  @Test
  void loopsShowTheirItemsAndParallelism() throws IOException {
    SvgPicture items = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("withitem-basic.yaml"), "w")));
    assertEquals("for each item in [{\"a\":1,\"b\":2}, {\"a\":10,\"b\":20}]",
        items.groups().values().iterator().next().texts().get(0));
    SvgPicture output = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("withparam-output.yaml"), "w")));
    assertEquals("for each item in range.Output, 2 at a time", output.groups().values().iterator().next().texts().get(0));
    SvgPicture global = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("withparam-global.yaml"), "w")));
    assertEquals("for each item in params.loopParameter", global.groups().values().iterator().next().texts().get(0));
  }

  @Test
  void filesAreDrawnApartFromValues() throws IOException {
    SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("mixed-java-python.yaml"), "m")));
    assertEquals("file", pic.edges("write-text", "hash-file").get(0).kind());
    assertEquals("value", pic.edges("add", "add-2").get(0).kind());
    MermaidPicture text = MermaidPicture.parse(PipelineGraph.mermaid(PipelineGraph.read(argo("mixed-java-python.yaml"), "m")));
    assertTrue(text.edges().stream().anyMatch(e -> e.kind().equals("==>") && e.label().equals(List.of("out → Data"))), text.edges().toString());
    assertTrue(text.edges().stream().anyMatch(e -> e.kind().equals("-->") && e.label().equals(List.of("Output → a"))));
  }

  @Test
  void afterEdgesAreDashedAndTheExitHandlerIsAGroup() throws IOException {
    SvgPicture settings = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("task-settings.yaml"), "s")));
    assertEquals("after", settings.edges("add", "subtract").get(0).kind());
    assertTrue(settings.document().getDocumentElement().getTextContent().contains(".after>path{stroke-dasharray"));
    assertTrue(settings.boxes().get("add").texts().contains("“add with retries”"), "the display name");

    SvgPicture exit = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("exit-handler.yaml"), "e")));
    assertTrue(exit.boxes().get("echo").classes().contains("exit"));
    assertEquals(List.of("on exit"), exit.edges("exit-handler", "echo").get(0).label());
    assertFalse(exit.groups().get("exit-handler").rect().contains(exit.boxes().get("echo").rect()));
  }

  @Test
  void eachOfSeveralExitHandlersIsAGroupItsExitTaskWaitsFor() throws IOException {
    String beside = Files.readString(KFP2_PIPELINES.resolve("exit-handler-beside-tasks.yaml"));
    SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(beside, "b")));
    // the handler's group, shown with its own name; its exit task outside it, after its tasks; the task beside it apart
    assertTrue(pic.groups().get("exit-handler-1").texts().contains("exit handler \"notify\""), pic.groups().toString());
    assertTrue(pic.groups().get("exit-handler-1").rect().contains(pic.boxes().get("fail-op").rect()));
    assertFalse(pic.groups().get("exit-handler-1").rect().contains(pic.boxes().get("get-run-state").rect()));
    assertFalse(pic.groups().get("exit-handler-1").rect().contains(pic.boxes().get("print-op-3").rect()));
  }

  @Test
  void volumesAndResourcesAreStepsOfTheirOwn() throws IOException {
    SvgPicture volume = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("volumeop-basic.yaml"), "v")));
    assertEquals(List.of("my-pvc", "volume my-pvc", "params.size, ReadWriteMany", "deleted when its mounts end"),
        volume.boxes().get("my-pvc").texts());
    assertEquals("file", volume.edges("my-pvc", "echo").get(0).kind());
    SvgPicture resource = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("resourceop-basic.yaml"), "r")));
    assertEquals(List.of("create-job", "create Job"), resource.boxes().get("create-job").texts());
    assertTrue(resource.boxes().get("create-job").classes().contains("resource"));
  }

  @Test
  void theSamePipelineGivesTheSameBytes() throws IOException {
    for (String file : examples().toList()) {
      Pipeline p = PipelineGraph.read(argo(file), file);
      assertEquals(PipelineGraph.svg(p), PipelineGraph.svg(PipelineGraph.read(argo(file), file)), file);
      assertEquals(PipelineGraph.mermaid(p), PipelineGraph.mermaid(p), file);
    }
  }

  /**
   * Each box inside groups lists their ids in {@code data-group}, outermost first, and no other: the groups drawn around it.
   * The local UI greys the boxes of a skipped group by it; it worked that out from the rectangles before.
   */
  @Test
  void eachBoxNamesTheGroupsDrawnAroundIt() throws IOException {
    SvgPicture flip = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo("pipeline-flip-coin.yaml"), "flip")));
    String outer = flip.groups().get("condition-1").id();
    String inner = flip.groups().get("condition-2").id();
    assertEquals(outer + " " + inner, groupsOf(flip).get(flip.boxes().get("echo").id()), groupsOf(flip).toString());
    int inGroups = 0;
    for (String file : examples().toList()) {
      SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(argo(file), file)));
      java.util.Map<String, String> listed = groupsOf(pic);
      for (SvgPicture.Shape box : pic.boxes().values()) {
        List<String> around = pic.groups().values().stream().filter(g -> g.rect().contains(box.rect()))
            .sorted(java.util.Comparator.comparingDouble(g -> -g.rect().width() * g.rect().height())).map(SvgPicture.Shape::id).toList();
        assertEquals(around.isEmpty() ? null : String.join(" ", around), listed.get(box.id()), file + ": " + box.name());
        inGroups += around.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(inGroups > 10, "boxes in groups: " + inGroups);
  }

  /** Each box's {@code data-group}, by the box's id; none for a box in no group. */
  private static java.util.Map<String, String> groupsOf(SvgPicture pic) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    org.w3c.dom.NodeList gs = pic.document().getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      org.w3c.dom.Element g = (org.w3c.dom.Element) gs.item(i);
      if (g.getAttribute("class").startsWith("box ") && g.hasAttribute("data-group")) {
        out.put(g.getAttribute("id"), g.getAttribute("data-group"));
      }
    }
    return out;
  }
}
