package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed task leaves no half-written output: a task run here (a shell command, a Java component
 * in this JVM or as a subprocess, a KFP 2 component of the executor protocol) that writes part of
 * its outputs and then fails, or exits 0 without one, leaves only its log in its folder, in either
 * format; retried, the attempt that succeeds leaves its own outputs only, and every attempt's log.
 */
class FailedAttemptOutputTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(LocalRunner.JavaMode mode) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).javaMode(mode).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  /** Every file in the folder of task {@code id}, relative to it. */
  private static List<String> files(RunResult r, String id) throws Exception {
    Path folder = r.task(id).orElseThrow().log().getParent();
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  /** An Argo template: counts its runs in {@code count}, writes part of its output, fails unless it ran {@code succeedsOn} times. */
  private static String argoHalf(Path count, int succeedsOn, int retries) {
    return "  - name: half\n    inputs: {parameters: [{name: x}]}\n"
        + (retries == 0 ? "" : "    retryStrategy: {limit: '" + retries + "'}\n")
        + "    outputs:\n      parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]\n"
        + "      artifacts: [{name: art, path: /tmp/outputs/art/data}]\n"
        + "    container:\n      image: a\n      command: [sh, -c]\n"
        + "      args: ['echo x >> " + count + "; if [ $(wc -l < " + count + ") -ge " + succeedsOn + " ]; "
        + "then echo good > \"$0\"; echo good > \"$1\"; else echo half > \"$0\"; exit 1; fi', "
        + "/tmp/outputs/out/data, /tmp/outputs/art/data]\n";
  }

  @Test
  void anArgoTaskThatWritesPartOfAnOutputAndFailsLeavesOnlyItsLog() throws Exception {
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(workflow("half", "", task("h", "half", "1"), argoHalf(dir.resolve("n"), 9, 0)),
        Map.of());
    assertEquals(State.Failed, r.task("h").orElseThrow().state(), console.toString());
    assertEquals(List.of("log.txt"), files(r, "h"));
  }

  @Test
  void anArgoTaskRetriedAfterAHalfWrittenOutputHasTheGoodOutputsOnly() throws Exception {
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(workflow("half", "", task("h", "half", "1"), argoHalf(dir.resolve("n"), 2, 2)),
        Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals(2, r.task("h").orElseThrow().attempts());
    assertEquals("good", r.output("h", "out"));
    assertEquals(List.of("log.txt", "outputs", "outputs/art", "outputs/art/data", "outputs/out", "outputs/out/data"), files(r, "h"));
    assertTrue(Files.readString(r.task("h").orElseThrow().log()).contains("attempt 1 failed (exit code 1); retrying"), "the log is kept");
  }

  /** A KFP 2 shell component like {@link #argoHalf}, its output's path given by KFP 2's placeholder. */
  private static Pipeline kfp2Half(Path count, int succeedsOn, int retries) {
    ComponentSpec half = new ComponentSpec("half", null, null, null, List.of(new InputSpec("n", TypeSpec.named("String"), null, null, false)),
        List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("echo x >> \"$0\"; if [ $(wc -l < \"$0\") -ge " + succeedsOn + " ]; then printf good > \"$1\"; "
                + "else printf half > \"$1\"; exit 1; fi"),
            new Placeholder.InputValue("n"), new Placeholder.OutputPath("out")), null, null), null);
    return new Pipeline("half", null, List.of(), List.of(new Task("h", half, Map.of("n", Argument.Constant.of(count.toString())), List.of(),
        retries == 0 ? List.of() : List.of(new RunSetting.Retry(retries, null)))), null, PipelineSettings.DEFAULTS, null);
  }

  private static Workflow kfp2(Pipeline p) {
    return Workflow.parse(Kfp2Writer.write(p), p.name() + ".yaml");
  }

  @Test
  void aKfp2TaskThatWritesPartOfAnOutputAndFailsLeavesOnlyItsLog() throws Exception {
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(kfp2(kfp2Half(dir.resolve("n"), 9, 0)), Map.of());
    assertEquals(State.Failed, r.task("h").orElseThrow().state(), console.toString());
    assertEquals(List.of("log.txt"), files(r, "h"));
  }

  @Test
  void aKfp2TaskRetriedAfterAHalfWrittenOutputHasTheGoodOutputOnly() throws Exception {
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(kfp2(kfp2Half(dir.resolve("n"), 2, 1)), Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals(2, r.task("h").orElseThrow().attempts());
    assertEquals("good", r.output("h", "out"));
    assertEquals(List.of("log.txt", "outputs", "outputs/out", "outputs/out/data"), files(r, "h"));
  }

  private static String javaHalf() {
    return "  - name: half\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, half, half, /tmp/outputs/out/data]\n";
  }

  private void javaComponentLeavesOnlyItsLog(LocalRunner.JavaMode mode) throws Exception {
    RunResult r = runner(mode).run(workflow("half-java", "", "      - {name: h, template: half}\n", javaHalf()), Map.of());
    assertFalse(r.succeeded(), console.toString());
    assertTrue(Files.readString(r.task("h").orElseThrow().log()).contains("failed after writing half"), "it ran and threw");
    assertEquals(List.of("log.txt"), files(r, "h"));
  }

  @Test
  void aJavaComponentThatWritesPartOfAnOutputAndThrowsInProcessLeavesOnlyItsLog() throws Exception {
    javaComponentLeavesOnlyItsLog(LocalRunner.JavaMode.IN_PROCESS);
  }

  @Test
  void aJavaComponentThatWritesPartOfAnOutputAndThrowsAsASubprocessLeavesOnlyItsLog() throws Exception {
    javaComponentLeavesOnlyItsLog(LocalRunner.JavaMode.SUBPROCESS);
  }

  @Test
  void aKfp2TaskOfTheExecutorProtocolThatWritesItsExecutorOutputAndFailsLeavesOnlyItsLog() throws Exception {
    // writes the executor output at the path its executor input names, and an output value, then fails
    ComponentSpec c = new ComponentSpec("proto", null, null, null, List.of(), List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*executor_output.json\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\"; printf '{\"parameterValues\": {\"out\": \"ha' > \"$f\"; exit 3"),
            new Placeholder.ExecutorInput()), null, null), null);
    Pipeline p = new Pipeline("proto", null, List.of(), List.of(new Task("p", c, Map.of())), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(kfp2(p), Map.of());
    assertEquals(3, r.task("p").orElseThrow().exitCode(), console.toString());
    assertEquals(List.of("log.txt"), files(r, "p"));
  }

  @Test
  void aTaskThatExitsZeroWithoutOneOfItsOutputsLeavesNoneOfThem() throws Exception {
    String t = "  - name: short\n    inputs: {parameters: [{name: x}]}\n"
        + "    outputs:\n      parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]\n"
        + "      artifacts: [{name: art, path: /tmp/outputs/art/data}]\n"
        + "    container:\n      image: a\n      command: [sh, -c]\n      args: ['echo good > \"$0\"', /tmp/outputs/out/data]\n";
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(workflow("short", "", task("s", "short", "1"), t), Map.of());
    assertTrue(r.task("s").orElseThrow().message().startsWith("it wrote no output artifact 'art'"), console.toString());
    assertEquals(List.of("log.txt"), files(r, "s"));
  }
}
