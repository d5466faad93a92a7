package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.KfpResources;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code kfp4j:manifest}, run as Maven runs it: the examples' compiled pipeline as resources of KFP's Kubernetes pipeline store. */
class ManifestMojoTest {
  @TempDir Path dir;

  private ManifestMojo configured() throws Exception {
    ManifestMojo mojo = new ManifestMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.pipeline = "add-example";
    mojo.config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: registry.example.com/calc:2.0\n").toFile();
    mojo.output = dir.resolve("deploy/add-example.yaml").toFile();
    return mojo;
  }

  @Test
  void writesThePipelineAndItsVersion() throws Exception {
    ManifestMojo mojo = configured();
    mojo.versionName = "add-example-v2";
    mojo.includePipeline = true;
    mojo.execute();
    String yaml = Files.readString(mojo.output.toPath());
    KfpResources.assertValid(yaml, "the manifests");
    List<JsonNode> docs = Yaml.readAll(yaml);
    assertEquals(List.of("add-example", "add-example-v2"), docs.stream().map(d -> d.at("/metadata/name").asString()).toList());
  }

  @Test
  void anOutputThatIsAFolderFailsTheBuildNamingTheProperty() throws Exception {
    ManifestMojo mojo = configured();
    mojo.output = Files.createDirectories(dir.resolve("deploy")).toFile();
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("-Dkfp4j.output=" + mojo.output + ": a folder; name the file to write, such as -Dkfp4j.output="
        + mojo.output.toPath().resolve("add-example.yaml")), e.getMessage());
    assertEquals(List.of(), Files.list(dir).filter(p -> p.toString().endsWith(".partial")).toList());
  }

  @Test
  void aNameKubernetesRefusesFailsTheBuildInTheGoalsTerms() throws Exception {
    ManifestMojo mojo = configured();
    mojo.versionName = "V2";
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("the version's name 'V2' is not a name Kubernetes takes"), e.getMessage());
    assertTrue(!Files.exists(mojo.output.toPath()));
  }
}
