package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output artifact that a KFP 2 component wrote elsewhere and reported at that place in its executor output
 * ({@code custom_path}, as KFP's Python executor writes it for an artifact given {@code set_path}; {@code customPath}, the
 * protobuf JSON name): the local runner takes the artifact from there, as KFP's launcher uploads it from there, so the task
 * and its consumer see what the component wrote, not an empty file.
 */
class Kfp2CustomPathRunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  /**
   * A component writing {@code content} to {@code custom} and the executor output KFP's Python executor writes for it, its
   * custom path under the field {@code field}; with {@code stale}, it writes that to the artifact's own path too.
   */
  private static ComponentSpec producer(Path custom, String field, String content, String stale) {
    String output = "{\"artifacts\": {\"model\": {\"artifacts\": [{\"name\": \"model\", \"uri\": \"\", \"metadata\": {\"k\": 1}, \""
        + field + "\": \"" + custom + "\"}]}}}";
    return new ComponentSpec("produce", null, null, null, List.of(),
        List.of(new OutputSpec("model", TypeSpec.named("system.Model"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\" \"$(dirname \"$2\")\"; printf %s '" + content + "' > \"$2\"; "
                + (stale == null ? "" : "mkdir -p \"$(dirname \"$3\")\"; printf %s '" + stale + "' > \"$3\"; ")
                + "printf %s \"$1\" > \"$f\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output), new Placeholder.Literal(custom.toString()),
            new Placeholder.OutputPath("model")), null, null), null);
  }

  private static final ComponentSpec CONSUMER = new ComponentSpec("consume", null, null, null,
      List.of(new InputSpec("model", TypeSpec.named("system.Model"), null, null, false)),
      List.of(new OutputSpec("text", TypeSpec.named("String"), null)),
      new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
          new Placeholder.Literal("mkdir -p \"$(dirname \"$1\")\"; cat \"$0\" > \"$1\""),
          new Placeholder.InputPath("model"), new Placeholder.OutputPath("text")), null, null), null);

  private RunResult run(ComponentSpec producer) {
    Pipeline p = new Pipeline("custom-path", null, List.of(), List.of(new Task("produce", producer, Map.of()),
        new Task("consume", CONSUMER, Map.of("model", new Argument.TaskOutput("produce", "model")))), null,
        PipelineSettings.DEFAULTS, null);
    return runner().run(Workflow.parse(Kfp2Writer.write(p), "custom-path.yaml"), Map.of());
  }

  @Test
  void anArtifactWrittenAtItsCustomPathIsTheTasksOutputAndItsConsumersInput() throws Exception {
    RunResult r = run(producer(dir.resolve("elsewhere/model.bin"), "custom_path", "weights", null));
    assertTrue(r.succeeded(), console::toString);
    TaskResult t = r.task("produce").orElseThrow();
    assertEquals("weights", Files.readString(t.artifacts().get("model")), "taken from its custom path, as KFP's launcher uploads it");
    assertEquals(1, ((Number) t.outputArtifacts().get("model").metadata().get("k")).intValue(), "its metadata as reported");
    assertEquals("weights", r.output("consume", "text"));
    assertEquals("weights", Files.readString(dir.resolve("elsewhere/model.bin")), "the component's own file is left as it is");
  }

  @Test
  void theCustomPathWinsOverWhatTheTaskWroteAtTheArtifactsPath() throws Exception {
    // protobuf JSON's name of the field, which KFP's launcher reads too
    RunResult r = run(producer(dir.resolve("elsewhere/model.bin"), "customPath", "weights", "stale"));
    assertTrue(r.succeeded(), console::toString);
    assertEquals("weights", r.output("consume", "text"), "the launcher uploads from the custom path only");
  }

  @Test
  void aCustomPathThatCannotBeCopiedToTheArtifactFailsTheTaskSayingWhy() throws Exception {
    Path custom = dir.resolve("elsewhere/model.bin");
    String output = "{\"artifacts\": {\"model\": {\"artifacts\": [{\"name\": \"model\", \"uri\": \"\", \"customPath\": \""
        + custom + "\"}]}}}";
    // the component leaves a file where its artifact's folder was: the artifact cannot be written there
    ComponentSpec producer = new ComponentSpec("produce", null, null, null, List.of(),
        List.of(new OutputSpec("model", TypeSpec.named("system.Model"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\" \"$(dirname \"$2\")\"; printf weights > \"$2\"; d=$(dirname \"$3\"); "
                + "rm -rf \"$d\"; printf x > \"$d\"; printf %s \"$1\" > \"$f\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output), new Placeholder.Literal(custom.toString()),
            new Placeholder.OutputPath("model")), null, null), null);
    RunResult r = run(producer);
    assertFalse(r.succeeded());
    TaskResult t = r.task("produce").orElseThrow();
    assertTrue(t.message().contains("cannot complete the outputs from ") && t.message().endsWith(" is a file, not a folder"),
        t.message());
  }

  /**
   * A component writing {@code own} at its artifact's path and {@code moved} at {@code elsewhere}, whose executor output gives
   * the artifact the URI {@code uri}, as KFP's Python {@code model.path = ...} does.
   */
  private static ComponentSpec movedBy(String uri, Path elsewhere) {
    String output = "{\"artifacts\": {\"model\": {\"artifacts\": [{\"name\": \"model\", \"uri\": \"" + uri
        + "\", \"metadata\": {}}]}}}";
    return new ComponentSpec("produce", null, null, null, List.of(),
        List.of(new OutputSpec("model", TypeSpec.named("system.Model"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\" \"$(dirname \"$2\")\" \"$(dirname \"$3\")\"; printf moved > \"$2\"; "
                + "printf own > \"$3\"; printf %s \"$1\" > \"$f\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output), new Placeholder.Literal(elsewhere.toString()),
            new Placeholder.OutputPath("model")), null, null), null);
  }

  @Test
  void anArtifactGivenAnotherUriIsTakenFromThatUrisPath() throws Exception {
    // KFP's Python `model.path = '/elsewhere/model.bin'` sets the URI, which the launcher merges and uploads from
    Path elsewhere = dir.resolve("moved/model.bin");
    RunResult r = run(movedBy(elsewhere.toString(), elsewhere));
    assertTrue(r.succeeded(), console::toString);
    assertEquals("moved", r.output("consume", "text"), "what the task wrote where its URI now points");
  }

  @Test
  void aFileUriIsReadAsTheEntrypointReadsItPercentEncodingDecoded() throws Exception {
    Path elsewhere = dir.resolve("moved here/model #1.bin");
    String uri = elsewhere.toUri().toString();
    assertTrue(uri.startsWith("file:///") && uri.contains("moved%20here/model%20%231.bin"), uri);
    RunResult r = run(movedBy(uri, elsewhere));
    assertTrue(r.succeeded(), console::toString);
    assertEquals("moved", r.output("consume", "text"), "taken from the file the URI names");
  }

  /**
   * A URI that is no place on this machine leaves the artifact as the task wrote it at its own path: a bucket's (KFP's
   * launcher would upload from its mount, {@code /gcs/...} in the pod, which is not here), a relative path and a {@code file:}
   * URI with a host (no place the runner gives), a {@code file:} URI of a relative path.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gs://bucket/model.bin", "s3://bucket/model.bin", "minio://mlpipeline/model.bin", "moved/model.bin",
      "file://host/moved/model.bin", "file:moved/model.bin"})
  void aUriThatIsNoPlaceHereLeavesTheArtifactAsTheTaskWroteIt(String uri) throws Exception {
    RunResult r = run(movedBy(uri, dir.resolve("moved/model.bin")));
    assertTrue(r.succeeded(), console::toString);
    assertEquals("own", r.output("consume", "text"));
  }

  @Test
  void aCustomPathThatIsAFolderIsCopiedWithWhatItHolds() throws Exception {
    Path folder = dir.resolve("saved");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/part"), "p1");
    Path artifact = artifactSavedAt(folder);
    assertEquals("p1", Files.readString(artifact.resolve("sub/part")));
    assertEquals("p1", Files.readString(folder.resolve("sub/part")), "the source is left as it is");
  }

  @Test
  void aCustomPathThatIsALinkToAFolderIsCopiedWithWhatTheFolderHolds() throws Exception {
    Path folder = dir.resolve("store/v1");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/part"), "p1");
    Path shared = Files.createDirectories(dir.resolve("store/shared"));
    Files.writeString(shared.resolve("vocab"), "v");
    Files.createSymbolicLink(folder.resolve("shared"), shared);
    Path artifact = artifactSavedAt(Files.createSymbolicLink(dir.resolve("latest"), folder)); // as a library keeps "latest"
    assertFalse(Files.isSymbolicLink(artifact), "a copy, not a link to the task's place");
    assertEquals("p1", Files.readString(artifact.resolve("sub/part")), "not an empty folder");
    assertEquals("v", Files.readString(artifact.resolve("shared/vocab")), "a link inside it is copied as what it points to");
  }

  /** The artifact of a task whose executor output says it saved its artifact {@code model} at {@code place}. */
  private Path artifactSavedAt(Path place) {
    String output = "{\"artifacts\": {\"model\": {\"artifacts\": [{\"name\": \"model\", \"metadata\": {}, \"custom_path\": \""
        + place + "\"}]}}}";
    ComponentSpec producer = new ComponentSpec("produce", null, null, null, List.of(),
        List.of(new OutputSpec("model", TypeSpec.named("system.Model"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\"; printf %s \"$1\" > \"$f\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output)), null, null), null);
    Pipeline p = new Pipeline("custom-folder", null, List.of(), List.of(new Task("produce", producer, Map.of())), null,
        PipelineSettings.DEFAULTS, null);
    RunResult r = runner().run(Workflow.parse(Kfp2Writer.write(p), "custom-folder.yaml"), Map.of());
    assertTrue(r.succeeded(), console::toString);
    return r.task("produce").orElseThrow().artifacts().get("model");
  }
}
