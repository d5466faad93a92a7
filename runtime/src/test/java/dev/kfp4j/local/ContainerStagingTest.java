package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's outputs are staged in a folder of the task's; one that cannot be made fails the task saying why. It said
 * "kfp4j: cannot make …/outputs/.container/0", the reason (a file in the way, no permission, a full disk) lost. No engine
 * runs here: the engine's command line is made, not run.
 */
class ContainerStagingTest {
  @TempDir Path dir;

  @Test
  void aStagingFolderThatCannotBeMadeSaysWhy() throws Exception {
    Files.writeString(dir.resolve("outputs"), "in the way");
    Path staging = dir.resolve("outputs").resolve(".container");
    ContainerLauncher launcher = new ContainerLauncher(List.of("podman"), Containers.engine("podman"), "r1", null, null, LocalRunner.COMMAND_OPTIONS);
    Launcher.Container c = new Launcher.Container("t", "alpine", List.of("sh"),
        new Step.Mounts(Map.of("/out/o", dir.resolve("o")), Map.of(), Map.of()), Map.of());
    Launcher.Launch launch = new Launcher.Launch(List.of("sh"), Map.of(), dir, null,
        new TaskLog(dir.resolve("log.txt"), "t", null, LogBounds.DEFAULT), 1, 0, false, p -> { }, c);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> launcher.command(launch, c, "alpine", staging, new LinkedHashMap<>()));
    assertEquals("cannot make " + staging.resolve("0") + ": " + dir.resolve("outputs") + " is a file, not a folder", e.getMessage());
  }
}
