package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A volume step runs locally (it was refused: "run this pipeline on a cluster"): its claim is a folder of the runs' volumes,
 * named as the cluster names the claim, which the tasks mounting it share at their mount paths; its outputs are the claim's
 * name, size and manifest. In both formats, the Java of the step in this JVM and in a subprocess.
 */
class VolumeStepRunTest {
  @TempDir Path dir;

  /** {@code sh -c 'printf hello > "$0"' /mnt/f}: the path is the container's, mapped to the claim's folder here. */
  private static final ComponentSpec WRITE = sh("write", "printf hello > \"$0\"", List.of("file"), List.of());
  private static final ComponentSpec READ = sh("read", "cat \"$0\" > \"$2\" && printf %s \"$1\" > \"$3\"", List.of("file", "claim"),
      List.of("out", "claim"));

  private static ComponentSpec sh(String name, String script, List<String> inputs, List<String> outputs) {
    List<Placeholder> args = new java.util.ArrayList<>(List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script)));
    List<InputSpec> in = new java.util.ArrayList<>();
    for (String i : inputs) {
      in.add(new InputSpec(i, TypeSpec.named("String"), null, null, false));
      args.add(new Placeholder.InputValue(i));
    }
    List<OutputSpec> out = new java.util.ArrayList<>();
    for (String o : outputs) {
      out.add(new OutputSpec(o, TypeSpec.named("String"), null));
      args.add(new Placeholder.OutputPath(o));
    }
    return new ComponentSpec(name, null, null, null, in, out,
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), args, null, null), null);
  }

  /** A volume of the size the run gives, written by one task and read by the next, which is given the claim's name. */
  private static Pipeline pipeline(boolean uniqueName) {
    return pipeline(uniqueName, VolumeStep.Deletion.afterMounts("data"));
  }

  /** As {@link #pipeline(boolean)}, the claim deleted by {@code deletion} (null: kept). */
  private static Pipeline pipeline(boolean uniqueName, VolumeStep.Deletion deletion) {
    return pipeline(uniqueName, deletion, WRITE);
  }

  /** As {@link #pipeline(boolean, VolumeStep.Deletion)}, the first task running {@code write}. */
  private static Pipeline pipeline(boolean uniqueName, VolumeStep.Deletion deletion, ComponentSpec write) {
    List<TaskSetting> mount = List.of(new TaskSetting.VolumeMount("data", "/mnt"));
    return new Pipeline("shared-volume", null, List.of(new Parameter("size", ParameterType.STRING, "1Gi", null)), List.of(
        new VolumeStep("data", "data", new Argument.PipelineParameter("size"), "ReadWriteOnce", "", List.of(), List.of(),
            deletion, uniqueName),
        new Task("write", write, Map.of("file", Argument.Constant.of("/mnt/f")), List.of(), mount),
        new Task("read", READ, Map.of("file", Argument.Constant.of("/mnt/f"), "claim", new Argument.TaskOutput("data", "name")),
            List.of("write"), mount)),
        null, PipelineSettings.DEFAULTS, null);
  }

  enum Format {
    KFP2(Kfp2Writer::write),
    ARGO(ArgoWriter::write);

    final Function<Pipeline, String> write;

    Format(Function<Pipeline, String> write) {
      this.write = write;
    }
  }

  private LocalRunner runner(LocalRunner.JavaMode mode) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).javaMode(mode)
        .console(new PrintStream(OutputStream.nullOutputStream())).build();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aVolumeIsAFolderTheTasksMountingItShare(Format format) throws Exception {
    for (LocalRunner.JavaMode mode : LocalRunner.JavaMode.values()) {
      RunResult r = runner(mode).run(Workflow.parse(format.write.apply(pipeline(true)), "shared-volume.yaml"), Map.of("size", "2Gi"));
      assertTrue(r.succeeded(), () -> mode + ": " + r.failedTask());
      String claim = "shared-volume-" + r.runId() + "-data";
      assertEquals(claim, r.output("data", "name"), "named after the run, as {{workflow.name}}-data");
      assertEquals("2Gi", r.output("data", "size"));
      JsonNode manifest = Yaml.readJson(r.output("data", "manifest"));
      assertEquals(claim, manifest.at("/metadata/name").asString());
      assertEquals("2Gi", manifest.at("/spec/resources/requests/storage").asString());
      assertEquals("hello", r.output("read", "out"), "the second task read what the first wrote on the claim");
      assertEquals(claim, r.output("read", "claim"));
      assertFalse(Files.exists(Path.of("/mnt/f")), "the path is the container's, not this machine's");
      // KFP 2's deletepvc, the Argo workflow's resource delete, after the tasks mounting it
      assertEquals(State.Succeeded, r.task("data-delete").orElseThrow().state(), format.name());
      assertFalse(Files.exists(dir.resolve("runs/volumes").resolve(claim)), "the deletion deleted the claim's folder");
      assertTrue(Files.isDirectory(dir.resolve("runs/volumes")), "and nothing more");
      assertTrue(Files.readString(r.task("data-delete").orElseThrow().log()).contains("claim " + claim + " deleted"));
    }
  }

  /**
   * kfp4j's own deletion runs whatever happened to the tasks mounting the claim in the Argo workflow (which waits for their failure
   * too through {@code depends}), and the run is failed all the same. In KFP 2 it runs so after one task mounting the claim
   * ({@link #aKfp2DeletionAfterOneMountRunsAfterItFailed}); after several, once they succeeded, as KFP's backend can run it: a
   * task of {@code ALL_UPSTREAM_TASKS_COMPLETED} there is an exit hook of each task it waits for, which would delete the claim
   * when the first of them ends.
   */
  @ParameterizedTest
  @EnumSource(Format.class)
  void theDeletionRunsAfterAFailedMountAndTheRunFails(Format format) throws Exception {
    ComponentSpec fails = sh("write", "exit 3", List.of("file"), List.of());
    Workflow failing = Workflow.parse(format.write.apply(pipeline(true, VolumeStep.Deletion.afterMounts("data"), fails)),
        "shared-volume.yaml");
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(failing, Map.of());
    assertFalse(r.succeeded());
    assertEquals(State.Failed, r.task("write").orElseThrow().state());
    assertEquals(State.Omitted, r.task("read").orElseThrow().state());
    Path claim = dir.resolve("runs/volumes/shared-volume-" + r.runId() + "-data");
    if (format == Format.ARGO) {
      assertEquals(State.Succeeded, r.task("data-delete").orElseThrow().state(), "deleted after a failure too");
      assertFalse(Files.exists(claim));
    } else {
      assertEquals(State.Omitted, r.task("data-delete").orElseThrow().state(), "two tasks mount it: deleted once they succeeded");
      assertTrue(Files.isDirectory(claim), "kept after the failure");
    }
  }

  /** In KFP 2, kfp4j's own deletion after the one task mounting the claim runs whatever happened to it: KFP's exit hook of it. */
  @org.junit.jupiter.api.Test
  void aKfp2DeletionAfterOneMountRunsAfterItFailed() throws Exception {
    ComponentSpec fails = sh("write", "exit 3", List.of("file"), List.of());
    Pipeline one = new Pipeline("one-mount", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(),
            VolumeStep.Deletion.afterMounts("data"), true),
        new Task("write", fails, Map.of("file", Argument.Constant.of("/mnt/f")), List.of(),
            List.of(new TaskSetting.VolumeMount("data", "/mnt")))),
        null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.parse(Kfp2Writer.write(one), "one-mount.yaml"), Map.of());
    assertFalse(r.succeeded());
    assertEquals(State.Failed, r.task("write").orElseThrow().state());
    assertEquals(State.Succeeded, r.task("data-delete").orElseThrow().state(), "deleted after a failure too");
    assertFalse(Files.exists(dir.resolve("runs/volumes/one-mount-" + r.runId() + "-data")));
  }

  /**
   * KFP 2's deletepvc deletes only the folder this run's volume step made: a claim of a fixed name whose folder was there before
   * the run is kept, with what is in it.
   */
  @org.junit.jupiter.api.Test
  void aKfp2DeletionDeletesOnlyTheFolderItsVolumeStepMade() throws Exception {
    Path kept = Files.createDirectories(dir.resolve("runs/volumes/data"));
    Files.writeString(kept.resolve("mine"), "a person's file");
    RunResult fixed = runner(LocalRunner.JavaMode.SUBPROCESS).run(Workflow.parse(Kfp2Writer.write(pipeline(false)), "v.yaml"), Map.of());
    assertTrue(fixed.succeeded(), () -> String.valueOf(fixed.failedTask()));
    assertEquals("a person's file", Files.readString(kept.resolve("mine")), "a folder the run did not make is kept");
    assertEquals("hello", Files.readString(kept.resolve("f")));
    assertTrue(Files.readString(fixed.task("data-delete").orElseThrow().log())
        .contains("claim data kept: its folder " + kept + " was not made by this run's volume step"));

    Files.delete(kept.resolve("mine"));
    Files.delete(kept.resolve("f"));
    Files.delete(kept);
    RunResult made = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.parse(Kfp2Writer.write(pipeline(false)), "v.yaml"), Map.of());
    assertTrue(made.succeeded(), () -> String.valueOf(made.failedTask()));
    assertFalse(Files.exists(kept), "the folder the run made is deleted");
  }

  /** A claim of a fixed name is one folder from run to run, as the claim another run finds by its name. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aClaimOfAFixedNameIsTheSameFolderInEachRun(Format format) throws Exception {
    Workflow w = Workflow.parse(format.write.apply(pipeline(false, null)), "shared-volume.yaml");
    RunResult first = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(first.succeeded(), () -> String.valueOf(first.failedTask()));
    assertEquals("data", first.output("data", "name"));
    Files.writeString(dir.resolve("runs/volumes/data/left"), "by the first run");
    RunResult second = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(second.succeeded(), () -> String.valueOf(second.failedTask()));
    assertEquals("by the first run", Files.readString(dir.resolve("runs/volumes/data/left")));
  }

  /**
   * A run's volume (KFP 2: createpvc before every task, mounted in every task, the exit task too) is there for the exit task,
   * which reads what the body wrote on it, and kept: KFP's backend runs the exit task as an Argo exit hook, after which no task
   * can wait (a deletepvc waiting for it would name a task its DAG does not hold, which Argo refuses).
   */
  @org.junit.jupiter.api.Test
  void aRunsVolumeIsThereForTheExitTaskAndKept() throws Exception {
    ComponentSpec write = sh("write", "printf hello > \"$0/f\"", List.of("dir"), List.of());
    ComponentSpec read = sh("read", "cat \"$0/f\" > \"$1\"", List.of("dir"), List.of("out"));
    Pipeline p = new Pipeline("run-volume", null, List.of(),
        List.of(new Task("write", write, Map.of("dir", Argument.Constant.of("/data")))),
        new Task("read", read, Map.of("dir", Argument.Constant.of("/data"))),
        PipelineSettings.DEFAULTS.withRunVolume(new dev.kfp4j.model.RunVolume("1Gi", "ReadWriteOnce", null, "/data")), null);
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.parse(Kfp2Writer.write(p), "run-volume.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("hello", r.output("read", "out"), "the exit task read what the body wrote");
    assertTrue(r.task(dev.kfp4j.model.RunVolume.NAME + "-delete").isEmpty(), "no deletion");
    try (var left = Files.list(dir.resolve("runs/volumes"))) {
      assertEquals(1, left.count(), "the run's volume is kept");
    }
  }

  /**
   * A command taking its inputs in KFP 2's executor input (a Python lightweight component, a Java component's KFP 2 form) given a
   * path under the mount path finds it on the claim's folder, as one given it as an argument does: the value is in the JSON of
   * its one argument, and reached this machine's path there. (That path cannot be written here: without the mapping the task
   * fails, writing nothing outside the test's folder.)
   */
  @ParameterizedTest
  @EnumSource(LocalRunner.JavaMode.class)
  void aPathUnderTheMountPathInTheExecutorInputIsOnTheClaim(LocalRunner.JavaMode mode) throws Exception {
    RunResult r = runner(mode).run(jsonWriter(""), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("hello", Files.readString(dir.resolve("runs/volumes/json-mount-" + r.runId() + "-data/f")));

    RunResult failed = runner(mode).run(jsonWriter("\nsys.exit(3)"), Map.of());
    assertFalse(failed.succeeded());
    String log = Files.readString(failed.task("write").orElseThrow().log());
    assertFalse(log.contains("names it nowhere"), "its executor input names the mount path, which was the claim's folder: " + log);
  }

  /** A pipeline whose one task, taking KFP 2's executor input, writes at the path its input gives, then runs {@code more}. */
  private static Workflow jsonWriter(String more) {
    ComponentSpec writeJson = new ComponentSpec("write", null, null, null,
        List.of(new InputSpec("file", TypeSpec.named("String"), null, null, false)), List.of(),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")), List.of(
            new Placeholder.Literal("import json, sys\nopen(json.loads(sys.argv[1])['inputs']['parameterValues']['file'], 'w')"
                + ".write('hello')" + more), new Placeholder.ExecutorInput()), null, null), null);
    List<TaskSetting> mount = List.of(new TaskSetting.VolumeMount("data", "/proc/kfp4j-claim"));
    Pipeline p = new Pipeline("json-mount", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(), null, true),
        new Task("write", writeJson, Map.of("file", Argument.Constant.of("/proc/kfp4j-claim/f")), List.of(), mount)),
        null, PipelineSettings.DEFAULTS, null);
    return Workflow.parse(Kfp2Writer.write(p), "json-mount.yaml");
  }

  /**
   * A path under the mount path inside a list or map value (KFP's JsonArray, JsonObject) is on the claim's folder too, as a
   * whole value is: given as an argument (the Argo workflow) and in KFP 2's executor input. Only a whole string is a path: one
   * that merely holds the mount path is given as it is. (The mount path cannot be written here: without the mapping the task
   * fails, writing nothing outside the test's folder.)
   */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aPathUnderTheMountPathInAListOrMapValueIsOnTheClaim(Format format) throws Exception {
    for (LocalRunner.JavaMode mode : LocalRunner.JavaMode.values()) {
      RunResult r = runner(mode).run(nestedWriter(format), Map.of());
      assertTrue(r.succeeded(), () -> mode + ": " + r.failedTask());
      Path claim = dir.resolve("runs/volumes/nested-mount-" + r.runId() + "-data");
      assertEquals("a", Files.readString(claim.resolve("a")), "the list's path");
      assertEquals("b", Files.readString(claim.resolve("b")), "the map's path");
      assertEquals("not /proc/kfp4j-claim/x", r.output("write", "text"), "a text holding the mount path is no path");
    }
  }

  /**
   * A pipeline whose one task writes at the paths in its list input {@code files} (the first of them) and map input {@code
   * named} ({@code f}) and gives the list's second item as its output {@code text}: its inputs as arguments for the Argo
   * workflow, in KFP 2's executor input for KFP 2.
   */
  private static Workflow nestedWriter(Format format) {
    boolean kfp2 = format == Format.KFP2;
    String read = kfp2 ? "v = json.loads(sys.argv[1])['inputs']['parameterValues']\nfiles, named = v['files'], v['named']\n"
        + "out = json.loads(sys.argv[1])['outputs']['parameters']['text']['outputFile']\n"
        : "files, named, out = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]\n";
    List<Placeholder> args = new java.util.ArrayList<>(List.of(new Placeholder.Literal("import json, sys\n" + read
        + "open(files[0], 'w').write('a')\nopen(named['f'], 'w').write('b')\nopen(out, 'w').write(files[1])")));
    args.addAll(kfp2 ? List.of(new Placeholder.ExecutorInput())
        : List.of(new Placeholder.InputValue("files"), new Placeholder.InputValue("named"), new Placeholder.OutputPath("text")));
    ComponentSpec write = new ComponentSpec("write", null, null, null,
        List.of(new InputSpec("files", TypeSpec.named("JsonArray"), null, null, false),
            new InputSpec("named", TypeSpec.named("JsonObject"), null, null, false)),
        List.of(new OutputSpec("text", TypeSpec.named("String"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("python3"), new Placeholder.Literal("-c")), args, null, null),
        null);
    List<TaskSetting> mount = List.of(new TaskSetting.VolumeMount("data", "/proc/kfp4j-claim"));
    Pipeline p = new Pipeline("nested-mount", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(), null, true),
        new Task("write", write, Map.of(
            "files", new Argument.Constant("[\"/proc/kfp4j-claim/a\", \"not /proc/kfp4j-claim/x\"]", ParameterType.LIST),
            "named", new Argument.Constant("{\"f\": \"/proc/kfp4j-claim/b\"}", ParameterType.STRUCT)), List.of(), mount)),
        null, PipelineSettings.DEFAULTS, null);
    return Workflow.parse(format.write.apply(p), "nested-mount.yaml");
  }

  /** In a loop (KFP 2, where each claim gets a random name), each iteration's volume is a claim of its own. */
  @org.junit.jupiter.api.Test
  void eachIterationOfALoopMakesAClaimOfItsOwn() throws Exception {
    List<TaskSetting> mount = List.of(new TaskSetting.VolumeMount("data", "/mnt"));
    ComponentSpec append = sh("append", "[ ! -e \"$0\" ] && printf x > \"$0\"", List.of("file"), List.of());
    dev.kfp4j.model.Loop loop = new dev.kfp4j.model.Loop("for-loop-1", new dev.kfp4j.model.Loop.Constants(List.of(
        new Argument.Constant("1", ParameterType.INTEGER), new Argument.Constant("2", ParameterType.INTEGER))), 0, List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(),
            VolumeStep.Deletion.afterMounts("data"), true),
        new Task("append", append, Map.of("file", Argument.Constant.of("/mnt/f")), List.of(), mount)));
    Pipeline p = new Pipeline("looping", null, List.of(), List.of(loop), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.parse(Kfp2Writer.write(p), "looping.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> "each iteration finds no file, on a claim of its own: " + r.failedTask());
    assertEquals("looping-" + r.runId() + "-for-loop-1-0-data", r.output("for-loop-1(0)/data", "name"));
    assertEquals("looping-" + r.runId() + "-for-loop-1-1-data", r.output("for-loop-1(1)/data", "name"));
  }

  /**
   * Code that opens the mount path itself reaches this machine's path outside containers: when such a task fails, its log says
   * why and what to do. (The path here cannot be written, so the test writes nothing outside its folder.)
   */
  @ParameterizedTest
  @EnumSource(LocalRunner.JavaMode.class)
  void aTaskOpeningTheMountPathItselfFailsSayingWhy(LocalRunner.JavaMode mode) throws Exception {
    RunResult r = opener(runner(mode));
    String log = Files.readString(r.task("opens").orElseThrow().log());
    assertTrue(log.contains("kfp4j: outside containers, /proc/kfp4j-claim is the folder " + dir.resolve("runs/volumes/opening-"
        + r.runId() + "-data") + " only where the command names it, as an argument or an input's value in KFP 2's executor input, "
        + "and this one names it nowhere: if the task's "
        + "code opens /proc/kfp4j-claim itself, run with --containers, which mounts the folder there"), log);
  }

  /** The note names the option that runs tasks in containers as the runner's caller names its options: a Maven goal's property. */
  @Test
  void theNoteOnTheMountPathNamesContainersAsTheCallerDoes() throws Exception {
    RunResult r = opener(LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream())).options(EngineProbeTest.GOAL).build());
    String log = Files.readString(r.task("opens").orElseThrow().log());
    assertTrue(log.contains(" itself, run with -Dkfp4j.containers, which mounts the folder there"), log);
  }

  /** A run by {@code runner} of a task that opens the path of its volume's mount itself, which fails: not the folder here. */
  private RunResult opener(LocalRunner runner) {
    ComponentSpec opens = sh("opens", "printf x > /proc/kfp4j-claim/f", List.of(), List.of());
    Pipeline p = new Pipeline("opening", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(), null, true),
        new Task("opens", opens, Map.of(), List.of(), List.of(new TaskSetting.VolumeMount("data", "/proc/kfp4j-claim")))),
        null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner.run(Workflow.parse(Kfp2Writer.write(p), "opening.yaml"), Map.of());
    assertFalse(r.succeeded());
    return r;
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aSizeThatIsNoQuantityFailsTheVolumeSayingSo(Format format) throws Exception {
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(Workflow.parse(format.write.apply(pipeline(true)), "shared-volume.yaml"),
        Map.of("size", "lots"));
    assertFalse(r.succeeded());
    TaskResult data = r.task("data").orElseThrow();
    assertEquals(State.Failed, data.state());
    assertTrue(Files.readString(data.log()).contains("the size 'lots' is not a Kubernetes quantity, such as 1Gi"),
        Files.readString(data.log()));
    assertFalse(r.task("write").isPresent() && r.task("write").get().state() == State.Succeeded, "nothing mounted it");
  }
}
