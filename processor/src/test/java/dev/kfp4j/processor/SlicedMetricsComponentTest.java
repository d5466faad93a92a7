package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code SlicedClassificationMetrics} is an artifact type as {@code ClassificationMetrics} is: KFP
 * v1's type {@code SlicedClassificationMetrics}, KFP 2's {@code system.SlicedClassificationMetrics},
 * passed from the task that writes it to the one that reads it, and read back from the KFP 2 files.
 */
class SlicedMetricsComponentTest {
  static final JavaFileObject SOURCE = Compile.testClass("P",
      List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;"),
      "  @Component public static void evaluate(int n, @Out SlicedClassificationMetrics sliced) {}",
      "  @Component public static void report(SlicedClassificationMetrics sliced) {}",
      "  @Pipeline public static void p(int n) {",
      "    var e = POps.evaluate(n);",
      "    POps.report(e.sliced());",
      "  }");

  @Test
  void anOutputAndAnInputOfItsTypeInBothFormats() {
    Compilation c = Compile.compile(SOURCE);
    assertThat(c).succeededWithoutWarnings();
    String v1 = Compile.resource(c, "META-INF/kfp4j/components/evaluate.yaml");
    assertThat(dev.kfp4j.spec.ComponentYaml.parse(v1, "evaluate.yaml").outputs().get(0).type()).isEqualTo(TypeSpec.named(
        "SlicedClassificationMetrics"));
    String report = Compile.resource(c, "META-INF/kfp4j/components/report.yaml");
    assertThat(dev.kfp4j.spec.ComponentYaml.parse(report, "report.yaml").inputs().get(0).type()).isEqualTo(TypeSpec.named(
        "SlicedClassificationMetrics"));
    ArgoSchemas.assertValid(Compile.resource(c, "META-INF/kfp4j/pipelines/p.yaml"), "p.yaml");

    String component = Compile.resource(c, "META-INF/kfp4j/kfp2/components/evaluate.yaml");
    JsonNode spec = Yaml.read(component);
    assertThat(spec.at("/components/comp-evaluate/outputDefinitions/artifacts/sliced/artifactType/schemaTitle").asString())
        .isEqualTo("system.SlicedClassificationMetrics");
    assertThat(component).contains("# Outputs:\n#    sliced: system.SlicedClassificationMetrics\n");
    Compile.validKfp2(component, "evaluate.yaml");
    String pipeline = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/p.yaml");
    JsonNode p = Yaml.read(pipeline);
    assertThat(p.at("/components/comp-report/inputDefinitions/artifacts/sliced/artifactType/schemaTitle").asString())
        .isEqualTo("system.SlicedClassificationMetrics");
    Task read = (Task) dev.kfp4j.format.kfp2.Kfp2Reader.read(pipeline, "p.yaml").steps().get(0);
    assertThat(read.component().outputs().get(0).type().name()).isEqualTo("system.SlicedClassificationMetrics");
    Compile.validKfp2(pipeline, "p.yaml");
  }
}
