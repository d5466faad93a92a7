package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.Containers;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifacts' URIs on command lines ({@code {{$.inputs.artifacts['x'].uri}}}, {@code
 * {{$.outputs.artifacts['y'].uri}}}; KFP v1's {@code {inputUri: x}}, {@code {outputUri: y}}) in the
 * shapes KFP's SDK compiles (an output written at its URI, a URI in a Concat, after a prefix, in an
 * IfPresent of an optional input): read, written back as read and valid as KFP's {@code .proto}
 * messages, run locally with the artifact's path as its URI (as KFP's own local runner gives it),
 * on this machine and in containers; and refused where KFP v1 (Argo) has no URI to give.
 */
class ArtifactUriTest {
  @TempDir Path dir;

  static String spec() {
    return Yaml.resource(ArtifactUriTest.class, "uri/artifact-uris.yaml");
  }

  static ComponentSpec copyByUri() {
    return ComponentYaml.parse(Yaml.resource(ArtifactUriTest.class, "uri/copy_by_uri.component.yaml"), "copy_by_uri.component.yaml");
  }

  @Test
  void theSdksShapesReadAsUriPlaceholders() throws IOException {
    Pipeline p = Kfp2Reader.read(spec(), "artifact-uris.yaml");
    ComponentSpec copy = ((Task) p.allNodes().stream().filter(n -> n.name().equals("copy")).findFirst().orElseThrow()).component();
    assertEquals(List.of(new Placeholder.InputUri("source"),
        new Placeholder.Concat(List.of(new Placeholder.OutputUri("copied"), Placeholder.literal("/part-0")), true),
        new Placeholder.Concat(List.of(Placeholder.literal("dir="), new Placeholder.OutputUri("copied"))),
        new Placeholder.OutputPath("where"), new Placeholder.InputPath("source")), copy.container().args());
    assertTrue(copy.inputIsArtifact("source"));
    assertTrue(copy.outputIsArtifact("copied"));
  }

  @Test
  void writtenAgainTheSpecIsValidAndReadsBackAsWritten() throws IOException {
    Shared.root(Shared.KFP_PROTOS);
    String written = Kfp2Writer.write(Kfp2Reader.read(spec(), "artifact-uris.yaml"));
    Kfp2Schemas.assertValid(written, "artifact-uris.yaml written again");
    // the URIs written back as KFP writes them (in YAML's single quotes)
    assertTrue(written.contains("- '{{$.inputs.artifacts[''source''].uri}}'"), written);
    assertTrue(written.contains("- '{{$.outputs.artifacts[''written''].uri}}'"), written);
    assertTrue(written.contains("\"Concat\": [\"dir=\", \"{{$.outputs.artifacts[''copied''].uri}}\"]"), written);
    assertTrue(written.contains("\"Then\": [\"{{$.inputs.artifacts[''maybe''].uri}}\"]"), written);
    assertEquals(written, Kfp2Writer.write(Kfp2Reader.read(written, "written.yaml")));
  }

  private LocalRunner.Builder runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false);
  }

  @Test
  void locallyAUriIsTheArtifactsPath() throws IOException {
    RunResult r = runner().build().run(Workflow.parse(spec(), "artifact-uris.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    Path copied = r.task("copy").orElseThrow().artifacts().get("copied");
    assertEquals(copied.toString(), r.output("copy", "where"), "the URI is the output's path");
    assertEquals("hello uris", Files.readString(copied.resolve("part-0")));
    assertEquals("hello uris", r.output("show", "shown"));
    assertEquals("absent", r.output("show-2", "shown"), "an optional input left out takes the else branch");
  }

  @Test
  void inContainersAUriIsTheArtifactsContainerPath() throws IOException {
    Engine engine = Engine.require();
    Containers containers = Containers.engine(engine.command().get(0)).withEngineArgs(engine.command().subList(1, engine.command().size()))
        .withImage("alpine:3.20", BaseImages.shell(engine));
    RunResult r = runner().containers(containers).build().run(Workflow.parse(spec(), "artifact-uris.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("/tmp/outputs/copied/data", r.output("copy", "where"));
    assertEquals("hello uris", Files.readString(r.task("copy").orElseThrow().artifacts().get("copied").resolve("part-0")));
    assertEquals("hello uris", r.output("show", "shown"));
    assertEquals("absent", r.output("show-2", "shown"));
  }

  @Test
  void aV1ComponentFileWithUrisWritesBackAsRead() throws IOException {
    String text = Yaml.resource(ArtifactUriTest.class, "uri/copy_by_uri.component.yaml");
    ComponentSpec spec = copyByUri();
    assertEquals(List.of(new Placeholder.InputUri("source"), new Placeholder.OutputUri("copied")),
        spec.container().command().subList(3, 5));
    assertEquals(text, ComponentYaml.write(spec, null));
    assertTrue(spec.inputIsArtifact("source"));
    assertTrue(spec.outputIsArtifact("copied"));
  }

  /** A pipeline of one task copying what another wrote, by URI. */
  static Pipeline copies() throws IOException {
    ComponentSpec write = ComponentYaml.parse("""
        name: write
        outputs:
        - {name: data, type: Dataset}
        implementation:
          container:
            image: alpine:3.20
            command: [sh, -c, 'printf copied > "$0"', {outputPath: data}]
        """, "write.yaml");
    Task first = new Task("write", write, Map.of());
    Task copy = new Task("copy-by-uri", copyByUri(), Map.of("source", new Argument.TaskOutput("write", "data"),
        "note", Argument.Constant.of("n")));
    return new Pipeline("copies", null, List.of(), List.of(first, copy), null, PipelineSettings.DEFAULTS, null);
  }

  @Test
  void aV1ComponentWithUrisRunsInKfp2() throws IOException {
    Shared.root(Shared.KFP_PROTOS);
    String written = Kfp2Writer.write(copies());
    Kfp2Schemas.assertValid(written, "copies.yaml");
    assertTrue(written.contains("- '{{$.inputs.artifacts[''source''].uri}}'"), written);
    assertTrue(written.contains("[\\\"--note=\\\", \\\"{{$.inputs.artifacts[''source''].uri}}\\\"]"), written);
    assertEquals(written, Kfp2Writer.write(Kfp2Reader.read(written, "copies.yaml")));
    RunResult r = runner().build().run(Workflow.parse(written, "copies.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("copied", Files.readString(r.task("copy-by-uri").orElseThrow().artifacts().get("copied")));
  }

  @Test
  void argoHasNoUriToGive() throws IOException {
    SpecException e = assertThrows(SpecException.class, () -> ArgoWriter.write(copies()));
    assertEquals("Copy by uri: its command line uses the URI of input 'source' ({inputUri: source}, KFP 2's "
        + "{{$.inputs.artifacts['source'].uri}}), which only KFP 2 gives; an Argo workflow (KFP v1) passes artifacts as files: "
        + "use {inputPath: source}, or compile the pipeline for KFP 2", e.getMessage());
  }
}
