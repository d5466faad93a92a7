package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ports of KFP's official samples ({@code samples/core}, {@code samples/tutorials}) in {@code
 * examples/.../kfp2/}, compiled by the real processor, run on this machine from each format they
 * are written in, checked for what the samples show.
 */
class SamplePortsTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunResult run(String resource, Map<String, String> arguments) {
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/" + resource);
    return LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, arguments);
  }

  private RunResult succeeded(String resource, Map<String, String> arguments) {
    RunResult r = run(resource, arguments);
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    return r;
  }

  private static TaskResult.State state(RunResult r, String id) {
    return r.task(id).map(TaskResult::state).orElse(null);
  }

  private static String log(RunResult r, String id) throws IOException {
    return Files.readString(r.task(id).orElseThrow().log());
  }

  /**
   * {@code tutorial-control-flows}: the exit task runs though the task in the exit handler failed; of the loop over heads and
   * tails only the iteration that matches the flip passes its condition, and there the condition on the random number that holds
   * prints the item and the number joined into one text (KFP's f-string).
   */
  @RepeatedTest(3)
  void controlStructuresRunTheExitTaskAndTheMatchingIterationsBranch() throws IOException {
    RunResult r = run("kfp2/pipelines/tutorial-control-flows.yaml", Map.of());
    assertFalse(r.succeeded());
    assertEquals("exit-handler-1/fail-op", r.failedTask().orElseThrow().id());
    assertEquals(TaskResult.State.Succeeded, state(r, "print-op"), console::toString);
    assertTrue(log(r, "print-op").contains("Exit handler has worked!"));
    String flip = r.output("flip-coin-op", "Output");
    int matching = flip.equals("heads") ? 0 : 1;
    assertEquals(TaskResult.State.Skipped, state(r, "for-loop-3(" + (1 - matching) + ")/condition-4"));
    String in = "for-loop-3(" + matching + ")/condition-4/";
    int n = Integer.parseInt(r.output(in + "get-random-int-op", "Output"));
    assertTrue(n >= 0 && n <= 9, "random number " + n);
    String ran = n > 5 ? in + "condition-5/print-op-2" : in + "condition-6/print-op-3";
    String skipped = n > 5 ? in + "condition-6" : in + "condition-5";
    assertEquals(TaskResult.State.Succeeded, state(r, ran), console::toString);
    assertTrue(log(r, ran).contains(flip + " and " + n + (n > 5 ? " > 5!" : " <= 5!")), () -> ran + " printed something else");
    assertEquals(TaskResult.State.Skipped, state(r, skipped));
  }

  /**
   * {@code tutorial-data-passing}: two datasets (one an {@code @Out Dataset}, one an {@code @OutputPath("Dataset")} file) and the
   * text, boolean, map and list that {@code preprocess} returns reach {@code train-step}, which writes them into its model.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "kfp2/pipelines/"})
  void dataPassingGivesEveryKindOfOutputToTheTrainingStep(String folder) throws IOException {
    RunResult r = succeeded(folder + "tutorial-data-passing.yaml", Map.of("message", "hello"));
    Path model = r.task("train-step").orElseThrow().artifacts().get("model");
    List<String> lines = Files.readAllLines(model);
    assertEquals("Step 0", lines.get(0));
    assertEquals("dataset_one_contents: hello || dataset_two_contents: hello || message: hello || input_bool: true || "
        + "input_dict: {A=1, B=2} || input_list: [a, b, c] ", lines.get(1));
    assertEquals(100 * 4, lines.size(), "numSteps' default, 100 steps of four lines (the text ends in a line break)");
    if (folder.startsWith("kfp2")) {
      assertEquals(0.9, r.task("train-step").orElseThrow().outputArtifacts().get("model").metadata().get("accuracy"));
    }
  }

  /**
   * {@code parallel-pipeline}: two downloads run, each writing its text to its {@code OutputPath(str)} file, and the echo task
   * gets both texts as values ({@code Dsl.value(download1Task.output())}): in KFP 2 the file's text as it is, as KFP's launcher
   * reads a {@code STRING} output; in Argo less one trailing newline, as Argo's executor reads a {@code valueFrom.path}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "kfp2/pipelines/"})
  void parallelJoinGivesBothDownloadedTextsToTheEcho(String folder) throws IOException {
    Path texts = Files.createDirectories(dir.resolve("texts"));
    String url1 = Files.writeString(texts.resolve("shakespeare1.txt"), "To be, or not to be\n").toUri().toString();
    String url2 = Files.writeString(texts.resolve("shakespeare2.txt"), "that is the question").toUri().toString();
    RunResult r = succeeded(folder + "parallel-pipeline.yaml", Map.of("url1", url1, "url2", url2));
    boolean kfp2 = folder.startsWith("kfp2");
    assertEquals(kfp2 ? "To be, or not to be\n" : "To be, or not to be", r.output("gcs-download-op", "output"));
    assertEquals("that is the question", r.output("gcs-download-op-2", "output"));
    assertTrue(log(r, "echo2-op").contains("Text 1: To be, or not to be" + (kfp2 ? "\n\n" : "\n") + "Text 2: that is the question\n"),
        console::toString);
  }

  /** {@code pipeline-with-loop-parameter}: one iteration per item of the task's list, each given the item's fields. */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "kfp2/pipelines/"})
  void loopParameterGivesEachItemsFields(String folder) {
    RunResult r = succeeded(folder + "pipeline-with-loop-parameter.yaml", Map.of());
    assertEquals("this is a test for looping through parameters", r.output("echo-text", "Output"));
    List<String> joined = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      joined.add(r.output("for-loop-1(" + i + ")/concat-op", "Output"));
      assertEquals(joined.get(i), r.output("for-loop-1(" + i + ")/echo-text-2", "Output"));
    }
    assertEquals(List.of("110", "220", "330", "440"), joined);
  }

  /** {@code nested-conditions-pipeline}: the inner condition compares two tasks' outputs, and runs exactly when they are equal. */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "pipelines/", "pipelines/", "kfp2/pipelines/", "kfp2/pipelines/", "kfp2/pipelines/"})
  void theInnerConditionRunsWhenTwoFlipsAgree(String folder) {
    RunResult r = succeeded(folder + "nested-conditions-pipeline.yaml", Map.of());
    String flip2 = r.output("flip-coin-op-2", "Output");
    String flip3 = r.output("condition-1/flip-coin-op-3", "Output");
    assertEquals(flip3, r.output("condition-1/echo-text-3", "Output"));
    if (flip2.equals(flip3)) {
      assertEquals(r.output("condition-1/condition-2/flip-coin-op-4", "Output"), r.output("condition-1/condition-2/echo-text-4", "Output"));
    } else {
      assertEquals(TaskResult.State.Skipped, state(r, "condition-1/condition-2"));
    }
  }

  /** {@code dir-pipeline}: a folder written into an artifact reaches the next task whole. */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "kfp2/pipelines/"})
  void anArtifactThatIsAFolderReachesTheNextTask(String folder) throws IOException {
    RunResult r = succeeded(folder + "dir-pipeline.yaml", Map.of("subdir", "docs"));
    String names = String.join(", ", IntStream.range(0, 15).mapToObj(i -> "\"" + i + ".txt\"").sorted().toList());
    assertEquals("[" + names + "]", r.output("list-dir-files", "Output"));
    Path written = r.task("produce-dir-with-files-op").orElseThrow().artifacts().get("outputDir");
    assertEquals("14", Files.readString(written.resolve("docs/14.txt")));
  }

  /**
   * {@code runtime-resource-request-pipeline} and its GPU twin: the limits come from another task's outputs, as KFP's SDK writes
   * a pipeline channel there (the executor's resources a placeholder of the task's {@code pipelinechannel--} input), and the run
   * gives them.
   */
  @Test
  void resourceLimitsComeFromAnotherTasksOutputs() {
    RunResult r = succeeded("kfp2/pipelines/runtime-resource-request-pipeline.yaml", Map.of("n", "1000"));
    assertEquals("1000", r.output("training-op", "Output"));
    assertEquals("500Mi", r.output("generate-resource-request", "memory"));
    String spec = dev.kfp4j.examples.kfp2.ResourceRequestPipelinePipeline.kfp2Yaml();
    assertTrue(spec.contains("resourceMemoryLimit: '{{$.inputs.parameters[''pipelinechannel--generate-resource-request-memory'']}}'"),
        spec);
    assertTrue(spec.contains("resourceCpuLimit: '{{$.inputs.parameters[''pipelinechannel--generate-resource-request-cpu'']}}'"), spec);
    assertTrue(spec.contains("resourceCpuRequest: 200m"), spec);

    RunResult gpu = succeeded("kfp2/pipelines/runtime-resource-request-gpu-pipeline.yaml", Map.of());
    assertEquals("The gpus status is: false", gpu.output("training-job", "Output"));
    String gpuSpec = dev.kfp4j.examples.kfp2.ResourceConstraintRequestPipelinePipeline.kfp2Yaml();
    assertTrue(gpuSpec.contains("resourceCount: '{{$.inputs.parameters[''pipelinechannel--generate-resource-constraints-request-nbrGpus'']}}'"),
        gpuSpec);
  }

  /**
   * {@code caching-pipeline}: a second run with the same arguments reuses the first's output without working; {@code
   * caching-pipeline3}, its task's caching off, works again and gives a new output.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pipelines/", "kfp2/pipelines/"})
  void aSecondRunReusesTheFirstsOutputUnlessCachingIsOff(String folder) {
    LocalRunner runner = LocalRunner.builder().root(dir).caching(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    Workflow cached = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/" + folder + "caching-pipeline.yaml");
    RunResult first = runner.run(cached, Map.of("seconds", "1"));
    RunResult second = runner.run(cached, Map.of("seconds", "1"));
    assertEquals(TaskResult.State.Succeeded, state(first, "do-work-op"), console::toString);
    assertEquals(TaskResult.State.Cached, state(second, "do-work-op"));
    assertEquals(first.output("do-work-op", "Output"), second.output("do-work-op", "Output"));
    assertEquals(TaskResult.State.Succeeded, state(runner.run(cached, Map.of("seconds", "0")), "do-work-op"), "other arguments");

    Workflow uncached = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/" + folder + "caching-pipeline3.yaml");
    RunResult third = runner.run(uncached, Map.of("seconds", "1"));
    RunResult fourth = runner.run(uncached, Map.of("seconds", "1"));
    assertEquals(TaskResult.State.Succeeded, state(third, "do-work-op"));
    assertEquals(TaskResult.State.Succeeded, state(fourth, "do-work-op"));
    assertTrue(fourth.output("do-work-op", "Output").compareTo(third.output("do-work-op", "Output")) > 0, "worked again, later");
  }

  /** The KFP 2 spec's header shows a float's default as KFP's does, Python's {@code 60.0} for {@code seconds: float = 60}. */
  @Test
  void theHeaderShowsAFloatsDefaultAsKfpDoes() {
    String spec = dev.kfp4j.examples.kfp2.CachingPipelinePipeline.kfp2Yaml();
    assertTrue(spec.contains("\n#    seconds: float [Default: 60.0]\n"), spec);
    assertTrue(spec.contains("defaultValue: 60.0"), spec);
  }
}
