package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one copy of a file or folder that outputs and the local runner's imports are made with. */
class FileTreesTest {
  @TempDir Path dir;

  /** Every path under {@code folder}, relative to it, sorted. */
  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aFileIsCopiedItsParentFoldersMade() throws IOException {
    Path from = Files.writeString(dir.resolve("model.bin"), "weights");
    FileTrees.copy(from, dir.resolve("out/model/data"));
    assertEquals("weights", Files.readString(dir.resolve("out/model/data")));
    assertEquals("weights", Files.readString(from), "the source is left as it is");
  }

  @Test
  void aFolderIsCopiedWithEverythingInItEmptyFoldersToo() throws IOException {
    Path from = Files.createDirectories(dir.resolve("saved/sub/deeper"));
    Files.createDirectories(dir.resolve("saved/empty"));
    Files.writeString(dir.resolve("saved/top"), "t");
    Files.writeString(from.resolve("w"), "w");
    FileTrees.copy(dir.resolve("saved"), dir.resolve("out/data"));
    assertEquals(List.of("empty", "sub", "sub/deeper", "sub/deeper/w", "top"), files(dir.resolve("out/data")));
    assertEquals("w", Files.readString(dir.resolve("out/data/sub/deeper/w")));
  }

  @Test
  void linksAreCopiedAsWhatTheyPointTo() throws IOException {
    Path shards = Files.createDirectories(dir.resolve("store/shards"));
    Files.writeString(shards.resolve("part-0"), "p0");
    Path file = Files.writeString(dir.resolve("store/readme"), "r");
    Path from = Files.createDirectories(dir.resolve("data"));
    Files.createSymbolicLink(from.resolve("shards"), shards);
    Files.createSymbolicLink(from.resolve("readme"), file);
    Path link = Files.createSymbolicLink(dir.resolve("current"), from);
    FileTrees.copy(link, dir.resolve("out"));
    assertEquals(List.of("readme", "shards", "shards/part-0"), files(dir.resolve("out")));
    assertFalse(Files.isSymbolicLink(dir.resolve("out")));
    assertFalse(Files.isSymbolicLink(dir.resolve("out/shards")));
    assertFalse(Files.isSymbolicLink(dir.resolve("out/readme")));
    assertEquals("r", Files.readString(dir.resolve("out/readme")));
  }

  @Test
  void anExistingTargetIsNeitherReplacedNorMergedInto() throws IOException {
    Path from = Files.createDirectories(dir.resolve("saved"));
    Files.writeString(from.resolve("new"), "n");
    Path file = Files.writeString(dir.resolve("file"), "old");
    assertThrows(FileAlreadyExistsException.class, () -> FileTrees.copy(from, file));
    assertEquals("old", Files.readString(file));
    Path folder = Files.createDirectories(dir.resolve("folder"));
    assertThrows(FileAlreadyExistsException.class, () -> FileTrees.copy(from, folder));
    assertEquals(List.of(), files(folder));
  }

  @Test
  void aLinkAtTheTargetIsNotWrittenThrough() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path from = Files.createDirectories(dir.resolve("saved"));
    Files.writeString(from.resolve("w"), "w");
    Path target = Files.createSymbolicLink(Files.createDirectories(dir.resolve("task")).resolve("data"), outside);
    assertThrows(FileAlreadyExistsException.class, () -> FileTrees.copy(from, target));
    assertEquals(List.of(), files(outside));
    Path dangling = Files.createSymbolicLink(dir.resolve("task/dangling"), dir.resolve("nowhere"));
    assertThrows(FileAlreadyExistsException.class, () -> FileTrees.copy(from.resolve("w"), dangling));
    assertFalse(Files.exists(dir.resolve("nowhere")));
  }

  @Test
  void aLinkBackToAFolderThatHoldsItFailsTheCopy() throws IOException {
    Path from = Files.createDirectories(dir.resolve("saved/sub"));
    Files.createSymbolicLink(from.resolve("up"), dir.resolve("saved"));
    assertThrows(FileSystemLoopException.class, () -> FileTrees.copy(dir.resolve("saved"), dir.resolve("out")));
    assertFalse(Files.exists(dir.resolve("out")), "the loop is found before anything is written");
  }

  @Test
  void aFolderCopiedToAPlaceInsideItselfHoldsWhatItHeldBefore() throws IOException {
    Path from = Files.createDirectories(dir.resolve("outputs"));
    Files.writeString(from.resolve("x"), "x");
    FileTrees.copy(from, from.resolve("model/data"));
    assertEquals(List.of("model", "model/data", "model/data/x", "x"), files(from));
  }

  @Test
  void aBrokenLinkFailsTheCopy() throws IOException {
    Path from = Files.createDirectories(dir.resolve("saved"));
    Files.createSymbolicLink(from.resolve("gone"), dir.resolve("nowhere"));
    assertThrows(IOException.class, () -> FileTrees.copy(from, dir.resolve("out")));
    assertTrue(Files.exists(from.resolve("gone"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }
}
