package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.UiLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp4j:ui}, run as Maven runs it: the local UI over the runs folder, the project's pipelines in its form. */
class UiMojoTest {
  @TempDir
  Path dir;

  /** The goal as Maven configures it for {@code -Dkfp4j.local -Dkfp4j.port=0}: with the descriptor's defaults. */
  private UiMojo mojo() throws Exception {
    UiMojo mojo = (UiMojo) PluginDescriptor.goals().get("ui").configure(Map.of("kfp4j.local", "true", "kfp4j.port", "0"));
    mojo.root = dir.resolve("runs").toFile();
    mojo.classes = GoalsTest.CLASSES;
    return mojo;
  }

  @Test
  void servesTheProjectsPipelinesUntilStopped() throws Exception {
    String pipelines = UiReactorTest.served(mojo(), List.of(dir.resolve("runs"))).pipelines();
    assertTrue(pipelines.contains("{\"name\":\"add-example\",\"parameters\":[{\"name\":\"value1\""), pipelines);
    assertFalse(Files.exists(dir.resolve("runs").resolve(UiLink.FILE)));
  }

  /**
   * In a project not compiled yet (or outside one), the goal serves the runs alone: it names no --classes folder, which the command
   * refuses when it is not there, and leaves that folder off the classpath.
   */
  @Test
  void aProjectNotCompiledNamesNoClassesFolder() throws Exception {
    UiMojo mojo = mojo();
    mojo.classes = dir.resolve("target/classes").toFile();
    mojo.classpath = List.of(mojo.classes.getPath(), GoalsTest.CLASSES.getPath());
    assertEquals(List.of("--local", "--root", mojo.root.getPath(), "--port", "0", "--bind", "127.0.0.1", "--classpath",
        GoalsTest.CLASSES.getPath()), mojo.goalArguments());
    List<String> line = new java.util.ArrayList<>(List.of("ui"));
    line.addAll(mojo.goalArguments());
    assertEquals(null, dev.kfp4j.cli.Kfp4j.parseError(line.toArray(String[]::new)), "a command line the command takes");
    Files.createDirectories(dir.resolve("target/classes"));
    assertEquals(List.of("--local", "--root", mojo.root.getPath(), "--port", "0", "--bind", "127.0.0.1", "--classes",
        mojo.classes.getPath(), "--classpath", mojo.classes.getPath() + java.io.File.pathSeparator + GoalsTest.CLASSES.getPath()),
        mojo.goalArguments());
  }

  @Test
  void anAddressThatIsNotLoopbackIsAConfigurationError() throws Exception {
    UiMojo mojo = mojo();
    mojo.bind = "0.0.0.0";
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("kfp4j:ui failed: the local UI serves on a loopback address only"),
        e.getMessage());
    assertEquals(false, Files.exists(dir.resolve("runs").resolve(UiLink.FILE)));
  }
}
