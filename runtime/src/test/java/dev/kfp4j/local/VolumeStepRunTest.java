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
    List<TaskSetting> mount = List.of(new TaskSetting.VolumeMount("data", "/mnt"));
    return new Pipeline("shared-volume", null, List.of(new Parameter("size", ParameterType.STRING, "1Gi", null)), List.of(
        new VolumeStep("data", "data", new Argument.PipelineParameter("size"), "ReadWriteOnce", "", List.of(), List.of(),
            VolumeStep.Deletion.afterMounts("data"), uniqueName),
        new Task("write", WRITE, Map.of("file", Argument.Constant.of("/mnt/f")), List.of(), mount),
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
      assertEquals("hello", Files.readString(dir.resolve("runs/volumes").resolve(claim).resolve("f")), "the claim's folder");
      assertFalse(Files.exists(Path.of("/mnt/f")), "the path is the container's, not this machine's");
    }
  }

  /** A claim of a fixed name is one folder from run to run, as the claim another run finds by its name. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aClaimOfAFixedNameIsTheSameFolderInEachRun(Format format) throws Exception {
    Workflow w = Workflow.parse(format.write.apply(pipeline(false)), "shared-volume.yaml");
    RunResult first = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(first.succeeded(), () -> String.valueOf(first.failedTask()));
    assertEquals("data", first.output("data", "name"));
    Files.writeString(dir.resolve("runs/volumes/data/left"), "by the first run");
    RunResult second = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(second.succeeded(), () -> String.valueOf(second.failedTask()));
    assertEquals("by the first run", Files.readString(dir.resolve("runs/volumes/data/left")));
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
    ComponentSpec opens = sh("opens", "printf x > /proc/kfp4j-claim/f", List.of(), List.of());
    Pipeline p = new Pipeline("opening", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(), null, true),
        new Task("opens", opens, Map.of(), List.of(), List.of(new TaskSetting.VolumeMount("data", "/proc/kfp4j-claim")))),
        null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(mode).run(Workflow.parse(Kfp2Writer.write(p), "opening.yaml"), Map.of());
    assertFalse(r.succeeded());
    String log = Files.readString(r.task("opens").orElseThrow().log());
    assertTrue(log.contains("kfp4j: outside containers, /proc/kfp4j-claim is the folder " + dir.resolve("runs/volumes/opening-"
        + r.runId() + "-data") + " only where the command names it as an argument, and this one names it nowhere: if the task's "
        + "code opens /proc/kfp4j-claim itself, run with --containers, which mounts the folder there"), log);
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
