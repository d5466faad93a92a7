package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code kfp4j run} is a usage error (exit 2) that names the option, before anything runs; a command run at the root
 * of a project of modules names the modules that compiled pipelines.
 */
class RunCommandTest {
  @TempDir Path dir;

  /** It said "kfp4j: error: parallelism must be at least 1", naming no option, after reading the pipeline. */
  @Test
  void aParallelismBelowOneIsExitCode2NamingTheOption() throws Exception {
    Path file = Files.writeString(dir.resolve("one.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: one-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: t, template: t}\n  - name: t\n    container:\n      image: a\n      command: [sh, -c, 'true']\n");
    for (String n : new String[] {"0", "-3"}) {
      Cli r = Cli.run("run", "-p", file.toString(), "--root", dir.resolve("runs").toString(), "--parallelism", n);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: --parallelism must be at least 1, not " + n + "\nkfp4j run "), r.toString());
      assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    }
  }

  /**
   * {@code run --containers --engine} of a path that is no engine is exit code 2 before anything runs, saying what to name: a
   * folder was taken (each task then failed "exec: …: Permission denied"), as was an executable that prints no version
   * ({@code /bin/true}: the add example's tasks errored one by one with none of their outputs).
   */
  @Test
  void anEngineThatIsNoEngineIsExitCode2BeforeAnythingRuns() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("engines"));
    Path text = Files.writeString(dir.resolve("engine.txt"), "podman\n");
    Files.setPosixFilePermissions(text, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Path silent = Files.writeString(dir.resolve("silent.sh"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(silent, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    for (Path engine : List.of(folder, text, silent)) {
      Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
          "--containers", "--engine", engine.toString(), "--engine-arg", "--runtime");
      assertEquals(2, r.code(), r.toString());
      String why = engine.equals(silent) ? " with --runtime prints no version for 'version' (docker and podman print 'Version: ...';"
          + " it printed nothing), so it cannot run containers; name docker or podman (its daemon or service running), or the path"
          + " of one, with --engine\n" : " is not an executable file; name docker, podman or the path of one with --engine\n";
      assertTrue(r.err().startsWith("kfp4j: error: the container engine '" + engine + "'" + why + "kfp4j run "), r.toString());
      assertFalse(Files.exists(dir.resolve("runs")), "nothing ran: " + r);
    }
  }

  /**
   * A {@code KFP4J_ENGINE} that names no engine, in a fresh JVM whose environment has it: {@code run --containers} and {@code
   * validate --image} are exit code 2 before anything runs, saying to fix it or name the engine with {@code --engine}, the
   * command's option (a Maven goal names its property: EngineGoalErrorsTest).
   */
  @Test
  void aBadKfp4jEngineVariableIsExitCode2NamingTheEngineOption() throws Exception {
    String said = "kfp4j: error: KFP4J_ENGINE names '/nonexistent/docker', which is not found; fix it or name the engine with --engine\n";
    Cli run = withEngineVariable("/nonexistent/docker", "run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root",
        dir.resolve("runs").toString(), "--containers");
    assertEquals(Kfp4j.USAGE, run.code(), run.toString());
    assertTrue(run.err().startsWith(said + "kfp4j run "), run.toString());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran: " + run);
    Cli validate = withEngineVariable("/nonexistent/docker", "validate", "--classes", CommandsTest.CLASSES, "--image",
        "localhost/kfp4j/app:1");
    assertEquals(Kfp4j.USAGE, validate.code(), validate.toString());
    assertTrue(validate.err().startsWith(said + "kfp4j validate "), validate.toString());
  }

  /** {@code kfp4j args} in a fresh JVM whose {@code KFP4J_ENGINE} is {@code engine}: its exit code and output. */
  private Cli withEngineVariable(String engine, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Kfp4j.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put(dev.kfp4j.local.Containers.ENGINE_ENV, engine);
    Process p = pb.start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    return new Cli(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
  }

  /** What a command run at the root of {@link #projectOfModules()} adds to its error. */
  private static final String HINT = "the modules here compiled pipelines: app/ (report), lib/ (prep): run in a module's folder (cd"
      + " app), or name its classes (--classes app/target/classes)";

  /**
   * {@code kfp4j run -p report} at the root of a project of modules, whose own target/classes holds no pipeline: it said
   * only to run 'mvn compile', which the user had; it now names the modules that compiled pipelines, and how to run one.
   */
  @Test
  void aRunAtTheRootOfAProjectOfModulesNamesTheModulesPipelines() throws Exception {
    Path root = projectOfModules();
    Cli named = Cli.run("run", "-p", "report", "--classes", root.resolve("target/classes").toString());
    assertEquals(2, named.code(), named.toString());
    assertTrue(named.err().contains("no compiled pipeline in " + root.resolve("target/classes") + " (run 'mvn compile'); " + HINT),
        named.toString());
    Cli unnamed = Cli.run("graph", "--classes", root.resolve("target/classes").toString());
    assertEquals(2, unnamed.code(), unnamed.toString());
    assertTrue(unnamed.err().contains(HINT), unnamed.toString());
  }

  /**
   * {@code kfp4j validate} at the root of a project of modules said only "nothing to validate in target/classes; run 'mvn
   * compile' or name files", which the user had run; it now names the modules that compiled pipelines, as {@code run} does.
   */
  @Test
  void validateAtTheRootOfAProjectOfModulesNamesTheModulesPipelines() throws Exception {
    Path root = projectOfModules();
    Cli r = Cli.run("validate", "--classes", root.resolve("target/classes").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("nothing to validate in " + root.resolve("target/classes") + "; " + HINT), r.toString());
    assertTrue(r.err().contains("kfp4j validate ["), "the usage line: " + r);
  }

  /**
   * {@code kfp4j image} at the root of a project of modules said "no Java component in target/classes/...; run 'mvn compile'",
   * which the user had run (and with {@code --image}, went on to build an image of no classes); it now names the modules.
   */
  @Test
  void imageAtTheRootOfAProjectOfModulesNamesTheModulesPipelines() throws Exception {
    Path root = projectOfModules();
    for (String[] given : new String[][] {{}, {"--image", "localhost/acme/app:1"}}) {
      List<String> args = new ArrayList<>(List.of("image", "--classes", root.resolve("target/classes").toString(), "--to", "tar",
          "--tar", dir.resolve("app.tar").toString(), "--no-class-data-archive"));
      args.addAll(List.of(given));
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("no Java component in " + root.resolve("target/classes/META-INF/kfp4j/components") + "; " + HINT),
          r.toString());
      assertTrue(r.err().contains("kfp4j image ["), "the usage line: " + r);
      assertFalse(Files.exists(dir.resolve("app.tar")), "nothing built");
    }
  }

  /** A root of packaging pom, its own target/classes empty, and modules app and lib that compiled pipelines (docs none). */
  private Path projectOfModules() throws Exception {
    Path root = dir.resolve("project");
    Files.createDirectories(root.resolve("target/classes"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    for (String[] module : new String[][] {{"app", "META-INF/kfp4j/pipelines", "report"}, {"lib", "META-INF/kfp4j/kfp2/pipelines",
        "prep"}, {"docs", "site", "index"}}) {
      Path folder = Files.createDirectories(root.resolve(module[0]).resolve("target/classes").resolve(module[1]));
      Files.writeString(folder.resolve(module[2] + ".yaml"), "{}");
    }
    return root;
  }

  /**
   * A run whose journal cannot be written (here a folder in its place, as a full disk fails a write) said "kfp4j could not run
   * it: java.io.UncheckedIOException: cannot write …/journal.jsonl", the system's reason lost; now with it.
   */
  @Test
  void aRunWhoseJournalCannotBeWrittenSaysWhy() throws Exception {
    Path file = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: fills, template: fills}\n  - name: fills\n    container:\n      image: a\n"
        // the folder made until it is there: the runner writes the journal as the task starts, and wrote between the rm and the
        // mkdir, it made the file again, the task failed, and the journal was written (seen once in CI)
        + "      command: [sh, -c, 'until [ -d ../journal.jsonl ]; do rm -f ../journal.jsonl; mkdir ../journal.jsonl 2> /dev/null; done; "
        + "touch ../journal.jsonl/x']\n");
    Cli r = Cli.run("run", "-p", file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().matches("(?s).*cannot write \\S*/journal\\.jsonl: Is a directory\n.*"), r.toString());
  }

  /**
   * A task of an Argo workflow whose when Argo cannot evaluate ends in Error, and the run with it (ArgoErrorPhaseTest): the
   * command said "the run failed" as for a task that failed; now it says the run ended in Error, and fails (exit 1) as then.
   */
  @Test
  void aRunInErrorSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("err.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: err-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: t, template: t, when: \"{{=asFloat('x') > 1}}\"}\n  - name: t\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'true']\n");
    Cli r = Cli.run("run", "-p", file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("kfp4j: the run ended in Error: t: "), r.toString());
    assertTrue(r.err().contains("'x' is not a number, which the condition compares as one (asFloat)"), r.toString());
  }
}
