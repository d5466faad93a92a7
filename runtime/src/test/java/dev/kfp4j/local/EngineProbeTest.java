package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named engine that is no working engine ({@code --engine /bin/false}, {@code /bin/true}, a folder) is refused before
 * anything runs, saying what it printed: it was not asked anything, and each task failed ({@code exit code 1}), or ran
 * "successfully" with none of its outputs ({@code /bin/true}), or, a folder, was run as a shell script. The engines here are
 * scripts that note each command they are given.
 */
class EngineProbeTest {
  @TempDir Path dir;

  /** An engine that notes its arguments in {@code calls.log}, then runs {@code body}. */
  private Path engine(String body) throws Exception {
    Path script = dir.resolve("engine.sh");
    Files.writeString(script, "#!/bin/sh\necho \"$*\" >> '" + dir.resolve("calls.log") + "'\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private List<String> calls() throws Exception {
    return Files.exists(dir.resolve("calls.log")) ? Files.readAllLines(dir.resolve("calls.log")) : List.of();
  }

  /** How a Maven goal names the command's options, by and large ({@code --map-image NAME=IMAGE}: {@code -Dkfp4j.map-image=NAME=IMAGE}). */
  static final BinaryOperator<String> GOAL = (name, value) -> "-Dkfp4j." + name.substring(2) + (value == null ? "" : "=" + value);

  /** Runs a one-task workflow in containers of {@code engine}; the error it throws before anything runs. */
  private String refusal(Path engine) {
    return refusal(engine, LocalRunner.COMMAND_OPTIONS);
  }

  /** As {@link #refusal(Path)}, the runner's errors naming the command's options as {@code options} does. */
  private String refusal(Path engine, BinaryOperator<String> options) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false).options(options)
        .console(new PrintStream(PrintStream.nullOutputStream(), true))
        .containers(Containers.engine(engine.toString()).withEngineArgs(List.of("--runtime", "runc"))).build();
    Workflow w = workflow("probe", "", "      - {name: hello, template: hello}\n",
        ContainerLauncherTest.template("hello", "echo hi > /tmp/out", ""));
    String message = assertThrows(WorkflowException.class, () -> runner.run(w, Map.of())).getMessage();
    assertFalse(Files.exists(dir.resolve("runs")), "no run folder, no task: " + message);
    return message;
  }

  @Test
  void anEngineThatFailsVersionIsRefusedBeforeAnyTaskRunsWithWhatItSaid() throws Exception {
    Path engine = engine("echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\nexit 1");
    assertEquals("the container engine '" + engine + "' with --runtime runc fails 'version' (exit code 1, it printed: Cannot"
        + " connect to the Docker daemon at unix:///var/run/docker.sock.), so it cannot run containers; name docker or podman"
        + " (its daemon or service running), or the path of one, with --engine", refusal(engine));
    assertEquals(List.of("--runtime runc version"), calls(), "asked once, with its global arguments, and given no task");
  }

  @Test
  void anEngineThatAnswersVersionWithoutOneIsRefused() throws Exception {
    Path engine = engine("exit 0"); // as /bin/true: each task "ran", and errored with none of its outputs
    assertEquals("the container engine '" + engine + "' with --runtime runc prints no version for 'version' (docker and podman"
        + " print 'Version: ...'; it printed nothing), so it cannot run containers; name docker or podman (its daemon or service"
        + " running), or the path of one, with --engine", refusal(engine));
    Files.delete(dir.resolve("calls.log"));
    engine = engine("echo 'usage: engine.sh FILE'\necho '  reads FILE'");
    assertTrue(refusal(engine).contains(" prints no version for 'version' (docker and podman print 'Version: ...'; it printed:"
        + " usage: engine.sh FILE | reads FILE), "), "its lines on one line");
    assertEquals(List.of("--runtime runc version"), calls());
  }

  @Test
  void anEngineThatIsAFolderIsNotAnExecutableFile() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("engines"));
    assertEquals("the container engine '" + folder + "' is not an executable file; name docker, podman or the path of one with"
        + " --engine", refusal(folder));
    Path text = Files.writeString(dir.resolve("engine.txt"), "podman\n");
    Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rw-r--r--"));
    assertTrue(refusal(text).startsWith("the container engine '" + text + "' is not an executable file; "));
  }

  /**
   * The refusals name the engine's option as the runner's caller names its options ({@link LocalRunner.Builder#options}): a
   * Maven goal's {@code -Dkfp4j.engine}, which said {@code --engine}, an option no goal takes.
   */
  @Test
  void theRefusalsNameTheEngineAsTheCallerNamesItsOptions() throws Exception {
    assertTrue(refusal(engine("exit 0"), GOAL).endsWith(" so it cannot run containers; name docker or podman (its daemon or service"
        + " running), or the path of one, with -Dkfp4j.engine"));
    Path folder = Files.createDirectories(dir.resolve("engines"));
    assertEquals("the container engine '" + folder + "' is not an executable file; name docker, podman or the path of one with"
        + " -Dkfp4j.engine", refusal(folder, GOAL));
  }

  /** A task with no image, which an engine cannot run: its note names the option that names one as the caller does. */
  @Test
  void theNoteOfATaskWithNoImageNamesMapImageAsTheCallerDoes() throws Exception {
    Path engine = engine("printf 'Version: 5.0.0\\n'");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false).options(GOAL)
        .console(new PrintStream(PrintStream.nullOutputStream(), true)).containers(Containers.engine(engine.toString()).withEngineArgs(List.of())).build(); // none from KFP4J_ENGINE_ARGS
    Workflow w = workflow("noimage", "", "      - {name: t, template: t}\n", ContainerLauncherTest.template("t", "true", "")
        .replace("image: alpine", "image: " + dev.kfp4j.spec.ContainerSpec.NO_IMAGE));
    TaskResult t = runner.run(w, Map.of()).task("t").orElseThrow();
    assertEquals(TaskResult.State.Failed, t.state());
    String log = Files.readString(t.log());
    assertTrue(log.contains(", or name one for it with -Dkfp4j.map-image=kfp4j.invalid/no-image=IMAGE (or, for kfp4j's Java steps,"
        + " with run_config.image of the config file)"), log);
    assertEquals(List.of("version"), calls(), "asked its version, and given no task");
  }

  /** podman's and docker's answer: a {@code Version:} line, indented under {@code Client:} by docker. */
  @Test
  void anEngineThatPrintsItsVersionIsTakenWithItsArguments() throws Exception {
    Path engine = engine("printf 'Client: Docker Engine - Community\\n Version:           27.1.1\\n'");
    assertEquals(List.of(engine.toString(), "--runtime", "runc"),
        Containers.engine(engine.toString()).withEngineArgs(List.of("--runtime", "runc")).command());
    assertEquals(List.of("--runtime runc version"), calls());
  }

  /** What LocalRun prints: the usage line and the error, exit code 2, as for an engine that is not there. */
  @Test
  void localRunWithAnEngineThatIsNoEngineIsAUsageError() throws Exception {
    Path file = probeFile();
    Path engine = engine("exit 0");
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(),
        "--containers", "--engine", engine.toString(), "--engine-arg", "--runtime");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun "), out);
    assertTrue(out.endsWith("\nLocalRun: error: the container engine '" + engine + "' with --runtime prints no version for"
        + " 'version' (docker and podman print 'Version: ...'; it printed nothing), so it cannot run containers; name docker or"
        + " podman (its daemon or service running), or the path of one, with --engine\n"), out);
    assertFalse(Files.exists(dir.resolve("runs")), out);
  }

  /** A one-task workflow's file, for LocalRun. */
  private Path probeFile() throws Exception {
    return Files.writeString(dir.resolve("probe.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: probe-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: hello, template: hello}\n" + ContainerLauncherTest.template("hello", "echo hi", ""));
  }

  /** LocalRun, in its own words, with a {@code KFP4J_ENGINE} that names no engine: exit code 2, saying to fix it or name one. */
  @Test
  void localRunWithABadKfp4jEngineVariableIsAUsageErrorNamingItsOption() throws Exception {
    Path file = probeFile();
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(Containers.ENGINE_ENV, "/nonexistent/docker"), file.toString(),
        "--root", dir.resolve("runs").toString(), "--containers");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.endsWith("\nLocalRun: error: KFP4J_ENGINE names '/nonexistent/docker', which is not found; fix it or name the"
        + " engine with --engine\n"), out);
    assertFalse(Files.exists(dir.resolve("runs")), out);
  }

  /** A {@code podman} on a PATH of its own that refuses the global argument {@code --url}, quoting it, as podman does. */
  private Path podmanRefusingUrl() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path podman = bin.resolve("podman");
    Files.writeString(podman, "#!/bin/sh\nif [ \"$1\" = --url ]; then echo \"Error: unable to connect to Podman socket: $2\" >&2;"
        + " exit 125; fi\necho 'Version: 4.3.1'\n");
    Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /**
   * With KFP4J_ENGINE_ARGS that the engines found refuse, the error says so, quoting them and what each said (the URL's
   * credential masked), where it said there was no engine here, though podman is installed and works without them.
   */
  @Test
  void globalArgumentsThatTheEnginesFoundRefuseAreNamedWithWhatTheySaid() throws Exception {
    Path bin = podmanRefusingUrl();
    Process p = Child.localRun(dir.resolve("out.log"), Map.of("PATH", bin.toString(), Containers.ENGINE_ENV, "",
        Containers.ENGINE_ARGS_ENV, "--url ssh://user:secretpw@host/run/podman.sock"), probeFile().toString(), "--root",
        dir.resolve("runs").toString(), "--containers");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.endsWith("\nLocalRun: error: no container engine here: neither docker nor podman on the PATH answers"
        + " 'version' with --url ssh://***@host/run/podman.sock (podman fails 'version' (exit code 125, it printed: Error:"
        + " unable to connect to Podman socket: ssh://***@host/run/podman.sock)); fix the engine's global arguments, install"
        + " one, or run without --containers\n"), out);
    assertFalse(out.contains("secretpw"), out);
    assertFalse(Files.exists(dir.resolve("runs")), out);
  }

  /** The engine KFP4J_ENGINE names, refusing the global arguments: the error names them beside it, not it alone. */
  @Test
  void aKfp4jEngineThatRefusesTheGlobalArgumentsIsNamedWithThem() throws Exception {
    Path podman = podmanRefusingUrl().resolve("podman");
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(Containers.ENGINE_ENV, podman.toString()), probeFile().toString(),
        "--root", dir.resolve("runs").toString(), "--containers", "--engine-arg", "--url", "--engine-arg", "tcp://host:8080");
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.endsWith("\nLocalRun: error: KFP4J_ENGINE names '" + podman + "', which with --url tcp://host:8080 fails"
        + " 'version' (exit code 125, it printed: Error: unable to connect to Podman socket: tcp://host:8080); fix it or name"
        + " the engine with --engine\n"), out);
  }
}
