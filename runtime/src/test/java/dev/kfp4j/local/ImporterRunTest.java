package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An importer run locally from a KFP 2 spec: a local file or folder is copied into the run as the
 * importer's output artifact, with its metadata, and its consumer reads the copy; a remote URI
 * and a missing file fail the importer with one line saying what to do.
 */
class ImporterRunTest {
  /** Copies its dataset to {@code copy} and its executor input to {@code seen}. */
  static final ComponentSpec READ = ComponentYaml.parse("""
      name: read
      inputs:
      - {name: dataset, type: Dataset}
      outputs:
      - {name: copy, type: Dataset}
      - {name: seen, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'cp -R "$0" "$1" && printf "%s" "$2" > "$3"', {inputPath: dataset}, {outputPath: copy}, {executorInput: {}},
            {outputPath: seen}]
      """, "read.yaml");

  @TempDir Path dir;

  static Pipeline pipeline(String metadata) {
    ImporterStep importer = new ImporterStep("importer", Map.of(ImporterStep.URI, new Argument.PipelineParameter("data")),
        "system.Dataset", true, metadata, false, List.of(), List.of());
    Task read = new Task("read", READ, Map.of("dataset", new Argument.TaskOutput("importer", ImporterStep.OUTPUT)));
    return new Pipeline("import-data", null, List.of(new Parameter("data", ParameterType.STRING, "gs://bucket/data.csv", null)),
        List.of(importer, read), null, PipelineSettings.DEFAULTS, null);
  }

