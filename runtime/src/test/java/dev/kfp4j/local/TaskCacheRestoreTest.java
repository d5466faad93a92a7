package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring a cache entry into a task's folder: a failure to write there (a file in the way) is the run's, not the entry's;
 * only an entry that cannot be read is damaged and removed.
 */
class TaskCacheRestoreTest {
  @TempDir Path dir;

  private final String key = "k".repeat(64);

  /** A cache with entry {@link #key}: a value {@code out} ("v") and a folder artifact {@code model} (weights "w"). */
  private TaskCache stored() throws Exception {
    Path value = Files.writeString(Files.createDirectories(dir.resolve("first")).resolve("out"), "v");
    Path model = Files.createDirectories(dir.resolve("first/model"));
    Files.writeString(model.resolve("weights"), "w");
    TaskCache cache = new TaskCache(dir.resolve("cache"), List.of());
    cache.store(key, Map.of("out", value), Map.of("model", model));
    return cache;
  }

  /**
   * A file where the task's value goes: the restore threw it as a damaged entry, and deleted the entry. Now it fails naming
   * the file in the way, and the entry is kept and restored once the way is clear.
   */
  @Test
  void aFileInTheWayOfTheTasksOutputsKeepsTheEntry() throws Exception {
    TaskCache cache = stored();
    Path outputs = Files.writeString(Files.createDirectories(dir.resolve("second")).resolve("outputs"), "in the way");
    IOException e = assertThrows(IOException.class,
        () -> cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model"))));
    assertEquals(outputs + " is a file, not a folder", FileErrors.why(e));
    assertTrue(Files.isDirectory(dir.resolve("cache").resolve(key)), "the entry is kept");

    Files.delete(outputs);
    assertTrue(cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model"))));
    assertEquals("v", Files.readString(outputs.resolve("out")));
    assertEquals("w", Files.readString(outputs.resolve("model/weights")));
  }

  /** A folder where the artifact folder's file goes: the task's side too, the entry kept. */
  @Test
  void aFolderInTheWayOfAnArtifactsFileKeepsTheEntry() throws Exception {
    TaskCache cache = stored();
    Path model = dir.resolve("second/outputs/model");
    Files.createDirectories(model.resolve("weights/inside"));
    assertThrows(IOException.class, () -> cache.restore(key, Map.of(), Map.of("model", model)));
    assertTrue(Files.isDirectory(dir.resolve("cache").resolve(key)), "the entry is kept");
  }

  /** An entry whose file is gone cannot be read: damaged, a miss, and removed. */
  @Test
  void anEntryThatCannotBeReadIsRemoved() throws Exception {
    TaskCache cache = stored();
    Files.delete(dir.resolve("cache").resolve(key).resolve("artifacts/model/weights"));
    Path outputs = dir.resolve("second/outputs");
    assertFalse(cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model"))));
    assertFalse(Files.exists(dir.resolve("cache").resolve(key)), "the entry is removed");
  }
}
