package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code Reporting}: {@code LocalDate}, {@code Period} and {@code Duration} parameters and outputs pass as their ISO text, a
 * KFP {@code String}, from a pipeline parameter, a task's output and constants in the body ({@code Period.parse("P7D")}),
 * in both formats and both ways of running a Java task.
 */
class ReportingTest {
  @TempDir Path dir;

  private RunResult run(String spec, LocalRunner.JavaMode mode, Map<String, String> arguments) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir.resolve(mode.name() + spec.hashCode())).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(Workflow.resource(getClass().getClassLoader(), spec), arguments);
    assertTrue(r.succeeded(), console::toString);
    return r;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"META-INF/kfp4j/pipelines/weekly-report.yaml, IN_PROCESS", "META-INF/kfp4j/pipelines/weekly-report.yaml, SUBPROCESS",
      "META-INF/kfp4j/kfp2/pipelines/weekly-report.yaml, IN_PROCESS", "META-INF/kfp4j/kfp2/pipelines/weekly-report.yaml, SUBPROCESS"})
  void datesAndDurationsPassAsTheirIsoText(String spec, LocalRunner.JavaMode mode) {
    RunResult byDefault = run(spec, mode, Map.of());
    assertEquals("2024-01-25", byDefault.output("window-start", "Output"));
    assertEquals("Report 2024-01-25 to 2024-01-31, due 2024-02-01T12:00", byDefault.output("report-title", "Output"));
    RunResult leap = run(spec, mode, WeeklyReportPipeline.arguments(LocalDate.of(2024, 3, 2)));
    assertEquals("Report 2024-02-25 to 2024-03-02, due 2024-03-03T12:00", leap.output("report-title", "Output"));
  }

  /** {@code Dsl.runCreateTime()}, the run's creation time as KFP gives it (RFC 3339, UTC), read by the task as an Instant. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"META-INF/kfp4j/pipelines/daily-report.yaml, SUBPROCESS", "META-INF/kfp4j/kfp2/pipelines/daily-report.yaml, IN_PROCESS"})
  void theRunsCreationTimeIsAnInstant(String spec, LocalRunner.JavaMode mode) {
    LocalDate before = LocalDate.now(java.time.ZoneOffset.UTC);
    RunResult r = run(spec, mode, Map.of());
    LocalDate after = LocalDate.now(java.time.ZoneOffset.UTC);
    String day = r.output("day-of", "Output");
    assertTrue(day.equals(before.toString()) || day.equals(after.toString()), day);
    assertEquals("Report " + day + " to " + day + ", due " + day + "T12:00", r.output("report-title", "Output"));
  }

  @Test
  void theyAreKfpStringsWithTheirTextAsConstantsAndDefaults() {
    JsonNode kfp2 = Yaml.readAll(Yaml.resource(getClass(), "META-INF/kfp4j/kfp2/pipelines/weekly-report.yaml")).get(0);
    assertEquals("STRING", kfp2.at("/root/inputDefinitions/parameters/day/parameterType").asString());
    assertEquals("2024-01-31", kfp2.at("/root/inputDefinitions/parameters/day/defaultValue").asString());
    assertEquals("P7D", kfp2.at("/root/dag/tasks/window-start/inputs/parameters/length/runtimeValue/constant").asString());
    assertEquals("PT36H", kfp2.at("/root/dag/tasks/report-title/inputs/parameters/dueIn/runtimeValue/constant").asString());
    assertEquals("P7D", kfp2.at("/components/comp-window-start/inputDefinitions/parameters/length/defaultValue").asString());
    JsonNode v1 = Yaml.readAll(Yaml.resource(getClass(), "META-INF/kfp4j/components/window-start.yaml")).get(0);
    assertEquals(List.of("String", "String"), List.of(v1.at("/inputs/0/type").asString(), v1.at("/inputs/1/type").asString()));
    assertEquals("String", v1.at("/outputs/0/type").asString());
  }

  @Test
  void aDateThatIsNoIsoDateFailsTheTaskSayingWhatItWants() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(Workflow.resource(getClass().getClassLoader(), "META-INF/kfp4j/pipelines/weekly-report.yaml"), Map.of("day", "31/01/2024"));
    assertFalse(r.succeeded());
    assertEquals("window-start", r.failedTask().orElseThrow().name());
    assertTrue(console.toString().contains("invalid LocalDate value: '31/01/2024' (expected for example '2024-01-31')"),
        console::toString);
  }
}
