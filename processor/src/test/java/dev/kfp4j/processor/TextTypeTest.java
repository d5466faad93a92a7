package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JDK's value types passed as their text ({@code java.time}'s, {@code UUID}, {@code URI}): component inputs and outputs
 * and pipeline parameters of KFP type {@code String}; constants made by their own factories in a body, checked as the task
 * will read them.
 */
class TextTypeTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import java.net.URI;", "import java.time.*;",
      "import java.util.UUID;");
  private static final String COMPONENTS = String.join("\n",
      "@Component public static Instant due(LocalDate day, Duration after, UUID id, URI where) {",
      "  return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(after);",
      "}",
      "@Component public static String show(Instant at, @Default(\"2024-01\") YearMonth month, java.util.Optional<LocalDate> since) {",
      "  return at + \" \" + month + since;",
      "}");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    List<String> lines = new ArrayList<>(List.of(COMPONENTS));
    lines.addAll(List.of(body));
    source = Compile.testClass("P", HEADER, lines.toArray(String[]::new));
    return Compile.compile(models, source);
  }

  @Test
  void theyAreStringsGivenAsTheirTextFromConstantsParametersAndOutputs() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(name = \"p\") public static String p(@Default(\"2024-01-31\") LocalDate day) {",
        "  var due = POps.due(day, Duration.parse(\"PT36H\"), UUID.fromString(\"123e4567-e89b-12d3-a456-426614174000\"),",
        "      URI.create(\"s3://bucket/data\"));",
        "  return POps.show(due.output()).output();",
        "}");
    assertThat(c).succeeded();
    Task due = (Task) models.get(0).nodes().get(0);
    assertThat(due.arguments().get("day")).isEqualTo(new Argument.PipelineParameter("day"));
    assertThat(due.arguments().get("after")).isEqualTo(Argument.Constant.of("PT36H"));
    assertThat(due.arguments().get("id")).isEqualTo(Argument.Constant.of("123e4567-e89b-12d3-a456-426614174000"));
    assertThat(due.arguments().get("where")).isEqualTo(Argument.Constant.of("s3://bucket/data"));
    JsonNode spec = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml")).get(0);
    assertThat(spec.at("/root/inputDefinitions/parameters/day/parameterType").asString()).isEqualTo("STRING");
    assertThat(spec.at("/components/comp-due/outputDefinitions/parameters/Output/parameterType").asString()).isEqualTo("STRING");
    assertThat(spec.at("/components/comp-show/inputDefinitions/parameters/month/defaultValue").asString()).isEqualTo("2024-01");
    assertThat(spec.at("/components/comp-show/inputDefinitions/parameters/since").toString())
        .isEqualTo("{\"isOptional\":true,\"parameterType\":\"STRING\"}");
    JsonNode v1 = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/components/due.yaml")).get(0);
    for (JsonNode in : v1.get("inputs")) {
      assertThat(in.get("type").asString()).isEqualTo("String");
    }
  }

  @Test
  void aConstantThatDoesNotParseIsAnErrorOnItsCall() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"p\") public static void p(LocalDate day) {",
        "  POps.due(day, Duration.parse(\"36h\"), UUID.fromString(\"123e4567-e89b-12d3-a456-426614174000\"),",
        "      URI.create(\"s3://bucket/data\"));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadConstant] 'Duration.parse(\"36h\")' does not parse: Text cannot be parsed to a "
        + "Duration; write for example Duration.parse(\"PT15M\")").inFile(source).onLineContaining("Duration.parse");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anotherCallOfTheTypeIsAComputedValue() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(name = \"p\") public static void p(LocalDate day) {",
        "  POps.due(day, Duration.ofHours(36), UUID.randomUUID(), URI.create(\"s3://bucket/data\"));",
        "}");
    assertThat(c).hadErrorContaining("Duration.ofHours(36)").inFile(source).onLineContaining("Duration.ofHours");
    assertThat(c).hadErrorContaining("UUID.randomUUID()").inFile(source).onLineContaining("UUID.randomUUID");
  }
}
