package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kfp4j run --containers} runs the project's Java steps in the image the cluster runs them
 * in and {@code kfp4j image} builds: {@code run_config.image} of the config file when it sets one.
 * It ran them in the image they were compiled with, so after {@code kfp4j init} (whose config
 * names one) the image just loaded with {@code kfp4j image --to daemon} was not the one run.
 */
class ContainerImageTest {
  private static final String COMPILED = "ghcr.io/kfp4j/kfp4j-examples:";
  @TempDir Path dir;

  /**
   * An engine that answers {@code version} and {@code image inspect}, logs each command and runs no container; it passes over
   * the global arguments before the command (those of {@code KFP4J_ENGINE_ARGS}, such as {@code --runtime runc}, when set).
   */
  private Path engine() throws Exception {
    Path script = dir.resolve("engine.sh");
    Files.writeString(script, "#!/bin/sh\nwhile [ $# -gt 0 ] && [ \"$1\" != run ] && [ \"$1\" != image ] && [ \"$1\" != version ]; do "
        + "shift; done\necho \"$*\" >> '" + dir.resolve("engine.log") + "'\ncase \"$1\" in\n"
        + "  image) echo sha256:0123456789abcdef ;;\n  version) echo 'Version: 5.0.0' ;;\n  run) echo 'no containers here' >&2; exit 9 ;;\nesac\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private List<String> runs() throws Exception {
    return Files.readAllLines(dir.resolve("engine.log")).stream().filter(l -> l.startsWith("run ")).toList();
  }

  @Test
  void javaStepsRunInTheConfigsImage() throws Exception {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: localhost/acme/add:dev\n");
    Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
        "--config", config.toString(), "--containers", "--engine", engine().toString());
    assertEquals(1, r.code(), r.toString()); // the fake engine runs nothing
    assertFalse(runs().isEmpty(), r.toString());
    for (String run : runs()) {
      assertTrue(run.contains(" localhost/acme/add:dev ") && !run.contains(COMPILED), run);
    }
  }

  @Test
  void aMapImageOfTheCompiledNameWinsAndWithoutAConfigImageTheCompiledOneRuns() throws Exception {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: localhost/acme/add:dev\n");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("image: (" + java.util.regex.Pattern.quote(COMPILED) + "\\S+)")
        .matcher(Files.readString(Path.of(CommandsTest.CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml")));
    assertTrue(m.find());
    String compiled = m.group(1);
    Cli mapped = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
        "--config", config.toString(), "--containers", "--engine", engine().toString(), "--map-image", compiled + "=mirror/add:1");
    assertEquals(1, mapped.code(), mapped.toString());
    assertTrue(runs().stream().allMatch(l -> l.contains(" mirror/add:1 ")), runs().toString());

    Files.delete(dir.resolve("engine.log"));
    Path none = Files.writeString(dir.resolve("none.yaml"), "run_config:\n  experiment_name: x\n");
    Cli plain = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
        "--config", none.toString(), "--containers", "--engine", engine().toString());
    assertEquals(1, plain.code(), plain.toString());
    assertTrue(runs().stream().allMatch(l -> l.contains(" " + compiled + " ")), runs().toString());
  }

  /** A --map-image of run_config.image's name runs its image where the config's would run, as for any image a task names. */
  @Test
  void aMapImageOfTheConfigsImageRunsInItsPlace() throws Exception {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: registry.corp/acme/add:1\n");
    Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
        "--config", config.toString(), "--containers", "--engine", engine().toString(), "--map-image",
        "registry.corp/acme/add:1=localhost/acme/add:dev");
    assertEquals(1, r.code(), r.toString()); // the fake engine runs nothing
    assertFalse(runs().isEmpty(), r.toString());
    assertTrue(runs().stream().allMatch(l -> l.contains(" localhost/acme/add:dev ") && !l.contains("registry.corp")), runs().toString());
  }
}
