package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.examples.kfp2.TrainOnDatasetPipeline;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code TrainOnDataset}: a pipeline taking a dataset ({@code @InputPath("Dataset") Path}, KFP's {@code Input[Dataset]}),
 * run locally through the pipeline that calls it, from each format; alone it offers no local run, and its spec refuses one
 * saying why, as {@code kfp.local} refuses a pipeline's input artifact.
 */
class TrainOnDatasetTest {
  @TempDir Path dir;

  /** Runs the examples' compiled pipeline at {@code resource} in {@code root}, uncached; it must succeed. */
  static RunResult run(Path root, String resource, Map<String, String> arguments) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(root).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .build().run(Workflow.resource(TrainOnDatasetTest.class.getClassLoader(), resource), arguments);
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/pipelines/", "META-INF/kfp4j/kfp2/pipelines/"})
  void theCalledPipelineFiltersAndTrainsOnTheDatasetItsCallerMade(String folder) throws Exception {
    RunResult r = run(dir, folder + "make-and-train.yaml", Map.of("rows", "40"));
    String prefix = folder.contains("kfp2") ? "" : "train-on-dataset-"; // Argo has the called pipeline's tasks flat
    assertEquals("20", r.output(prefix + "filter-points", "Output"), "the points with x >= 0.5 of 40 in [0, 1)");
    Path kept = r.task(prefix + "filter-points").orElseThrow().artifacts().get("kept");
    List<String> lines = Files.readAllLines(kept);
    assertEquals("x,y", lines.get(0));
    assertEquals(21, lines.size());
    assertTrue(lines.stream().skip(1).allMatch(l -> Double.parseDouble(l.substring(0, l.indexOf(','))) >= 0.5), lines::toString);
    double rmse = Double.parseDouble(r.output(prefix + "train", "Output"));
    assertTrue(rmse < 0.1, "the line fitted to the points kept: rmse " + rmse);
  }

  @Test
  void thePipelineTakingADatasetIsKfp2OnlyAndOffersNoRunOfItsOwn() {
    assertEquals(List.of("minX", "epochs"), TrainOnDatasetPipeline.PARAMETERS, "the values a run gives, not the dataset");
    assertEquals(Map.of("minX", "0.25"), TrainOnDatasetPipeline.arguments(0.25, null));
    assertFalse(Arrays.stream(TrainOnDatasetPipeline.class.getMethods()).map(Method::getName).anyMatch(n -> n.equals("runLocally")
        || n.equals("yaml")), "no Argo workflow, no local run of it alone");
    assertTrue(getClass().getClassLoader().getResource("META-INF/kfp4j/pipelines/train-on-dataset.yaml") == null);
    WorkflowException e = assertThrows(WorkflowException.class, () -> LocalRunner.builder().root(dir).build()
        .run(Workflow.resource(getClass().getClassLoader(), TrainOnDatasetPipeline.KFP2_RESOURCE), Map.of()));
    assertTrue(e.getMessage().contains("the pipeline takes artifact 'data' (system.Dataset), which the local runner cannot be given; "
        + "pass it from a task instead"), e.getMessage());
  }
}
