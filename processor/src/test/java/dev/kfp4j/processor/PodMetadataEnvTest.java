package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task's env variable read from one of its pod's labels or annotations ({@code envFromField("L",
 * "metadata.labels['task-label-1']")}, kfp-kubernetes' {@code use_field_path_as_env}), run here: the value the task's own
 * {@code podLabel}/{@code podAnnotation} gives it, or empty for a key its pod has not, as Kubernetes gives them. KFP's
 * {@code critical/pipeline_with_pod_metadata.py} checks exactly that on a cluster; run here, every variable was unset, so
 * its port failed here where it passes on a cluster ({@code POD_TASK_LABEL_1 is null}).
 */
class PodMetadataEnvTest {
  @TempDir Path dir;

  private static final javax.tools.JavaFileObject ENV = Compile.source("test.Env", "package test;",
      "import dev.kfp4j.annotations.*;",
      "public class Env {",
      "  @Component public static String read(String a, String b) { return System.getenv(a) + \",\" + System.getenv(b); }",
      "}");

  /** pipeline_with_pod_metadata.py's task_a and task_e: their own labels and annotation, and keys their pods have not. */
  private static final String[] BODY = {
      "@Pipeline public static void p() {",
      "  EnvOps.read(\"POD_TASK_ANNOTATION\", \"POD_TASK_LABEL_1\").caching(false)",
      "      .podLabel(\"task-label-1\", \"label-1\").podAnnotation(\"task-annotation\", \"annotation\")",
      "      .envFromField(\"POD_TASK_ANNOTATION\", \"metadata.annotations['task-annotation']\")",
      "      .envFromField(\"POD_TASK_LABEL_1\", \"metadata.labels['task-label-1']\");",
      "  EnvOps.read(\"POD_TASK_ANNOTATION\", \"POD_TASK_LABEL_1\").caching(false)",
      "      .envFromField(\"POD_TASK_ANNOTATION\", \"metadata.annotations['task-annotation']\")",
      "      .envFromField(\"POD_TASK_LABEL_1\", \"metadata.labels['task-label-1']\");",
      "}"};

  @ParameterizedTest
  @ValueSource(strings = {"META-INF/kfp4j/kfp2/pipelines/p.yaml", "META-INF/kfp4j/pipelines/p.yaml"})
  void aLabelOrAnnotationReadIntoAnEnvVariableIsTheTasksOwnOrEmpty(String file) throws Exception {
    com.google.testing.compile.Compilation c = Compile.compile(ENV, Compile.testClass("P",
        List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"), BODY));
    com.google.testing.compile.CompilationSubject.assertThat(c).succeeded();
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    RunResult r;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).javaMode(LocalRunner.JavaMode.IN_PROCESS).progress(false).summary(false).build()
          .run(Workflow.parse(Compile.resource(c, file), "p.yaml"), Map.of());
    }
    assertThat(r.failedTask().map(t -> t.name() + ": " + t.message())).isEmpty();
    assertThat(r.output("read", "Output")).isEqualTo("annotation,label-1");
    assertThat(r.output("read-2", "Output")).isEqualTo(",");
  }
}
