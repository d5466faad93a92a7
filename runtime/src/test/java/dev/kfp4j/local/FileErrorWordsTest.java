package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner says of a file it cannot read or write, in a task's log, a task's message or a step's own output, is said
 * in words (no such file or folder, permission denied, a file where a folder should be), never as the name of Java's
 * exception ({@code java.nio.file.NoSuchFileException: /x}), nor as the file's name alone.
 */
class FileErrorWordsTest {
  @TempDir Path dir;

  /** A cache folder that cannot be made (a file in its place): the note said {@code java.nio.file.FileAlreadyExistsException: ROOT/.cache}. */
  @Test
  void outputsThatCannotBeCachedAreSaidInWords() throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Path cache = Files.writeString(runs.resolve(".cache"), "in the way");
    String template = "  - name: t\n    container:\n      image: a\n      command: [sh, -c, 'echo hi']\n";
    RunResult r = LocalRunner.builder().root(runs).console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .progress(false).summary(false).build().run(LocalRunnerTest.workflow("cached", "", "      - {name: t, template: t}\n", template), Map.of());
    assertTrue(r.succeeded());
    assertEquals("hi\nkfp4j: its outputs were not cached: " + cache + " is a file, not a folder\n", Files.readString(r.task("t").orElseThrow().log()));
  }

  /** A volume step whose outputs cannot be written: it said the file alone ({@code cannot write its outputs: /x/file}). */
  @Test
  void aVolumeStepsOutputsThatCannotBeWrittenAreSaidInWords() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "in the way");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = MakeClaim.run(new String[] {"c", "1Gi", "ReadWriteOnce", "", file.resolve("name").toString(), dir.resolve("size").toString(),
        dir.resolve("manifest").toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    assertEquals("kfp4j: volume 'c': cannot write its outputs: " + file + " is a file, not a folder\n", err.toString(StandardCharsets.UTF_8));
  }

  /** An importer whose artifact cannot be written: it said the file alone. */
  @Test
  void anImportThatCannotBeWrittenIsSaidInWords() throws Exception {
    Path source = Files.writeString(dir.resolve("source"), "data");
    Path file = Files.writeString(dir.resolve("file"), "in the way");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ImportArtifact.run(new String[] {source.toString(), file.resolve("artifact").toString(), dir.resolve("executor_output.json").toString(),
        "{}"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    assertEquals("kfp4j: cannot import " + source + ": " + file + " is a file, not a folder\n", err.toString(StandardCharsets.UTF_8));
  }

  /** An I/O error unchecked is said as the error it wraps; the file a message names already is not named again. */
  @Test
  void anErrorIsSaidOnceInWords() {
    NoSuchFileException gone = new NoSuchFileException("/x");
    assertEquals("/x: no such file or folder", FileErrors.problem(new java.io.UncheckedIOException(gone)));
    assertEquals("cannot write /x: no such file or folder", FileErrors.problem(FileErrors.unwritten(Path.of("/x"), gone)));
    assertEquals("no such file or folder", FileErrors.why(Path.of("/x"), gone));
    assertEquals("/x: no such file or folder", FileErrors.why(Path.of("/y"), gone));
    assertEquals("java.lang.IllegalStateException: a fault of kfp4j's", FileErrors.problem(new IllegalStateException("a fault of kfp4j's")));
  }
}
