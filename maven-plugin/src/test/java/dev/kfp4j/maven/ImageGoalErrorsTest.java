package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kfp4j:image} pushing to a registry that cannot be reached fails the build with the
 * command's one-line error (exit code 3), not Jib's progress lines before it, and logs no stack
 * trace. No engine and no network outside: a loopback port where nothing listens, a base image
 * Jib writes from scratch.
 */
class ImageGoalErrorsTest {
  @TempDir Path dir;

  /** An empty base image at {@code base}, Jib's cache of its layers beside it, not in jib-core's default folder in /tmp. */
  private static void scratchBase(Path base) throws Exception {
    Jib.fromScratch().containerize(Containerizer.to(TarImage.at(base).named("localhost/kfp4j-test/scratch:1"))
        .setApplicationLayersCache(base.resolveSibling("jib-layers")));
  }

  @Test
  void aRegistryThatCannotBeReachedFailsTheGoalWithTheOneLineError() throws Exception {
    Path components = Files.createDirectories(dir.resolve("target/classes/META-INF/kfp4j/components"));
    Files.copy(GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j/components/add.yaml"), components.resolve("add.yaml"));
    Path base = dir.resolve("base.tar");
    scratchBase(base);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String registry = "127.0.0.1:" + port;
    ImageMojo goal = new ImageMojo();
    goal.classes = dir.resolve("target/classes").toFile();
    goal.classpath = List.of(Path.of(dev.kfp4j.entrypoint.Entrypoint.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString()); // what every entrypoint runs on
    goal.base = "tar://" + base;
    goal.config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: " + registry + "/kfp4j/app:1\n").toFile();
    goal.engine = "/nonexistent/kfp4j-engine"; // no class-data archive, said in one line
    List<String> logged = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    goal.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        logged.add(line.toString());
      }

      @Override
      public void warn(CharSequence line) {
        logged.add(line.toString());
        warnings.add(line.toString());
      }

      @Override
      public void error(CharSequence line) {
        logged.add(line.toString());
        errors.add(line.toString());
      }
    });
    MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
    assertTrue(e.getMessage().startsWith("kfp4j:image failed: cannot push " + registry + "/kfp4j/app:1 to " + registry
        + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("check the network, that the registry runs"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(logged.stream().noneMatch(l -> l.contains("\tat ") || l.contains("Exception")), logged.toString());
    // the image without an archive is a warning, Jib's progress news; only the command's own error line is an error. The
    // warning names the engine as the goal takes it: it said "with --engine"
    assertTrue(warnings.contains("no class-data archive: the container engine '/nonexistent/kfp4j-engine' is not an executable file;"
        + " name docker, podman or the path of one with -Dkfp4j.engine"), warnings.toString());
    assertTrue(errors.stream().allMatch(l -> l.startsWith("kfp4j: ")), errors.toString());
  }

  /**
   * An engine that answers {@code version} but cannot run the image (here, podman refused by the system's rlimits): the image
   * is built without a class-data archive, which the image's builder says. The goal logged it as news, at INFO and with the
   * builder's {@code jib: }, where an engine not there is a warning; both are warnings, said alike.
   */
  @Test
  void anEngineThatCannotMakeTheArchiveIsAWarningAsNoEngineIs() throws Exception {
    Path components = Files.createDirectories(dir.resolve("target/classes/META-INF/kfp4j/components"));
    Files.copy(GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j/components/add.yaml"), components.resolve("add.yaml"));
    Path base = dir.resolve("base.tar");
    scratchBase(base);
    Path engine = dir.resolve("engine");
    Files.writeString(engine, "#!/bin/sh\nfor a; do if [ \"$a\" = version ]; then echo 'Version: 9.9'; exit 0; fi; done\n" // after any KFP4J_ENGINE_ARGS
        + "echo 'cannot run containers here' >&2; exit 126\n");
    assertTrue(engine.toFile().setExecutable(true));
    ImageMojo goal = new ImageMojo();
    goal.classes = dir.resolve("target/classes").toFile();
    goal.classpath = List.of(Path.of(dev.kfp4j.entrypoint.Entrypoint.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString());
    goal.base = "tar://" + base;
    goal.config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: localhost/kfp4j-test/app:1\n").toFile();
    goal.to = "tar";
    goal.tar = dir.resolve("app.tar").toFile();
    goal.engine = engine.toString();
    List<String> info = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    goal.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        info.add(line.toString());
      }

      @Override
      public void warn(CharSequence line) {
        warnings.add(line.toString());
      }
    });
    goal.execute();
    assertTrue(Files.isRegularFile(dir.resolve("app.tar")), "the image is built all the same");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("no class-data archive: cannot load the image into " + engine), warnings.toString());
    assertTrue(info.stream().noneMatch(l -> l.contains("no class-data archive")), info.toString());
  }
}
