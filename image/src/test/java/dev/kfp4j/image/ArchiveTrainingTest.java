package dev.kfp4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training that the image's class-data archive is made of, run here as the image build runs it
 * ({@code -XX:DumpLoadedClassList}) on the examples, in a JVM of its own, and the class list
 * {@link ClassDataArchive} makes of what it loaded.
 */
class ArchiveTrainingTest {
  @TempDir Path dir;

  private record Training(int exit, String output, Path loaded) {}

  private Training train(String... pairs) throws IOException, InterruptedException {
    Path loaded = dir.resolve("loaded.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:DumpLoadedClassList=" + loaded, "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
        ArchiveTraining.class.getName()));
    command.addAll(List.of(pairs));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Training(p.waitFor(), output, loaded);
  }

  @Test
  void runsBothProtocolsParsingTheValuesTextFormsAndWhatAStepsEndRuns() throws Exception {
    Training t = train("dev.kfp4j.examples.CalcEntrypoint", "add", "dev.kfp4j.examples.AllTypesEntrypoint", "all-types");
    assertEquals(0, t.exit(), "-h exits 0, KFP v1's unknown flag and KFP 2's unknown input exit 2: " + t.output());
    List<String> classes = ClassDataArchive.classes(t.loaded());
    assertTrue(classes.contains("java/util/ComparableTimSort"), "a JSON object's keys sorted");
    assertTrue(classes.contains("java/util/IdentityHashMap$KeyIterator"), "a thread that wrote files ended");
    assertTrue(classes.stream().anyMatch(c -> c.startsWith("@lambda-proxy java/util/stream/Collectors ")), "a stream collected");
    assertTrue(classes.contains("java/lang/invoke/StringConcatFactory"), "a string concatenated");
    assertFalse(classes.stream().anyMatch(c -> c.contains("dev/kfp4j/image/")), "nothing of the training itself");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(t.loaded()), files.toList(), "the training's files deleted");
    }
  }

  @Test
  void anEntrypointThatDoesNotRunFailsTheTraining() throws Exception {
    Training t = train("dev.kfp4j.examples.CalcEntrypoint", "no-such-component");
    assertEquals(1, t.exit(), t.output());
    assertTrue(t.output().contains("kfp4j: an entrypoint did not run with -h"), t.output());
  }

  @Test
  void theClassListKeepsEachLineOnceWithoutTheTrainingsOwn() throws IOException {
    Path loaded = Files.write(dir.resolve("loaded.txt"), List.of("# a comment", "java/lang/Object", "",
        "dev/kfp4j/image/ArchiveTraining", "@lambda-proxy dev/kfp4j/image/ArchiveTraining run ()Ljava/lang/Runnable;",
        "@lambda-proxy java/util/stream/Collectors get ()Ljava/util/function/Supplier;", "java/lang/Object",
        "dev/kfp4j/examples/Calc"));
    assertEquals(List.of("java/lang/Object", "@lambda-proxy java/util/stream/Collectors get ()Ljava/util/function/Supplier;",
        "dev/kfp4j/examples/Calc"), ClassDataArchive.classes(loaded));
  }
}
