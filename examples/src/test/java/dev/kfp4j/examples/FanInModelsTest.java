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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code fan-in-models} example's KFP 2 spec, compiled by the real processor, run on this
 * machine: each rate's model trained in a loop, and the task after the loop given every model (its
 * file and metadata), in the order of the rates, through the generated entrypoint, in-process and
 * as a {@code java} subprocess.
 */
class FanInModelsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void theTaskAfterTheLoopGetsEveryModelInTheRatesOrder(LocalRunner.JavaMode mode) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/kfp2/pipelines/fan-in-models.yaml");
    LocalRunner runner = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
    RunResult r = runner.run(wf, Map.of());
    assertTrue(r.succeeded(), () -> r.failedTask() + "\n" + console);
    assertEquals("rate=0.12 (2 of 4)", r.output("pick-best", "Output"), console::toString);
    String log = Files.readString(r.task("pick-best").orElseThrow().log());
    List<String> losses = log.lines().filter(l -> l.contains(": loss ")).map(l -> l.substring(l.indexOf(": loss ") + 7)).toList();
    assertEquals(4, losses.size(), log);
    assertEquals(0.2, Double.parseDouble(losses.get(0)), 1e-9, log);
    assertEquals(0.09, Double.parseDouble(losses.get(2)), 1e-9, log);

    RunResult three = runner.run(wf, Map.of("rates", "[0.5, 0.4, 0.11]"));
    assertTrue(three.succeeded(), () -> three.failedTask() + "\n" + console);
    assertEquals("rate=0.11 (3 of 3)", three.output("pick-best", "Output"));
    // run.json: each iteration's model, its file and metadata
    JsonNode record = Yaml.readJson(Files.readString(three.runDir().resolve("run.json")));
    assertTrue(record.toString().contains("\"rate\":0.11"), record::toString);
  }
}
