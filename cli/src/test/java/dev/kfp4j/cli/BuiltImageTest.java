package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.image.ProjectImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which image is the project's (one setting: run_config.image, else the components'), and what
 * {@code --pin-image} takes from the record {@code kfp4j image} writes, on the compiled examples
 * (compiled with -Akfp4j.image=ghcr.io/kfp4j/kfp4j-examples:0.1.0-SNAPSHOT). No container here:
 * {@code ImageGoalsTest} builds and pushes a real image.
 */
class BuiltImageTest {
  static final String COMPILED = "ghcr.io/kfp4j/kfp4j-examples:0.1.0-SNAPSHOT";
  static final String DIGEST = "sha256:" + "ab".repeat(32);
  @TempDir Path dir;

  private Path classes() throws IOException {
    Path classes = dir.resolve("target/classes");
    Path components = Files.createDirectories(classes.resolve("META-INF/kfp4j/components"));
    Path from = Path.of("../examples/target/classes/META-INF/kfp4j/components/add.yaml");
    Files.copy(from, components.resolve("add.yaml"));
    return classes;
  }

  private static Config.RunConfig run(String image) {
    return new Config.RunConfig(image, null, null, null, null, false, 0, 0, null, Map.of());
  }

  @Test
  void theImageIsTheConfigsElseTheComponentsAndAnotherIsRefused() throws IOException {
    Path classes = classes();
    assertEquals(COMPILED, BuiltImage.name(run(null), classes, null));
    assertEquals(COMPILED, BuiltImage.name(run(null), classes, COMPILED));
    assertEquals("r.example/app:2", BuiltImage.name(run("r.example/app:2"), classes, null));
    ConfigException e = assertThrows(ConfigException.class, () -> BuiltImage.name(run(null), classes, "r.example/app:2"));
    assertTrue(e.getMessage().startsWith("the image to build is 'r.example/app:2', but the components in " + classes + " name '"
        + COMPILED + "'"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> BuiltImage.name(run("r.example/app:2"), classes, COMPILED));
    assertTrue(e.getMessage().contains("run_config.image of the config file is 'r.example/app:2'"), e.getMessage());
  }

  @Test
  void pinningTakesThePushedDigestOfTheStepsImage() throws IOException {
    Path classes = classes();
    ConfigException none = assertThrows(ConfigException.class, () -> BuiltImage.pinned(run(null), classes));
    assertTrue(none.getMessage().contains("build and push it first with 'kfp4j image'"), none.getMessage());

    BuiltImage.write(classes, new ProjectImage.Built(COMPILED, DIGEST, "sha256:" + "cd".repeat(32), ProjectImage.Target.REGISTRY));
    assertEquals(COMPILED + "@" + DIGEST, BuiltImage.pinned(run(null), classes).image());
    ConfigException other = assertThrows(ConfigException.class, () -> BuiltImage.pinned(run("r.example/app:2"), classes));
    assertTrue(other.getMessage().contains("the image last built, '" + COMPILED + "', is not the one the Java steps run in, "
        + "'r.example/app:2'"), other.getMessage());

    BuiltImage.write(classes, new ProjectImage.Built(COMPILED, DIGEST, "sha256:" + "cd".repeat(32), ProjectImage.Target.DAEMON));
    ConfigException loaded = assertThrows(ConfigException.class, () -> BuiltImage.pinned(run(null), classes));
    assertTrue(loaded.getMessage().contains("was not pushed to a registry"), loaded.getMessage());
  }
}
