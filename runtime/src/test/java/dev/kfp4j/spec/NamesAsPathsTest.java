package dev.kfp4j.spec;

import dev.kfp4j.format.argo.ContainerTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.dsl.ComponentOp;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.TaskResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that would become paths outside their folder ({@code ../../etc/x}, {@code a/b}, {@code
 * ..}) are refused where a spec is read, at their line and field, and no path is ever made of one.
 */
class NamesAsPathsTest {
  @TempDir Path dir;

  private static String spec(String componentName, String inputName, String outputName) {
    return String.join("\n",
        "name: " + componentName,
        "inputs:",
        "- {name: " + inputName + ", type: String}",
        "outputs:",
        "- {name: " + outputName + "}",
        "implementation:",
        "  container:",
        "    image: alpine",
        "    command: [sh, -c, 'mkdir -p \"$(dirname \"$1\")\"; cp \"$0\" \"$1\"', {inputPath: " + inputName + "}, {outputPath: "
            + outputName + "}]",
        "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'../../etc/x'", "a/b", "'..'", "'.'", "'a\\b'", "\"a\\nb\"", "''"})
  void badInputNamesAreRefusedAtTheirLine(String name) {
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.parse(spec("copy", name, "out"), "copy.yaml"));
    assertEquals(3, e.line(), e.getMessage());
    assertEquals("inputs[0].name", e.field());
    assertTrue(e.getMessage().contains("input name '"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be used: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"'../../etc/x'", "a/b", "'..'"})
  void badOutputAndComponentNamesAreRefusedAtTheirLine(String name) {
    SpecException out = assertThrows(SpecException.class, () -> ComponentYaml.parse(spec("copy", "source", name), "copy.yaml"));
    assertEquals("copy.yaml:5:10: outputs[0].name: output name '" + name.replace("'", "") + "' cannot be used: ",
        out.getMessage().substring(0, out.getMessage().indexOf("cannot be used: ") + 16));
    SpecException component = assertThrows(SpecException.class, () -> ComponentYaml.parse(spec(name, "source", "out"), "copy.yaml"));
    assertEquals(1, component.line());
    assertEquals("name", component.field());
  }

  @Test
  void namesKfpAllowsAreKept() {
    ComponentSpec spec = ComponentYaml.parse(spec("Calculate data hash", "'Training data'", "model.pkl"), "hash.yaml");
    assertEquals("Training data", spec.inputs().get(0).name());
    assertEquals("/tmp/inputs/Training data/data", ContainerTemplate.inputPath("Training data"));
    assertEquals("/tmp/outputs/model.pkl/data", ContainerTemplate.outputPath("model.pkl"));
  }

  @Test
  void noContainerPathIsMadeOfABadName() {
    for (String name : List.of("../../etc/x", "..", "a/b", "")) {
      assertThrows(SpecException.class, () -> ContainerTemplate.inputPath(name));
      assertThrows(SpecException.class, () -> ContainerTemplate.outputPath(name));
    }
  }

  /** A graph's inline components are read by the same rules. */
  @Test
  void badNamesInsideAGraphAreRefused() {
    String graph = String.join("\n",
        "name: graph",
        "implementation:",
        "  graph:",
        "    tasks:",
        "      copy:",
        "        componentRef:",
        "          spec:",
        "            name: inner",
        "            inputs: [{name: ../x}]",
        "            implementation: {container: {image: alpine, command: [cat, {inputPath: ../x}]}}",
        "");
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.parse(graph, "graph.yaml"));
    assertEquals("implementation.graph.tasks.copy.componentRef.spec.inputs[0].name", e.field());
  }

  /** ComponentOp writes a caller's content into its runner's root, and nowhere else. */
  @Test
  void componentOpWritesOnlyUnderItsRoot() throws IOException {
    Path root = dir.resolve("runs");
    LocalRunner runner = LocalRunner.builder().root(root).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build();
    assertThrows(SpecException.class, () -> ComponentOp.fromText(spec("copy", "'../../../../escaped'", "out")));
    TaskResult r = ComponentOp.fromText(spec("copy", "source", "out")).run(runner, Map.of("source", "secret content"));
    assertEquals(TaskResult.State.Succeeded, r.state(), r.message());
    assertEquals("secret content", Files.readString(r.artifacts().get("out")));
    assertTrue(r.artifacts().get("out").toAbsolutePath().normalize().startsWith(root.toAbsolutePath()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(root), files.toList(), "nothing written beside the root");
    }
  }
}
