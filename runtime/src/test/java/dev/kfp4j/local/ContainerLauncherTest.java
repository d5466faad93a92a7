package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import dev.kfp4j.testing.containers.LoopbackRegistry;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local runner's container mode on workflows of shell steps, in a small image of this machine's
 * shell and coreutils: files mounted where the command expects them, environment and limits as a
 * pod has them, and every way a task ends: failed, timed out, its runner killed.
 */
class ContainerLauncherTest {
  static Engine engine;
  static String shell;
  @TempDir Path dir;

  @BeforeAll
  static void images() throws IOException {
    engine = Engine.require();
    shell = BaseImages.shell(engine);
  }

  private Containers containers() {
    return Containers.engine(engine.command().get(0)).withEngineArgs(engine.command().subList(1, engine.command().size()))
        .withImage("alpine", shell);
  }

  private LocalRunner runner() {
    return runner(false);
  }

  private LocalRunner runner(boolean caching) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(caching).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).containers(containers()).build();
  }

  /** A shell template in image alpine with its {@code extra} YAML (indented 4) after the container. */
  static String template(String name, String script, String extra) {
    return "  - name: " + name + "\n" + extra
        + "    container:\n      image: alpine\n      command: [sh, -c]\n      args: ['" + script.replace("'", "''") + "']\n";
  }

  @Test
  void filesPassBetweenContainersAtThePathsTheCommandsName() throws IOException {
    Workflow wf = workflow("files", "",
        "      - {name: write, template: write}\n"
            + "      - name: read\n        template: read\n        dependencies: [write]\n"
            + "        arguments: {artifacts: [{name: data, from: '{{tasks.write.outputs.artifacts.text}}'}]}\n",
        template("write", "mkdir -p /tmp/outputs/text && printf hello > /tmp/outputs/text/data && echo 21 > /mnt/v/n",
            "    outputs: {artifacts: [{name: text, path: /tmp/outputs/text/data}]}\n    volumes: [{name: v, persistentVolumeClaim: {claimName: shared}}]\n")
            .replace("      args:", "      volumeMounts: [{name: v, mountPath: /mnt/v}]\n      args:"),
        template("read", "mkdir -p /tmp/out && cat /tmp/inputs/data/data > /tmp/out/copy && echo $(( $(cat /mnt/v/n) * 2 )) > /tmp/out/n"
            + " && (echo x > /tmp/inputs/data/data 2>/dev/null && echo writable || echo read-only) > /tmp/out/input",
            "    inputs: {artifacts: [{name: data, path: /tmp/inputs/data/data}]}\n"
                + "    outputs: {parameters: [{name: copy, valueFrom: {path: /tmp/out/copy}}, {name: n, valueFrom: {path: /tmp/out/n}},"
                + " {name: input, valueFrom: {path: /tmp/out/input}}]}\n"
                + "    volumes: [{name: v, persistentVolumeClaim: {claimName: shared}}]\n")
            .replace("      args:", "      volumeMounts: [{name: v, mountPath: /mnt/v}]\n      args:"));
    RunResult r = runner().run(wf, Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("hello", r.output("read", "copy"));
    assertEquals("42", r.output("read", "n"), "the volume is shared");
    assertEquals("read-only", r.output("read", "input"), "an input file is mounted read-only");
    assertEquals("hello", Files.readString(r.task("write").get().artifacts().get("text")));
    assertFalse(Files.exists(r.runDir().resolve("read/outputs/.container")), "the staging folders are gone");
    JsonNode record = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json")));
    assertEquals(shell, record.at("/tasks/write/image").asString());
    assertEquals(engine.imageId(shell), record.at("/tasks/write/imageId").asString());
  }

  /** A task taken from the cache has in run.json the image it would have run in, and its id, as a task that ran has them. */
  @Test
  void aCachedTaskRecordsTheImageItWouldHaveRunIn() throws IOException {
    Workflow wf = workflow("cached", "", "      - {name: t, template: t}\n",
        template("t", "mkdir -p /tmp/out && echo hi > /tmp/out/o", "    outputs: {parameters: [{name: o, valueFrom: {path: /tmp/out/o}}]}\n"));
    RunResult first = runner(true).run(wf, Map.of());
    assertEquals(State.Succeeded, first.task("t").get().state(), first.tasks().toString());
    RunResult second = runner(true).run(wf, Map.of());
    assertEquals(State.Cached, second.task("t").get().state(), second.tasks().toString());
    assertEquals("hi", second.output("t", "o"));
    JsonNode record = Yaml.json().readTree(Files.readString(second.runDir().resolve("run.json")));
    assertEquals("Cached", record.at("/tasks/t/state").asString());
    assertEquals(shell, record.at("/tasks/t/image").asString());
    assertEquals(engine.imageId(shell), record.at("/tasks/t/imageId").asString());
  }

  /** A volume step's claim is mounted in each container at the path where the task's code opens it, not only as an argument. */
  @Test
  void aVolumeStepsClaimIsMountedWhereTheTasksCodeOpensIt() throws IOException {
    java.util.function.BiFunction<String, String, dev.kfp4j.spec.ComponentSpec> sh = (name, script) -> new dev.kfp4j.spec.ComponentSpec(
        name, null, null, null, List.of(), List.of(new dev.kfp4j.spec.OutputSpec("out", dev.kfp4j.spec.TypeSpec.named("String"), null)),
        new dev.kfp4j.spec.ContainerSpec("alpine", List.of(new dev.kfp4j.spec.Placeholder.Literal("sh")), List.of(
            new dev.kfp4j.spec.Placeholder.Literal("-c"), new dev.kfp4j.spec.Placeholder.Literal(script),
            new dev.kfp4j.spec.Placeholder.OutputPath("out")), null, null), null);
    List<dev.kfp4j.model.TaskSetting> mount = List.of(new dev.kfp4j.model.TaskSetting.VolumeMount("data", "/data"));
    dev.kfp4j.model.Pipeline p = new dev.kfp4j.model.Pipeline("claims", null, List.of(), List.of(
        new dev.kfp4j.model.VolumeStep("data", "data", dev.kfp4j.model.Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(),
            List.of(), null, true),
        new dev.kfp4j.model.Task("write", sh.apply("write", "printf hello > /data/file.txt && printf w > \"$0\""), Map.of(), List.of(),
            mount),
        new dev.kfp4j.model.Task("read", sh.apply("read", "cat /data/file.txt > \"$0\""), Map.of(), List.of("write"), mount)),
        null, dev.kfp4j.model.PipelineSettings.DEFAULTS, null);
    RunResult r = runner().run(Workflow.parse(dev.kfp4j.format.kfp2.Kfp2Writer.write(p), "claims.yaml"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("hello", r.output("read", "out"));
    String claim = r.output("data", "name");
    assertEquals("hello", Files.readString(dir.resolve("runs/volumes").resolve(claim).resolve("file.txt")), "on the claim's folder");
  }

  /** KFP 2's {@code set_container_image(img)}: the task runs the image the run gives, not its component's, which is nowhere. */
  @Test
  void aTaskRunsTheImageItsSettingGivesInsteadOfItsComponents() throws IOException {
    dev.kfp4j.spec.ComponentSpec shellOut = new dev.kfp4j.spec.ComponentSpec("say", null, null, null, List.of(),
        List.of(new dev.kfp4j.spec.OutputSpec("out", dev.kfp4j.spec.TypeSpec.named("String"), null)),
        new dev.kfp4j.spec.ContainerSpec("nowhere.invalid/none:1", List.of(new dev.kfp4j.spec.Placeholder.Literal("sh")), List.of(
            new dev.kfp4j.spec.Placeholder.Literal("-c"), new dev.kfp4j.spec.Placeholder.Literal("printf hello > \"$0\""),
            new dev.kfp4j.spec.Placeholder.OutputPath("out")), null, null), null);
    dev.kfp4j.model.Pipeline p = new dev.kfp4j.model.Pipeline("imaged", null,
        List.of(new dev.kfp4j.model.Parameter("img", dev.kfp4j.model.ParameterType.STRING, null, null)),
        List.of(new dev.kfp4j.model.Task("say", shellOut, Map.of(), List.of(),
            List.of(new dev.kfp4j.model.TaskSetting.ContainerImage(new dev.kfp4j.model.Argument.PipelineParameter("img"))))),
        null, dev.kfp4j.model.PipelineSettings.DEFAULTS, null);
    RunResult r = runner().run(Workflow.parse(dev.kfp4j.format.kfp2.Kfp2Writer.write(p), "imaged.yaml"), Map.of("img", "alpine"));
    assertTrue(r.succeeded(), r.tasks().toString());
    assertEquals("hello", r.output("say", "out"));
    JsonNode record = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json")));
    assertEquals(shell, record.at("/tasks/say/image").asString());
  }

  @Test
  void theContainerHasTheTasksEnvironmentAndLimitsAndNothingOfTheRunners() throws IOException {
    Workflow wf = workflow("env", "", "      - {name: env, template: env}\n",
        template("env", "mkdir -p /tmp/o && env > /tmp/o/env && (cat /sys/fs/cgroup/memory.max 2>/dev/null"
            + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes) > /tmp/o/memory",
            "    outputs: {parameters: [{name: env, valueFrom: {path: /tmp/o/env}}, {name: memory, valueFrom: {path: /tmp/o/memory}}]}\n")
            .replace("      args:", "      env: [{name: GREETING, value: 'hello world'}]\n"
                + "      resources: {limits: {cpu: 500m, memory: 64Mi}}\n      args:"));
    RunResult r = runner().run(wf, Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    String env = r.output("env", "env");
    assertTrue(env.contains("GREETING=hello world"), env);
    assertTrue(env.contains("PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin\n"), "the image's PATH, not this machine's: " + env);
    assertFalse(env.contains(System.getenv("PATH")), env);
    assertEquals("67108864", r.output("env", "memory"));
  }

  @Test
  void aFailingTaskLeavesNoHalfWrittenOutput() throws IOException {
    Workflow wf = workflow("fails", "", "      - {name: fails, template: fails}\n",
        template("fails", "mkdir -p /tmp/outputs/out && printf half > /tmp/outputs/out/data && exit 3",
            "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"));
    RunResult r = runner().run(wf, Map.of());
    TaskResult t = r.task("fails").get();
    assertEquals(State.Failed, t.state());
    assertEquals(3, t.exitCode());
    Path task = r.runDir().resolve("fails");
    assertFalse(Files.exists(task.resolve("outputs/out/data")), "no output file");
    assertFalse(Files.exists(task.resolve("outputs/.container")), "no staged output either");
  }

  @Test
  void aTimeoutStopsTheContainer() throws IOException, InterruptedException {
    Workflow wf = workflow("slow", "", "      - {name: slow, template: slow}\n",
        template("slow", "sleep 600", "    activeDeadlineSeconds: 2\n"));
    long t0 = System.nanoTime();
    RunResult r = runner().run(wf, Map.of());
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertEquals(State.Failed, r.task("slow").get().state());
    assertEquals("timed out after 2 s", r.task("slow").get().message());
    assertTrue(seconds < 60, "stopped, not waited for: " + seconds + " s");
    assertEquals("", containersOf(r.runId()), "the container is gone");
  }

  @Test
  void aTaskRunsInAnImageTheEnginePullsFromARegistryOnLoopback() throws IOException {
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      String pushed = registry.host() + "/kfp4j/shell:pulled";
      engine.pushToLoopback(shell, pushed);
      try {
        Workflow wf = workflow("pulled", "", "      - {name: t, template: t}\n", template("t", "echo pulled", ""));
        RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
            .progress(false).summary(false).containers(containers().withImage("alpine", pushed)).build().run(wf, Map.of());
        TaskResult t = r.task("t").get();
        assertEquals(State.Succeeded, t.state(), Files.readString(t.log()));
        assertTrue(Files.readString(t.log()).contains("pulled"), Files.readString(t.log()));
      } finally {
        engine.remove(pushed);
      }
    }
  }

  /** Images pulled from a registry on loopback stayed in the engine's storage after each test run, under a port never used again. */
  @Test
  void whatIsPulledFromARegistryOnLoopbackLeavesTheEngineWithIt() throws IOException {
    String pulled;
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      pulled = registry.host() + "/kfp4j/shell:left";
      engine.pushToLoopback(shell, pulled);
      engine.pullFromLoopback(pulled);
      assertTrue(engine.has(pulled));
    }
    assertTrue(!engine.has(pulled), "removed with its registry");
    assertTrue(engine.has(shell), "the image it was pushed from stays");
  }

  @Test
  void aTaskWithNoImageFailsSayingHowToNameOne() throws IOException {
    Workflow wf = workflow("noimage", "", "      - {name: t, template: t}\n", template("t", "true", "").replace("image: alpine",
        "image: " + dev.kfp4j.spec.ContainerSpec.NO_IMAGE));
    RunResult r = runner().run(wf, Map.of());
    TaskResult t = r.task("t").get();
    assertEquals(State.Failed, t.state());
    assertTrue(Files.readString(t.log()).contains("names no image (kfp4j.invalid/no-image), so it cannot run in a container: compile"
        + " with -Akfp4j.image=IMAGE (or @Component(image = ...)), or name one for it with --map-image kfp4j.invalid/no-image=IMAGE (or, for kfp4j's Java steps, with "
        + "run_config.image of the config file)"),
        Files.readString(t.log()));
  }

  @Test
  void killingTheRunnerRemovesItsContainers() throws Exception {
    Path file = dir.resolve("slow.yaml");
    Files.writeString(file, "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: slow\nspec:\n  entrypoint: main\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: slow, template: slow}\n"
        + template("slow", "sleep 600", ""));
    List<String> engineArgs = new java.util.ArrayList<>();
    for (String a : engine.command().subList(1, engine.command().size())) {
      engineArgs.addAll(List.of("--engine-arg", a));
    }
    List<String> args = new java.util.ArrayList<>(List.of(file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache",
        "--containers", "--engine", engine.command().get(0), "--map-image", "alpine=" + shell));
    args.addAll(engineArgs);
    Process runner = Child.localRun(dir.resolve("runner.log"), Map.of(), args.toArray(String[]::new));
    try {
      String[] seen = {""}; // the name the engine showed once: a second `ps` may show none under load
      assertTrue(Child.await(60, () -> !(seen[0] = running()).isEmpty()),
          "the task's container runs: " + Child.read(dir.resolve("runner.log")));
      String name = seen[0];
      runner.destroyForcibly().waitFor();
      assertTrue(Child.await(60, () -> !containersOf("").contains(name)), name + " was removed when its runner died");
    } finally {
      runner.destroyForcibly();
    }
  }

  @Test
  void aResumeRemovesTheContainersAnEarlierRunnerLeft() throws IOException {
    String runId = "20260101-000000-000-test" + ProcessHandle.current().pid();
    engine.check("run", "--detach", "--stop-timeout", "0", "--name", "kfp4j-" + runId + "-left-1", "--label", ContainerLauncher.RUN_LABEL + "=" + runId, shell,
        "sleep", "600");
    assertFalse(containersOf(runId).isEmpty());
    ContainerLauncher.removeLeftovers(engine.command(), runId);
    assertEquals("", containersOf(runId));
  }

  @Test
  void quantitiesAreWhatTheEngineTakes() {
    assertEquals("0.5", ContainerLauncher.cpus("500m"));
    assertEquals("2", ContainerLauncher.cpus("2"));
    assertEquals("536870912", ContainerLauncher.bytes("512Mi"));
    assertEquals("1000000000", ContainerLauncher.bytes("1G"));
    assertEquals("1610612736", ContainerLauncher.bytes("1.5Gi"));
    assertThrows(IllegalArgumentException.class, () -> ContainerLauncher.bytes("lots"));
  }

  /** The names of the containers of run {@code runId} (all of kfp4j's for ""), running or not. */
  private static String containersOf(String runId) {
    try {
      return engine.check("ps", "--all", "--format", "{{.Names}}", "--filter",
          "label=" + ContainerLauncher.RUN_LABEL + (runId.isEmpty() ? "" : "=" + runId)).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String running() {
    try {
      return engine.check("ps", "--format", "{{.Names}}", "--filter", "name=kfp4j-.*-slow-1").strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
