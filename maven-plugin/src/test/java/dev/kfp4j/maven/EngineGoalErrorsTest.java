package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals that need a container engine refuse one that is not there naming the goal's property, as a Maven user gives the
 * engine ({@code -Dkfp4j.engine}, {@code <engine>}): {@code kfp4j:run -Dkfp4j.containers} and {@code kfp4j:validate
 * -Dkfp4j.checkImage} said "name docker, podman or the path of one with --engine", an option of the {@code kfp4j} command
 * no goal takes, and so did a bad {@code KFP4J_ENGINE}. No engine is needed: each is refused before anything runs.
 */
class EngineGoalErrorsTest {
  @TempDir Path dir;

  /** {@code kfp4j:run} of the add example in containers of {@code engine} (null: none named), its runs in the test's folder. */
  static RunMojo inContainers(File classes, File root, String engine) {
    RunMojo mojo = new RunMojo();
    mojo.classes = classes;
    mojo.classpath = List.of();
    mojo.pipeline = "add-example";
    mojo.root = root;
    mojo.containers = true;
    mojo.engine = engine;
    GoalsTest.noConfig(mojo, root.toPath()); // the runs folder: no kfp4j.yaml there
    mojo.setLog(new RunMojoTest.Recorded());
    return mojo;
  }

  @Test
  void anEngineThatIsNotThereIsNamedAsTheGoalsProperty() {
    RunMojo run = inContainers(GoalsTest.CLASSES, dir.resolve("runs").toFile(), "/nonexistent/docker");
    assertEquals("kfp4j:run failed: the container engine '/nonexistent/docker' is not an executable file; name docker, podman or the"
        + " path of one with -Dkfp4j.engine", assertThrows(MojoExecutionException.class, run::execute).getMessage());
    run = inContainers(GoalsTest.CLASSES, dir.resolve("runs").toFile(), "no-such-engine-here");
    assertEquals("kfp4j:run failed: the container engine 'no-such-engine-here' is not on the PATH; install it or name another with"
        + " -Dkfp4j.engine", assertThrows(MojoExecutionException.class, run::execute).getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");

    ValidateMojo validate = new ValidateMojo();
    validate.classes = GoalsTest.CLASSES;
    validate.checkImage = "localhost/kfp4j/app:1";
    validate.engine = "/nonexistent/docker";
    GoalsTest.noConfig(validate, dir);
    validate.setLog(new RunMojoTest.Recorded());
    assertEquals("kfp4j:validate failed: the container engine '/nonexistent/docker' is not an executable file; name docker, podman or"
        + " the path of one with -Dkfp4j.engine", assertThrows(MojoExecutionException.class, validate::execute).getMessage());
  }

  /** {@code KFP4J_ENGINE} naming no engine, in a fresh JVM whose environment has it: the goal says to fix it or set the property. */
  @Test
  void aBadKfp4jEngineVariableIsNamedWithTheGoalsProperty() throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), InContainers.class.getName(), GoalsTest.CLASSES.toString(), dir.resolve("runs").toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().put("KFP4J_ENGINE", "/nonexistent/docker");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.txt"));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.endsWith("\nkfp4j:run failed: KFP4J_ENGINE names '/nonexistent/docker', which is not found; fix it or name the"
        + " engine with -Dkfp4j.engine\n"), out);
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran: " + out);
  }

  /** {@code kfp4j:run -Dkfp4j.containers} with no engine named, of the classes and runs folder given: prints the build's failure. */
  static final class InContainers {
    public static void main(String[] args) {
      try {
        inContainers(new File(args[0]), new File(args[1]), null).execute();
        System.out.println("\nkfp4j:run succeeded");
      } catch (Exception e) {
        System.out.println("\n" + e.getMessage());
      }
    }
  }
}