  private RunResult run(String metadata, String uri) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream(), true))
        .build().run(Workflow.parse(Kfp2Writer.write(pipeline(metadata)), "import-data.yaml"), Map.of("data", uri));
  }

  @Test
  void aLocalFileIsCopiedIntoTheRunWithItsMetadataAndTheSourceIsLeftAsItWas() throws Exception {
    Path source = Files.writeString(dir.resolve("data.csv"), "x,y\n1,2\n");
    RunResult r = run("{\"rows\": 1}", source.toUri().toString());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult importer = r.task("importer").orElseThrow();
    OutputArtifact artifact = importer.outputArtifacts().get(ImporterStep.OUTPUT);
    assertEquals("system.Dataset", artifact.type());
    assertEquals(Map.of("rows", 1), artifact.metadata());
    assertTrue(artifact.path().startsWith(r.runDir()), "a copy in the run's folder: " + artifact.path());
    TaskResult read = r.task("read").orElseThrow();
    assertEquals("x,y\n1,2\n", Files.readString(read.outputArtifacts().get("copy").path()));
    JsonNode given = Yaml.readJson(read.outputs().get("seen")).at("/inputs/artifacts/dataset/artifacts/0");
    assertEquals("{\"rows\":1}", given.path("metadata").toString(), "the consumer is given the importer's metadata");
    assertEquals("x,y\n1,2\n", Files.readString(source), "the source is never written to");
  }

  @Test
  void aFolderIsCopiedWholeAndAPlainAbsolutePathWorksToo() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("shards/inner"));
    Files.writeString(folder.resolve("part-0.csv"), "a\n");
    Files.writeString(dir.resolve("shards/top.txt"), "b\n");
    RunResult r = run(null, dir.resolve("shards").toString());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    Path copy = r.task("read").orElseThrow().outputArtifacts().get("copy").path();
    assertEquals("a\n", Files.readString(copy.resolve("inner/part-0.csv")));
    assertEquals("b\n", Files.readString(copy.resolve("top.txt")));
  }

  @Test
  void aLinkToAFolderAndALinkInItAreCopiedAsWhatTheyPointTo() throws Exception {
    Path shards = Files.createDirectories(dir.resolve("store/shards"));
    Files.writeString(shards.resolve("part-0.csv"), "a\n");
    Path data = Files.createDirectories(dir.resolve("store/v2"));
    Files.writeString(data.resolve("top.txt"), "b\n");
    Files.createSymbolicLink(data.resolve("shards"), shards);
    Path current = Files.createSymbolicLink(dir.resolve("current"), data); // as a dataset's "current version" often is
    RunResult r = run(null, current.toString());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    Path copy = r.task("importer").orElseThrow().outputArtifacts().get(ImporterStep.OUTPUT).path();
    assertEquals("b\n", Files.readString(copy.resolve("top.txt")), "the folder the link points to, not an empty folder");
    assertEquals("a\n", Files.readString(copy.resolve("shards/part-0.csv")));
    assertFalse(Files.isSymbolicLink(copy.resolve("shards")), "a copy, which no task can write the source through");
  }

  @Test
  void anImportNeverReplacesNorMergesIntoWhatIsAtItsOutput() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    Files.writeString(source.resolve("new.csv"), "new\n");
    Path output = Files.createDirectories(dir.resolve("outputs/artifact/data"));
    Files.writeString(output.resolve("old.csv"), "old\n");
    Path executorOutput = dir.resolve("outputs/executor_output.json");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = ImportArtifact.run(new String[] {source.toString(), output.toString(), executorOutput.toString(), "{}"},
        new PrintStream(OutputStream.nullOutputStream(), true), new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(1, code);
    assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("kfp4j: cannot import " + source + ": " + output),
        err::toString);
    try (java.util.stream.Stream<Path> files = Files.list(output)) {
      assertEquals(List.of(output.resolve("old.csv")), files.toList(), "what was there is left as it was, nothing added");
    }
    assertFalse(Files.exists(executorOutput));
  }

  @Test
  void inARunInContainersItCopiesHereAsItHasNoImage() throws Exception {
    Path source = Files.writeString(dir.resolve("data.csv"), "x,y\n");
    ImporterStep importer = new ImporterStep("importer", Map.of(ImporterStep.URI, Argument.Constant.of(source.toString())),
        "system.Dataset", false, null, false, List.of(), List.of());
    Pipeline p = new Pipeline("import-only", null, List.of(), List.of(importer), null, PipelineSettings.DEFAULTS, null);
    // an engine that answers its version and runs nothing: the importer needs none
    Path engine = Files.writeString(dir.resolve("engine.sh"), "#!/bin/sh\necho 'Version: 5.0.0'\n");
    Files.setPosixFilePermissions(engine, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream(), true))
        .containers(Containers.engine(engine.toString()).withEngineArgs(List.of())).build().run(Workflow.parse(Kfp2Writer.write(p), "import-only.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("x,y\n", Files.readString(r.task("importer").orElseThrow().outputArtifacts().get(ImporterStep.OUTPUT).path()));
  }

  @Test
  void metadataNamingValuesOfTheRunIsGivenThemAsKfpsSdkWritesIt() throws Exception {
    Path source = Files.writeString(dir.resolve("data.csv"), "x,y\n");
    ImporterStep importer = new ImporterStep("importer", Map.of(ImporterStep.URI, Argument.Constant.of(source.toString()),
        "metadata", new Argument.PipelineParameter("who")), "system.Dataset", false,
        "{\"name\": [\"{{$.inputs.parameters['metadata']}}\", \"alias\"], \"by-{{$.inputs.parameters['metadata']}}\": 1}", false,
        List.of(), List.of());
    Pipeline p = new Pipeline("dynamic", null, List.of(new Parameter("who", ParameterType.STRING, "ann", null)), List.of(importer), null,
        PipelineSettings.DEFAULTS, null);
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream(), true))
        .build().run(Workflow.parse(Kfp2Writer.write(p), "dynamic.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(Map.of("name", List.of("ann", "alias"), "by-ann", 1),
        r.task("importer").orElseThrow().outputArtifacts().get(ImporterStep.OUTPUT).metadata());
  }

  @Test
  void aRemoteUriFailsTheImporterSayingWhatToDo() {
    RunResult r = run(null, "gs://bucket/data.csv");
    assertFalse(r.succeeded());
    TaskResult importer = r.task("importer").orElseThrow();
    assertEquals(TaskResult.State.Failed, importer.state());
    assertEquals("importer 'importer': the local runner reads only local files, and gs://bucket/data.csv is remote (gs://); run the "
        + "pipeline on a cluster, or pass a local path (file:///abs/path or /abs/path) as pipeline parameter 'data'", importer.message());
    assertEquals(TaskResult.State.Omitted, r.task("read").orElseThrow().state());
  }

  @Test
  void aMissingFileFailsTheImporterNamingIt() {
    Path missing = dir.resolve("nothing-here.csv");
    RunResult r = run(null, missing.toUri().toString());
    TaskResult importer = r.task("importer").orElseThrow();
    assertEquals(TaskResult.State.Failed, importer.state());
    assertEquals("importer 'importer': nothing to import: no file or folder at " + missing + " (URI " + missing.toUri() + ")",
        importer.message());
  }
}
