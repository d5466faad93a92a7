package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component image needs only {@code kfp4j-entrypoint} and the user's classes: the generated
 * entrypoints run in a JVM whose class path holds nothing else (no runtime, no Jackson).
 */
class LeanImageTest {
  @TempDir Path dir;

  /** The examples' classes and the kfp4j-entrypoint classes, and nothing else of the test's class path. */
  private static String leanClassPath() throws IOException {
    List<String> lean = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.endsWith(Path.of("examples", "target", "classes")) || holds(p, "dev/kfp4j/entrypoint/Entrypoint.class")) {
        lean.add(entry);
      }
    }
    assertEquals(2, lean.size(), "the examples' classes and kfp4j-entrypoint: " + lean);
    for (String entry : lean) {
      assertTrue(!holds(Path.of(entry), "dev/kfp4j/local/LocalRunner.class") && !holds(Path.of(entry), "tools/jackson/core/JacksonException.class"),
          entry + " holds only the entrypoint support");
    }
    return String.join(File.pathSeparator, lean);
  }

  private static boolean holds(Path entry, String resource) throws IOException {
    if (Files.isDirectory(entry)) {
      return Files.exists(entry.resolve(resource));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (ZipFile jar = new ZipFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    }
  }

  private int java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", leanClassPath()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertEquals(0, code, out);
    return code;
  }

  @Test
  void addRunsWithTheEntrypointArtifactAlone() throws Exception {
    Path out = dir.resolve("outputs/Output/data");
    java("dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths", out.toString());
    assertEquals("7", Files.readString(out));
  }

  /** KFP 2's executor input, artifacts and the executor output need no Jackson either. */
  @Test
  void theExecutorProtocolRunsWithTheEntrypointArtifactAlone() throws Exception {
    Path data = Files.writeString(dir.resolve("data.csv"), "x,y\n0,2\n0.5,3.5\n");
    String input = """
        {"inputs": {"parameterValues": {"epochs": 50},
                    "artifacts": {"data": {"artifacts": [{"uri": "%s", "type": {"schemaTitle": "system.Dataset"}}]}}},
         "outputs": {"parameters": {"Output": {"outputFile": "%s"}},
                     "artifacts": {"model": {"artifacts": [{"uri": "%s"}]}, "metrics": {"artifacts": [{"uri": "%s"}]}},
                     "outputFile": "%s"}}""".formatted(data.toUri(), dir.resolve("out/Output"), dir.resolve("out/model"),
        dir.resolve("out/metrics"), dir.resolve("out/executor_output.json"));
    java("dev.kfp4j.examples.kfp2.TrainingEntrypoint", "train", "--executor_input", input);
    assertTrue(Files.readString(dir.resolve("out/model")).startsWith("slope "));
    assertTrue(Files.readString(dir.resolve("out/executor_output.json")).contains("\"metrics\": {\"artifacts\": [{\"metadata\": {\"rmse\": "));
  }

  /** JSON inputs and outputs and a record's outputs need no Jackson either. */
  @Test
  void everyTypeRunsWithTheEntrypointArtifactAlone() throws Exception {
    Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
    List<String> args = new ArrayList<>(List.of("dev.kfp4j.examples.AllTypesEntrypoint",
        "all-types", "--s", "s", "--i", "2", "--f", "0.5", "--b", "yes", "--l", "[1, 2]", "--d", "{\"z\": 26}",
        "--data", data.toString(), "--text", data.toString(), "--bin", data.toString(),
        "--model", dir.resolve("out/model").toString(), "--log", dir.resolve("out/log").toString(), "--dd", "{\"b\": 2}",
        "----output-paths"));
    for (String o : List.of("sum", "flag", "items", "obj", "name", "count", "mode")) {
      args.add(dir.resolve("out/" + o).toString());
    }
    java(args.toArray(String[]::new));
    assertEquals("[1, 2, 4]", Files.readString(dir.resolve("out/items")));
    assertEquals("{\"b\": 2, \"z\": 26}", Files.readString(dir.resolve("out/obj")));
    assertEquals("2.5", Files.readString(dir.resolve("out/sum")));
  }
}
