package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's cache key is what it was when the JDK computed it, so the entries of earlier runs still match. */
class TaskCacheKeyTest {
  @TempDir Path dir;

  @Test
  void aKeyIsTheHashOfItsPartsInOrder() throws Exception {
    Path file = Files.write(dir.resolve("in.txt"), "input".getBytes(StandardCharsets.UTF_8));
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Files.writeString(folder.resolve("b.txt"), "bee");
    Files.createDirectories(folder.resolve("a"));
    Files.writeString(folder.resolve("a").resolve("x.txt"), "ex");
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (String part : List.of("image:1", "java\u0000", "-cp\u0000", "f=", "a/x.txt", "ex", "b.txt", "bee", "g=", "input", "missing=")) {
      d.update(part.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(HexFormat.of().formatHex(d.digest()), TaskCache.key("image:1", List.of("java", "-cp"),
        Map.of("g", file, "f", folder, "missing", dir.resolve("none"))));
  }
}
