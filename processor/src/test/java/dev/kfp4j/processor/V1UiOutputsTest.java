package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP v1's UI files: the outputs the KFP SDK names {@code mlpipeline_metrics} and {@code
 * mlpipeline_ui_metadata} (from {@code mlpipeline_metrics_path: OutputPath('Metrics')}), passed in
 * the workflow as the artifacts {@code mlpipeline-metrics} and {@code mlpipeline-ui-metadata},
 * the names KFP v1's UI and backend look for.
 */
class V1UiOutputsTest {
  static final JavaFileObject STEPS = Compile.source("test.Steps",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import dev.kfp4j.artifacts.*;",
      "import java.nio.file.Path;",
      "public class Steps {",
      "  @Component public static void typed(@Out MlpipelineMetrics m, @Out MlpipelineUiMetadata ui) {}",
      "  @Component public static void paths(@OutputPath(\"Metrics\") Path mlpipelineMetricsPath,",
      "      @OutputPath Path mlpipelineUiMetadataPath) {}",
      "  @Component public static void read(@InputPath Path metrics) {}",
      "}");

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.path("name").asString() + (n.has("type") ? ":" + n.path("type").asString() : "")));
    return out;
  }

  @Test
  void typedAndPathOutputsHaveTheSdksNamesAndTheUisArtifactNames() {
    JavaFileObject p = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void p() {",
        "  StepsOps.typed();",
        "  StepsOps.read(StepsOps.paths().mlpipeline_metrics());",
        "}");
    Compilation c = Compile.compile(STEPS, p);
    assertThat(c).succeeded();
    for (String component : List.of("typed", "paths")) {
      JsonNode spec = Yaml.read(Compile.resource(c, "META-INF/kfp4j/components/" + component + ".yaml"));
      assertEquals(List.of("mlpipeline_metrics:Metrics", "mlpipeline_ui_metadata"), names(spec.path("outputs")), component);
    }
    JsonNode workflow = Yaml.read(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml"));
    for (JsonNode t : workflow.at("/spec/templates")) {
      if (t.path("name").asString().equals("typed") || t.path("name").asString().equals("paths")) {
        assertEquals(List.of("mlpipeline-metrics", "mlpipeline-ui-metadata"), names(t.at("/outputs/artifacts")));
      }
    }
    List<String> from = new ArrayList<>();
    workflow.at("/spec/templates/0/dag/tasks").forEach(t -> t.at("/arguments/artifacts").forEach(a -> from.add(a.path("from").asString())));
    assertEquals(List.of("{{tasks.paths.outputs.artifacts.mlpipeline-metrics}}"), from, workflow.at("/spec/templates/0").toString());
  }

  @Test
  void aTypedUiFileTakesNoPathAnnotation() {
    JavaFileObject steps = Compile.source("test.Bad",
        "package test;",
        "import dev.kfp4j.annotations.*;",
        "import dev.kfp4j.artifacts.*;",
        "public class Bad {",
        "  @Component public static void bad(@Out @OutputPath MlpipelineMetrics m) {}",
        "}");
    Compilation c = Compile.compile(steps);
    assertThat(c).hadErrorContaining("parameter 'm' has @Out and @OutputPath; an output artifact takes @Out alone: "
        + "write '@Out MlpipelineMetrics m'");
  }
}
