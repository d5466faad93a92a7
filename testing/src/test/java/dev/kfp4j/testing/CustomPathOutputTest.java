package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.entrypoint.Entrypoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor output of a Java component that gave an output artifact a custom path ({@code setCustomPath}) is what KFP's
 * launcher reads: it parses strictly as {@code ml_pipelines.ExecutorOutput} of KFP's {@code .proto}, its artifact's {@code
 * custom_path} the place the method wrote, from where the launcher uploads the artifact ({@code mergeRuntimeArtifacts}, then
 * {@code retrieveArtifactPath}).
 */
class CustomPathOutputTest {
  @TempDir Path dir;

  /** The component: saves its model where a library of its own would, beside the task's folders. */
  public static void save(Model model) throws IOException {
    model.setCustomPath(Path.of(model.uri()).resolveSibling("saved").resolve("model.bin")); // a plain path here, as kfp.local writes URIs
    Files.createDirectories(model.path().getParent());
    Files.writeString(model.path(), "weights");
  }

  @Test
  void theCustomPathIsInAnExecutorOutputKfpsLauncherReads() throws IOException {
    Shared.root(Shared.KFP_PROTOS);
    Path outputs = dir.resolve("minio/task");
    String input = """
        {"inputs": {}, "outputs": {"artifacts": {"model": {"artifacts": [{"name": "model", "uri": "%s",
          "type": {"schemaTitle": "system.Model", "schemaVersion": "0.0.1"}}]}}, "outputFile": "%s"}}
        """.formatted(outputs.resolve("model"), outputs.resolve("output_metadata.json"));
    Kfp2Schemas.parse(Kfp2Schemas.EXECUTOR_INPUT, input);
    int code = Entrypoint.run("Test", new String[] {"save", "--executor_input", input}, CustomPathOutputTest.class,
        "save save(dev.kfp4j.artifacts.Model) model:outputArtifact ->");
    assertEquals(0, code);

    Message out = Kfp2Schemas.parse(Kfp2Schemas.EXECUTOR_OUTPUT, Files.readString(outputs.resolve("output_metadata.json")));
    Message list = (Message) ((List<?>) field(out, "artifacts")).get(0); // the map entry "model"
    assertEquals("model", field(list, "key"));
    Message artifact = (Message) ((List<?>) field((Message) field(list, "value"), "artifacts")).get(0);
    Path saved = outputs.resolve("saved/model.bin");
    assertEquals(saved.toString(), field(artifact, "custom_path"));
    assertEquals(outputs.resolve("model").toString(), field(artifact, "uri"), "the URI the launcher uploads it to, unchanged");
    assertEquals("weights", Files.readString(saved));
    assertEquals(List.of("output_metadata.json", "saved"), Files.list(outputs).map(p -> p.getFileName().toString()).sorted().toList(),
        "nothing at the artifact's own path, no staging folder left");
  }

  private static Object field(Message m, String name) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return m.getField(f);
  }
}
