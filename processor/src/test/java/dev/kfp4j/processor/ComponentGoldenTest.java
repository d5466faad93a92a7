package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.spec.ComponentYaml;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated sources and component YAML for a class of components, against golden files. */
class ComponentGoldenTest {
  static final JavaFileObject STATS = Compile.source("com.example.Stats",
      "package com.example;",
      "",
      "import dev.kfp4j.annotations.Component;",
      "import dev.kfp4j.annotations.Default;",
      "import dev.kfp4j.annotations.InputPath;",
      "import dev.kfp4j.annotations.OutputPath;",
      "import java.nio.file.Path;",
      "import java.util.List;",
      "import java.util.Optional;",
      "",
      "public class Stats {",
      "  /**",
      "   * Mean and count of the numbers in a file.",
      "   *",
      "   * @param mean the mean",
      "   * @param count how many numbers",
      "   */",
      "  public record Summary(double mean, long count) {}",
      "",
      "  /**",
      "   * Summarises numbers.",
      "   *",
      "   * @param numbersPath a file with one number a line",
      "   * @param scale multiplies every number",
      "   * @param label an optional label",
      "   * @return the summary",
      "   */",
      "  @Component(image = \"registry.example.com/stats:2\")",
      "  public static Summary summarise(@InputPath(\"CSV\") Path numbersPath, @Default(\"1.0\") double scale,",
      "      Optional<String> label) {",
      "    return new Summary(0, 0);",
      "  }",
      "",
      "  /**",
      "   * Writes a report.",
      "   *",
      "   * @param values the values",
      "   * @param reportPath where the report goes",
      "   */",
      "  @Component(name = \"write-report\")",
      "  public static void report(List<String> values, @OutputPath(\"HTML\") Path reportPath) {}",
      "",
      "  /**",
      "   * Counts values.",
      "   *",
      "   * @param values the values",
      "   * @return how many",
      "   */",
      "  @Component",
      "  public static long size(List<String> values) { return values.size(); }",
      "",
      "  /**",
      "   * Logs a message.",
      "   *",
      "   * @param message what to log",
      "   */",
      "  @Component",
      "  public static void log(String message) {}",
      "}");

  @Test
  void generatesOpsEntrypointsAndComponentYaml() {
    Compilation c = Compile.compile(STATS);
    assertThat(c).succeededWithoutWarnings();
    String test = "ComponentGoldenTest";
    String method = "generatesOpsEntrypointsAndComponentYaml";
    Compile.javaGolden(c, "com.example.StatsOps", test, method);
    Compile.javaGolden(c, "com.example.StatsEntrypoint", test, method);
    Compile.yamlGolden(c, "META-INF/kfp4j/components/summarise.yaml", test, method);
    Compile.yamlGolden(c, "META-INF/kfp4j/components/write-report.yaml", test, method);
  }

  static final JavaFileObject TRAINER = Compile.source("com.example.Trainer",
      "package com.example;",
      "",
      "import dev.kfp4j.annotations.Component;",
      "import dev.kfp4j.annotations.Out;",
      "import dev.kfp4j.artifacts.ClassificationMetrics;",
      "import dev.kfp4j.artifacts.Dataset;",
      "import dev.kfp4j.artifacts.HTML;",
      "import dev.kfp4j.artifacts.Metrics;",
      "import dev.kfp4j.artifacts.Model;",
      "import java.util.Optional;",
      "",
      "public class Trainer {",
      "  /**",
      "   * Trains a model.",
      "   *",
      "   * @param data the training data",
      "   * @param epochs how many passes",
      "   * @param model the trained model",
      "   * @param metrics its training metrics",
      "   * @return the final loss",
      "   */",
      "  @Component",
      "  public static double train(Dataset data, int epochs, @Out Model model, @Out Metrics metrics) {",
      "    return 0.25;",
      "  }",
      "",
      "  /**",
      "   * Evaluates a model.",
      "   *",
      "   * @param model the model",
      "   * @param test held-out data, if any",
      "   * @param metrics the confusion matrix",
      "   * @param report a page for people",
      "   */",
      "  @Component",
      "  public static void evaluate(Model model, Optional<Dataset> test, @Out ClassificationMetrics metrics,",
      "      @Out HTML report) {}",
      "}");

  /**
   * Artifacts: in KFP v1 an input artifact is an {@code inputPath} and an output artifact an
   * {@code outputPath} of the artifact's type; the op takes a {@code Path} for an input artifact
   * (a task's file or artifact output) and the task has an accessor per output artifact; the
   * entrypoint makes the artifact objects.
   */
  @Test
  void artifactsAreTypedFilesAndTheEntrypointMakesThem() {
    Compilation c = Compile.compile(TRAINER);
    assertThat(c).succeededWithoutWarnings();
    String test = "ComponentGoldenTest";
    String method = "artifactsAreTypedFilesAndTheEntrypointMakesThem";
    Compile.javaGolden(c, "com.example.TrainerOps", test, method);
    Compile.javaGolden(c, "com.example.TrainerEntrypoint", test, method);
    Compile.yamlGolden(c, "META-INF/kfp4j/components/train.yaml", test, method);
    Compile.yamlGolden(c, "META-INF/kfp4j/components/evaluate.yaml", test, method);
  }

  @Test
  void twoCompilationsGiveByteIdenticalYaml() {
    Compilation first = Compile.compile(STATS);
    Compilation second = Compile.compile(STATS);
    for (String name : new String[] {"summarise", "write-report"}) {
      String path = "META-INF/kfp4j/components/" + name + ".yaml";
      assertThat(Compile.resource(second, path)).isEqualTo(Compile.resource(first, path));
    }
  }

  @Test
  void theImageComesFromTheProcessorOptionWhenTheAnnotationSetsNone() {
    Compilation c = Compile.compile(STATS);
    String yaml = Compile.resource(c, "META-INF/kfp4j/components/write-report.yaml");
    assertThat(ComponentYaml.parse(yaml, "write-report").container().image()).isEqualTo(Compile.IMAGE);
    String own = Compile.resource(c, "META-INF/kfp4j/components/summarise.yaml");
    assertThat(ComponentYaml.parse(own, "summarise").container().image()).isEqualTo("registry.example.com/stats:2");
  }
}
