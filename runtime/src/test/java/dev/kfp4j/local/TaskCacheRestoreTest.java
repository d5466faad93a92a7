package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring a cache entry into a task's folder: a failure to write there (a file in the way) is the run's, not the entry's;
 * only an entry that cannot be read is damaged, thrown and removed.
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
        () -> cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model")), java.util.Set.of()));
    assertEquals(outputs + " is a file, not a folder", FileErrors.why(e));
    assertTrue(Files.isDirectory(dir.resolve("cache").resolve(key)), "the entry is kept");

    Files.delete(outputs);
    assertTrue(cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model")), java.util.Set.of()));
    assertEquals("v", Files.readString(outputs.resolve("out")));
    assertEquals("w", Files.readString(outputs.resolve("model/weights")));
  }

  /** A folder where the artifact folder's file goes: the task's side too, the entry kept. */
  @Test
  void aFolderInTheWayOfAnArtifactsFileKeepsTheEntry() throws Exception {
    TaskCache cache = stored();
    Path model = dir.resolve("second/outputs/model");
    Files.createDirectories(model.resolve("weights/inside"));
    assertThrows(IOException.class, () -> cache.restore(key, Map.of(), Map.of("model", model), java.util.Set.of()));
    assertTrue(Files.isDirectory(dir.resolve("cache").resolve(key)), "the entry is kept");
  }

  /** An entry whose file is gone cannot be read: damaged, thrown saying which file, and removed. */
  @Test
  void anEntryThatCannotBeReadIsRemoved() throws Exception {
    TaskCache cache = stored();
    Path entry = dir.resolve("cache").resolve(key);
    Files.delete(entry.resolve("artifacts/model/weights"));
    Path outputs = dir.resolve("second/outputs");
    TaskCache.Damaged e = assertThrows(TaskCache.Damaged.class,
        () -> cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model")), java.util.Set.of()));
    assertEquals("the cache entry " + entry + " is damaged (" + entry.resolve("artifacts/model/weights") + ": no such file or "
        + "folder); it was removed, and the task runs afresh", e.getMessage());
    assertFalse(Files.exists(entry), "the entry is removed");
  }

  /** An entry's file that cannot be read as it is copied (a folder in its place): the entry's failure, named, removed. */
  @Test
  void anEntrysFileThatFailsAsItIsReadIsTheEntrys() throws Exception {
    TaskCache cache = stored();
    Path stored = dir.resolve("cache").resolve(key).resolve("parameters/out");
    Files.delete(stored);
    Files.createDirectory(stored); // opened as a file; each read fails
    Path outputs = dir.resolve("second/outputs");
    TaskCache.Damaged e = assertThrows(TaskCache.Damaged.class,
        () -> cache.restore(key, Map.of("out", outputs.resolve("out")), Map.of("model", outputs.resolve("model")), java.util.Set.of()));
    assertTrue(e.getMessage().contains(" is damaged (" + stored + ": Is a directory)"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("cache").resolve(key)), "the entry is removed");
  }

  /**
   * A task's file that cannot be written as it is copied (its JVM may write files of 32 KB at most, as a full disk would stop
   * it): the run's failure, naming the file, the entry kept.
   */
  @Test
  void aTasksFileThatFailsAsItIsWrittenIsTheRuns() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroups.supported(), "sh and ulimit: Linux");
    Path value = Files.write(Files.createDirectories(dir.resolve("first")).resolve("big"), new byte[1 << 20]);
    new TaskCache(dir.resolve("cache"), List.of()).store(key, Map.of("out", value), Map.of());
    Path out = dir.resolve("second/outputs/out");
    Path log = dir.resolve("restore.log");
    Process p = Child.start(List.of("sh", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"", Child.java(), "-XX:-UsePerfData", "-cp",
        System.getProperty("java.class.path"), Restore.class.getName(), dir.resolve("cache").toString(), key, out.toString()), log,
        Map.of(), null);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals("failed: " + out + ": File too large\n", Files.readString(log));
    assertTrue(Files.isDirectory(dir.resolve("cache").resolve(key)), "the entry is kept");
  }

  /** Restores entry {@code args[1]} of the cache in {@code args[0]} into value file {@code args[2]}, and says how it went. */
  static final class Restore {
    public static void main(String[] args) {
      try {
        boolean restored = new TaskCache(Path.of(args[0]), List.of()).restore(args[1], Map.of("out", Path.of(args[2])), Map.of(), java.util.Set.of());
        System.out.println(restored ? "restored" : "a miss");
      } catch (TaskCache.Damaged e) {
        System.out.println("damaged: " + e.getMessage());
      } catch (IOException e) {
        System.out.println("failed: " + FileErrors.why(e));
      }
    }
  }
}
