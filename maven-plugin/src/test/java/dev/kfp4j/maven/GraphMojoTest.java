package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp4j:graph}, run as Maven runs it: every compiled pipeline (either format) into a folder, or one into a file. */
class GraphMojoTest {
  @TempDir
  Path dir;

  private GraphMojo mojo(File output) {
    GraphMojo mojo = new GraphMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.format = "svg";
    mojo.output = output;
    return mojo;
  }

  @Test
  void drawsEveryPipelineIntoAFolderItMakes() throws Exception {
    Path folder = dir.resolve("target/kfp4j-graph");
    mojo(folder.toFile()).execute();
    Path meta = GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j");
    try (Stream<Path> argo = Files.list(meta.resolve("pipelines")); Stream<Path> kfp2 = Files.list(meta.resolve("kfp2/pipelines"));
         Stream<Path> drawn = Files.list(folder)) {
      List<String> want = Stream.concat(argo, kfp2).map(f -> f.getFileName().toString().replace(".yaml", ".svg")).distinct().sorted().toList();
      assertEquals(want, drawn.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.readString(folder.resolve("add-example.svg")).startsWith("<svg xmlns="));
    // compiled for KFP 2 only (formats = KFP2), so it has no Argo workflow to draw from
    assertTrue(Files.notExists(meta.resolve("pipelines/control-flow.yaml")));
    assertTrue(Files.readString(folder.resolve("control-flow.svg")).contains("data-name=\"square\""));
  }

  @Test
  void drawsOnePipelineAsMermaidIntoAFile() throws Exception {
    GraphMojo mojo = mojo(dir.resolve("add.mmd").toFile());
    mojo.pipeline = "add-example";
    mojo.format = "mermaid";
    mojo.execute();
    assertTrue(Files.readString(dir.resolve("add.mmd")).startsWith("---\ntitle: \"add-example\"\n---\nflowchart TD\n"));
  }

  /** An output folder that cannot be made failed as 'kfp4j graph: cannot make the folder X', not as the goal, saying nothing to do. */
  @Test
  void anOutputFolderThatCannotBeMadeIsAConfigurationErrorOfTheGoal() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "a file");
    File output = file.resolve("graphs").toFile();
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo(output)::execute);
    assertEquals("kfp4j:graph failed: cannot make the folder " + output + " (-Dkfp4j.output); name a folder that can be made, or a "
        + "file ending in .svg or .mmd", e.getMessage());
    assertEquals("a file", Files.readString(file));
  }

  @Test
  void anUnknownPipelineIsAConfigurationError() {
    GraphMojo mojo = mojo(dir.toFile());
    mojo.pipeline = "no-such-pipeline";
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("kfp4j:graph failed: no pipeline 'no-such-pipeline'"), e.getMessage());
  }
}
