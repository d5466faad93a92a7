package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code pipeline-parallelfor-artifacts} example's KFP 2 spec, compiled by the real processor:
 * its loops over the collected artifacts and datasets are KFP's {@code artifactIterator}, and run on
 * this machine each iteration gets one artifact of the list (its file and metadata), in the order
 * of the texts, through the generated entrypoint, in-process and as a {@code java} subprocess.
 */
class ParallelForArtifactsTest {
  private static final String SPEC = "META-INF/kfp4j/kfp2/pipelines/pipeline-parallelfor-artifacts.yaml";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void eachIterationGetsOneArtifactInTheTextsOrder(LocalRunner.JavaMode mode) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), SPEC);
    LocalRunner runner = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(wf, Map.of());
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    List<String> expected = List.of("'Hello' (5)", "',' (1)", "' ' (1)", "'world!' (6)");
    assertEquals(expected, printed(r, "for-loop-2", "print-artifact-name", 4), console::toString);
    assertEquals(expected, printed(r, "for-loop-4", "print-artifact-name-2", 4), console::toString);

    RunResult two = runner.run(wf, Map.of("texts", "[\"b\", \"aa\"]"));
    assertTrue(two.succeeded(), () -> two.failedTask() + "\n" + console);
    assertEquals(List.of("'b' (1)", "'aa' (2)"), printed(two, "for-loop-2", "print-artifact-name", 2));
  }

  /** What the {@code n} iterations of loop {@code loop} gave, in their order; no more ran. */
  private static List<String> printed(RunResult r, String loop, String task, int n) {
    assertEquals(n, r.tasks().stream().filter(t -> t.id().startsWith(loop + "(") && t.name().equals(task)).count(),
        () -> r.tasks().toString());
    return IntStream.range(0, n).mapToObj(i -> r.output(loop + "(" + i + ")/" + task, "Output")).toList();
  }

  @org.junit.jupiter.api.Test
  void itsLoopsOverArtifactsAreKfpsArtifactIterators() throws Exception {
    JsonNode spec = Yaml.readAll(Yaml.resource(getClass(), SPEC)).get(0);
    assertEquals("pipelinechannel--for-loop-1-pipelinechannel--make-artifact-artifact",
        spec.at("/root/dag/tasks/for-loop-2/artifactIterator/items/inputArtifact").asString());
    assertEquals("system.Dataset", spec.at("/components/comp-for-loop-4/inputDefinitions/artifacts/"
        + "pipelinechannel--for-loop-3-pipelinechannel--make-dataset-dataset-loop-item/artifactType/schemaTitle").asString());
  }
}
