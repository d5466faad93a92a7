package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp4j graph}: which pipeline it draws, in which format, where it writes, and the README's picture. */
class GraphCommandTest {
  static final String CLASSES = "../examples/target/classes";
  static final Path ADD = Path.of(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml");
  /** A pipeline compiled for KFP 2 alone ({@code formats = Format.KFP2}). */
  static final Path KFP2_ONLY = Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/control-flow.yaml");
  /** The README's picture of the add example, made by the command the README shows. */
  static final Path PICTURE = Path.of("../docs/add-example.svg");

  @TempDir
  Path dir;

  @Test
  void drawsACompiledPipelineByNameAsSvg() {
    Cli r = Cli.run("graph", "add-example", "--classes", CLASSES);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), r.toString());
    for (String task : List.of("add", "subtract", "multiply")) {
      assertTrue(r.out().contains("data-name=\"" + task + "\""), task);
    }
    assertTrue(r.out().contains(">Output &#8594; a</text>"), r.out()); // in ASCII, whatever the terminal's encoding
  }

  @Test
  void takesThePipelineAsRunDoesToo() {
    Cli named = Cli.run("graph", "-p", "add-example", "--classes", CLASSES, "--format", "mermaid");
    assertEquals(0, named.code(), named.toString());
    assertEquals(Cli.run("graph", "add-example", "--classes", CLASSES, "--format", "mermaid").out(), named.out());
    Cli both = Cli.run("graph", "add-example", "--pipeline", "add-example-v2", "--classes", CLASSES);
    assertEquals(2, both.code(), both.toString());
    assertTrue(both.err().contains("give the pipeline once: as PIPELINE or with --pipeline, not both"), both.toString());
  }

  @Test
  void drawsAFileOfEitherFormatAsMermaid() throws IOException {
    Path kfp2 = dir.resolve("add.yaml");
    Files.writeString(kfp2, Kfp2Writer.write(ArgoReader.read(Files.readString(ADD), ADD.toString())));
    for (Path file : List.of(ADD, kfp2)) {
      Cli r = Cli.run("graph", file.toString(), "--format", "mermaid");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("---\ntitle: \"add-example\"\n---\nflowchart TD\n"), r.toString());
      assertTrue(r.out().contains(" -->|\"Output #8594; a\"| "), r.toString());
    }
  }

  @Test
  void writesAFileOrEveryPipelineIntoAFolder() throws IOException {
    Path file = dir.resolve("pictures/add.svg");
    Cli one = Cli.run("graph", "add-example", "--classes", CLASSES, "-o", file.toString());
    assertEquals(0, one.code(), one.toString());
    assertEquals("Wrote " + file + "\n", one.out());
    assertEquals(Cli.run("graph", "add-example", "--classes", CLASSES).out(), Files.readString(file));

    Cli all = Cli.run("graph", "--classes", CLASSES, "-o", dir.toString(), "--format", "mermaid");
    assertEquals(0, all.code(), all.toString());
    try (Stream<Path> argo = Files.list(ADD.getParent()); Stream<Path> kfp2 = Files.list(KFP2_ONLY.getParent());
         Stream<Path> written = Files.list(dir)) {
      List<String> want = Stream.concat(argo, kfp2).map(f -> f.getFileName().toString().replace(".yaml", ".mmd")).distinct().sorted()
          .toList();
      assertEquals(want, written.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".mmd")).sorted().toList());
    }
  }

  @Test
  void drawsAPipelineCompiledForKfp2OnlyByName() {
    assertTrue(Files.notExists(ADD.resolveSibling("control-flow.yaml")), "control-flow is compiled for KFP 2 only");
    Cli r = Cli.run("graph", "control-flow", "--classes", CLASSES);
    assertEquals(0, r.code(), r.toString());
    assertEquals(Cli.run("graph", KFP2_ONLY.toString()).out(), r.out());
    assertTrue(r.out().contains("data-name=\"square\""), r.out());
  }

  @Test
  void findsAPipelineOnTheClasspathByName() {
    Cli r = Cli.run("graph", "pipeline-flip-coin", "--classes", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("if flip-coin.Output == &quot;heads&quot;"), r.out());
  }

  @Test
  void aPictureThatCannotBeWrittenIsOneLineNamingWhy() throws IOException {
    Path file = Files.writeString(dir.resolve("pictures"), "a file");
    Cli r = Cli.run("graph", "add-example", "--classes", CLASSES, "-o", file.resolve("add.svg").toString());
    assertEquals(Kfp4j.FAILED, r.code(), r.toString());
    assertEquals("kfp4j: error: cannot read or write " + file + ": " + file + " is a file, not a folder (-v prints where it happened)\n",
        r.err());
    assertEquals("a file", Files.readString(file));
  }

  @Test
  void mistakesAreUsageErrors() throws IOException {
    Cli several = Cli.run("graph", "--classes", CLASSES);
    assertEquals(2, several.code(), several.toString());
    assertTrue(several.err().contains("choose a pipeline: [add-example, add-example-v2,"), several.toString());
    assertTrue(several.err().contains("kfp4j graph [-hvV]"), "the usage line: " + several);
    // -o naming no folder, with several pipelines: said so, not told to give the -o DIR it gave
    Path missing = dir.resolve("pictures");
    Cli noFolder = Cli.run("graph", "--classes", CLASSES, "-o", missing.toString());
    assertEquals(2, noFolder.code(), noFolder.toString());
    assertTrue(noFolder.err().contains(", or draw them all into a folder: -o " + missing + " is not there; make it first"),
        noFolder.toString());
    assertTrue(Files.notExists(missing), noFolder.toString());

    Cli unknown = Cli.run("graph", "add-exmaple", "--classes", CLASSES);
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("no pipeline 'add-exmaple'"), unknown.toString());

    Path component = Files.writeString(dir.resolve("add.component.yaml"), "name: add\nimplementation: {container: {image: x}}\n");
    Cli notAPipeline = Cli.run("graph", component.toString());
    assertEquals(2, notAPipeline.code(), notAPipeline.toString());
    assertTrue(notAPipeline.err().contains("not a compiled pipeline: neither an Argo Workflow"), notAPipeline.toString());

    Cli format = Cli.run("graph", ADD.toString(), "--format", "png");
    assertEquals(2, format.code(), format.toString());
    assertTrue(format.err().contains("expected one of [svg, mermaid]"), format.toString());
    assertEquals(0, Cli.run("graph", "--help").code());
  }

  /**
   * The README's picture is what the command it shows draws now. After an intended change to the
   * pictures, rewrite it with {@code -Dkfp4j.regenerateGoldens=true} and look at it.
   */
  @Test
  void theReadmePictureIsUpToDate() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher m = Pattern.compile("\\./kfp4j (graph add-example --classes (\\S+) -o docs/add-example\\.svg)").matcher(readme);
    assertTrue(m.find(), "the README shows the command that draws its picture");
    assertTrue(readme.contains("![The add example: add and subtract feed multiply](docs/add-example.svg)"), "the README shows it");
    Cli r = Cli.run("graph", "add-example", "--classes", "../" + m.group(2));
    assertEquals(0, r.code(), r.toString());
    if (Boolean.getBoolean("kfp4j.regenerateGoldens")) {
      Files.writeString(PICTURE, r.out());
    }
    assertEquals(r.out(), Files.readString(PICTURE), "docs/add-example.svg is stale; rewrite it: ./kfp4j " + m.group(1)
        + " (or run this test with -Dkfp4j.regenerateGoldens=true)");
  }
}
