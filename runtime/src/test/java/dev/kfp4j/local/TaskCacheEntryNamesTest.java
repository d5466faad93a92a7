package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** A cache entry whose manifest names a file outside the entry or the task's output folder is damaged (its task fails), and nothing is written there. */
class TaskCacheEntryNamesTest {
  @TempDir Path dir;

  private final String key = "k".repeat(64);

  /** A stored entry of a task with a folder artifact {@code model}, then {@code name} added to its manifest as a file holding "x". */
  private TaskCache entryNaming(String name) throws Exception {
    Path out = Files.createDirectories(dir.resolve("first/model"));
    Files.writeString(out.resolve("weights"), "w");
    TaskCache cache = new TaskCache(dir.resolve("cache"), List.of());
    cache.store(key, Map.of(), Map.of("model", out));
    Path entry = dir.resolve("cache").resolve(key);
    Path stored = entry.resolve(name).normalize(); // inside the entry: only the task's side of the name is wrong
    Files.writeString(Files.createDirectories(stored.getParent()).resolve(stored.getFileName()), "x");
    CRC32C crc = new CRC32C();
    crc.update("x".getBytes(StandardCharsets.UTF_8));
    ObjectNode manifest = (ObjectNode) Yaml.readJson(Files.readString(entry.resolve("manifest.json")));
    ((ObjectNode) manifest.path("files")).putObject(name).put("size", 1).put("crc32c", Long.toHexString(crc.getValue()));
    Files.writeString(entry.resolve("manifest.json"), Yaml.jsonText(manifest));
    return cache;
  }

  @Test
  void aNameWithDotDotIsDamagedAndWritesNothingOutsideTheOutputFolder() throws Exception {
    TaskCache cache = entryNaming("artifacts/model/../../x");
    Path model = dir.resolve("second/task/model");
    assertThrows(TaskCache.Damaged.class, () -> cache.restore(key, Map.of(), Map.of("model", model), java.util.Set.of()));
    assertFalse(Files.exists(dir.resolve("second/x")), "nothing written outside the task's output folder");
    assertFalse(Files.exists(dir.resolve("cache").resolve(key)), "the entry is removed");
  }

  @Test
  void aLinkInTheOutputFolderIsDamagedAndNothingIsWrittenWhereItPoints() throws Exception {
    TaskCache cache = entryNaming("artifacts/model/sub/x");
    Path model = Files.createDirectories(dir.resolve("second/model"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(model.resolve("sub"), elsewhere);
    assertThrows(TaskCache.Damaged.class, () -> cache.restore(key, Map.of(), Map.of("model", model), java.util.Set.of()));
    try (var in = Files.list(elsewhere)) {
      assertEquals(List.of(), in.toList(), "nothing written through the link");
    }
  }

  @Test
  void aWellFormedEntryIsRestored() throws Exception {
    TaskCache cache = entryNaming("artifacts/model/sub/x");
    Path model = dir.resolve("second/model");
    assertTrue(cache.restore(key, Map.of(), Map.of("model", model), java.util.Set.of()));
    assertEquals("w", Files.readString(model.resolve("weights")));
    assertEquals("x", Files.readString(model.resolve("sub/x")));
  }
}
