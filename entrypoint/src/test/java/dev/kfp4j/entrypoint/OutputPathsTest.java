package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output paths name files: one that names a folder is a usage error before the component runs, and
 * no folder is ever deleted, replaced or emptied on the caller's behalf. Every path here is inside
 * a temporary folder; relative ones run in a JVM whose working folder is one ({@link Run#inFolder}).
 */
class OutputPathsTest {
  @TempDir Path dir;

  private final AtomicInteger calls = new AtomicInteger();

  private static final Signature MODEL = new Signature("model", "Writes a model.").value("text").outputPath("model");

  private final Entrypoint.Handler handler = in -> {
    calls.incrementAndGet();
    if (in.component().equals("add")) {
      in.output("Output", in.intValue("a") + in.intValue("b"));
    } else {
      Files.writeString(in.outputPath("model"), in.string("text"));
    }
  };

  private Run add(Path outputPath) {
    assertTrue(outputPath.isAbsolute() && outputPath.startsWith(dir), "tests only write inside their temporary folder");
    return Run.of(handler, Run.AddMain.ADD, "add", "--a", "3", "--b", "4", "----output-paths", outputPath.toString());
  }

  /** A folder holding a file, to show that nothing in it is touched. */
  private Path folderWithData(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("inner"));
    Files.writeString(folder.resolve("inner/keep.txt"), "precious");
    return folder;
  }

  private static void assertIntact(Path folder) throws IOException {
    assertTrue(Files.isDirectory(folder), folder + " is still a folder");
    assertEquals("precious", Files.readString(folder.resolve("inner/keep.txt")));
    try (Stream<Path> files = Files.walk(folder)) {
      assertEquals(3, files.count(), "nothing added to " + folder + " (no staging file left)");
    }
  }

  @Test
  void aFolderGivenAsAReturnedOutputIsAUsageErrorAndIsLeftAsItIs() throws IOException {
    Path folder = folderWithData(dir.resolve("somedir"));
    Run r = add(folder);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("usage: Test add [-h] --a A --b B ----output-paths OUTPUT"), r.err());
    assertTrue(r.err().contains("error: argument ----output-paths: '" + folder + "' is a folder; give the path of a file"),
        r.err());
    assertEquals(0, calls.get(), "the component did not run");
    assertIntact(folder);
  }

  @Test
  void aFolderGivenAsAnOutputPathFlagIsAUsageErrorAndIsLeftAsItIs() throws IOException {
    Path folder = folderWithData(dir.resolve("somedir"));
    Run r = Run.of(handler, MODEL, "model", "--text", "weights", "--model", folder.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("usage: Test model [-h] --text TEXT --model MODEL"), r.err());
    assertTrue(r.err().contains("error: argument --model: '" + folder + "' is a folder"), r.err());
    assertEquals(0, calls.get());
    assertIntact(folder);
  }

  /**
   * {@code .} is the working folder, {@code ..} its parent, and a trailing slash names a folder
   * too: each is refused, and the working folder, its parent and what they hold are left as they are.
   */
  @ParameterizedTest
  @ValueSource(strings = {".", "..", "", "./", "not-yet/", "inner/..", "../cwd"})
  void relativePathsThatNameAFolderAreUsageErrors(String path) throws Exception {
    Path parent = folderWithData(dir.resolve("parent"));
    Path cwd = folderWithData(parent.resolve("cwd"));
    Run r = Run.inFolder(cwd, "add", "--a", "3", "--b", "4", "----output-paths", path);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("error: argument ----output-paths: '" + path + "' is a folder"), r.err());
    assertIntact(cwd);
    assertEquals("precious", Files.readString(parent.resolve("inner/keep.txt")));
    try (Stream<Path> files = Files.list(parent)) {
      assertEquals(2, files.count(), "nothing added to the parent");
    }
  }

  @Test
  void aRelativeFilePathIsWrittenInTheWorkingFolder() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("cwd"));
    Run r = Run.inFolder(cwd, "add", "--a", "3", "--b", "4", "----output-paths", "out/data");
    assertEquals(0, r.code(), r.err());
    assertEquals("7", Files.readString(cwd.resolve("out/data")));
  }

  @Test
  void aParentThatIsAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Run r = add(file.resolve("out/data"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'" + file.resolve("out/data") + "' cannot be written: " + file + " is a file, not a folder"),
        r.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void anExistingFileIsReplacedWhole() throws IOException {
    Path out = Files.writeString(dir.resolve("Output"), "old content, longer than the new one");
    Run r = add(out);
    assertEquals(0, r.code(), r.err());
    assertEquals("7", Files.readString(out));
    assertEquals(List.of(out), list(dir));
  }

  @Test
  void aFolderMadeAtTheTargetWhileTheComponentRanIsLeftAsItIsAndNothingIsWritten() throws IOException {
    Path out = dir.resolve("outputs/Output/data");
    Entrypoint.Handler makesTheFolder = in -> {
      folderWithData(out);
      in.output("Output", 7);
    };
    Run r = Run.of(makesTheFolder, Run.AddMain.ADD, "add", "--a", "3", "--b", "4", "----output-paths", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("the output path " + out + " is a folder; no output was written"), r.err());
    assertIntact(out);
    assertEquals(List.of(out), list(out.getParent()), "no staging file left beside it");
  }

  @Test
  void outputsThatCannotBeWrittenAfterTheMethodReturnedAreOneLineAndLeaveNothing() throws IOException {
    Path out = dir.resolve("outputs/Output/data");
    Entrypoint.Handler blocksItsOutput = in -> {
      Files.writeString(dir.resolve("outputs"), "a file where the output's folder goes");
      in.output("Output", 7);
    };
    Run r = Run.of(blocksItsOutput, Run.AddMain.ADD, "add", "--a", "3", "--b", "4", "----output-paths", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("Test add: error: cannot write the outputs of component 'add' ("), r.err());
    assertTrue(r.err().endsWith("); no output was written\n") && r.err().lines().count() == 1, "one line, no stack trace: " + r.err());
    assertEquals("a file where the output's folder goes", Files.readString(dir.resolve("outputs")));
    assertEquals(List.of(dir.resolve("outputs")), list(dir));
  }

  @Test
  void aFolderWrittenAtAnOutputPathIsMovedIntoPlace() throws IOException {
    Signature dirModel = new Signature("model", "").outputPath("model");
    Entrypoint.Handler writesAFolder = in -> {
      Path model = Files.createDirectories(in.outputPath("model"));
      Files.writeString(model.resolve("weights.bin"), "w");
    };
    Path target = dir.resolve("outputs/model/data");
    Run r = Run.of(writesAFolder, dirModel, "model", "--model", target.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("w", Files.readString(target.resolve("weights.bin")));
    assertEquals(List.of(target), list(target.getParent()));
  }

  @Test
  void aFailingComponentLeavesNoOutputAndNoStagingFile() throws IOException {
    Entrypoint.Handler fails = in -> {
      Files.writeString(in.outputPath("model"), "half of it");
      throw new IllegalStateException("failing on purpose");
    };
    Path target = dir.resolve("outputs/model/data");
    Run r = Run.of(fails, MODEL, "model", "--text", "x", "--model", target.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("failing on purpose"), r.err());
    assertFalse(Files.exists(target));
    assertEquals(List.of(), list(target.getParent()));
  }

  @Test
  void aFailingComponentsFolderTreeIsRemovedButNotWhatALinkInItPointsTo() throws IOException {
    Signature dirModel = new Signature("model", "").outputPath("model");
    Path elsewhere = folderWithData(dir.resolve("elsewhere"));
    Entrypoint.Handler fails = in -> {
      Path model = Files.createDirectories(in.outputPath("model").resolve("a/b"));
      Files.writeString(model.resolve("weights.bin"), "w");
      Files.createSymbolicLink(model.resolveSibling("link"), elsewhere);
      throw new IllegalStateException("failing on purpose");
    };
    Path target = dir.resolve("outputs/model/data");
    Run r = Run.of(fails, dirModel, "model", "--model", target.toString());
    assertEquals(1, r.code());
    assertEquals(List.of(), list(target.getParent()), "no output, no staging folder");
    assertIntact(elsewhere);
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
