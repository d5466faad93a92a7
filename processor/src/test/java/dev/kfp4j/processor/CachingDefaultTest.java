package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The processor option {@code kfp4j.disableExecutionCachingByDefault}, KFP's {@code kfp dsl compile
 * --disable-execution-caching-by-default}: tasks without a {@code caching(...)} of their own have the cache off.
 */
class CachingDefaultTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import test.*;");
  private static final JavaFileObject SOURCE = Compile.testClass("P", HEADER,
      "@Pipeline public static void p() {",
      "  StepsOps.make(\"plain\");",
      "  StepsOps.make(\"on\").caching(true);",
      "  StepsOps.make(\"off\").caching(false);",
      "}");

  private static Compilation compile(List<Pipeline> models, String... options) {
    return Compile.compileWithOptions(models, List.of(options), IgnoreUpstreamFailureTest.STEPS, SOURCE);
  }

  /** Each task's {@code cachingOptions} in the KFP 2 spec, by task name. */
  private static Map<String, String> kfp2Caching(Compilation c) {
    JsonNode tasks = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0).at("/root/dag/tasks");
    Map<String, String> out = new TreeMap<>();
    for (String name : tasks.propertyNames()) {
      out.put(name, tasks.get(name).path("cachingOptions").toString());
    }
    return out;
  }

  /** Each task's caching in the model: true, false, or null when it sets none. */
  private static Map<String, Boolean> modelCaching(List<Pipeline> models) {
    Map<String, Boolean> out = new TreeMap<>();
    models.get(0).nodes().forEach(n -> {
      Task t = (Task) n;
      out.put(t.name(), t.settings().stream().filter(s -> s instanceof RunSetting.Caching)
          .map(s -> ((RunSetting.Caching) s).enabled()).findFirst().orElse(null));
    });
    return out;
  }

  /** Each DAG task's {@code max_cache_staleness} in the Argo workflow (its template's annotation), by task name; "" for none. */
  private static Map<String, String> argoStaleness(Compilation c) {
    JsonNode spec = Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P)).get(0).path("spec");
    Map<String, String> staleness = new TreeMap<>();
    for (JsonNode t : spec.path("templates")) {
      staleness.put(t.path("name").asString(),
          t.path("metadata").path("annotations").path("pipelines.kubeflow.org/max_cache_staleness").asString(""));
    }
    Map<String, String> out = new TreeMap<>();
    for (JsonNode t : spec.path("templates")) {
      for (JsonNode task : t.path("dag").path("tasks")) {
        out.put(task.path("name").asString(), staleness.get(task.path("template").asString()));
      }
    }
    return out;
  }

  @Test
  void theOptionAloneTurnsTheCacheOffOnTasksThatDoNotSetIt() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models, "-Akfp4j.disableExecutionCachingByDefault");
    assertThat(c).succeeded();
    assertThat(kfp2Caching(c)).containsExactly("make", "{}", "make-2", "{\"enableCache\":true}", "make-3", "{}");
    assertThat(modelCaching(models)).containsExactly("make", false, "make-2", true, "make-3", false);
    assertThat(argoStaleness(c)).containsExactly("make", "P0D", "make-2", "", "make-3", "P0D");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, Kfp2PipelineTest.P2), "p.yaml");
    }
  }

  @Test
  void trueValuesAsKfpReadsItsVariableTurnItOffAndFalseOnesLeaveKfpsDefault() {
    for (String on : List.of("true", "1", "YES", "on")) {
      Compilation c = compile(new ArrayList<>(), "-Akfp4j.disableExecutionCachingByDefault=" + on);
      assertThat(c).succeeded();
      assertThat(kfp2Caching(c).get("make")).isEqualTo("{}");
    }
    for (String off : List.of("false", "0", "no")) {
      Compilation c = compile(new ArrayList<>(), "-Akfp4j.disableExecutionCachingByDefault=" + off);
      assertThat(c).succeeded();
      assertThat(kfp2Caching(c)).containsExactly("make", "{\"enableCache\":true}", "make-2", "{\"enableCache\":true}", "make-3", "{}");
    }
    List<Pipeline> models = new ArrayList<>();
    Compilation plain = compile(models);
    assertThat(plain).succeeded();
    assertThat(modelCaching(models)).containsExactly("make", null, "make-2", true, "make-3", false);
    assertThat(argoStaleness(plain)).containsExactly("make", "", "make-2", "", "make-3", "P0D");
  }

  /**
   * A call of another pipeline takes the default too, as KFP's compiler gives the task of a pipeline called in a pipeline
   * ({@code cachingOptions: {}} with the default off, as KFP SDK 2.15.2 writes for {@code inner(x=n)}); the called pipeline's
   * own tasks take it where it is compiled, with the same option.
   */
  @Test
  void aCallOfAnotherPipelineTakesItToo() {
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.disableExecutionCachingByDefault"),
        PipelineModelTest.LIB, NestedPipelineTest.OUTER, NestedPipelineTest.INNER);
    assertThat(c).succeeded();
    JsonNode spec = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml")).get(0);
    Map<String, String> caching = new TreeMap<>();
    spec.at("/root/dag/tasks").properties().forEach(t -> caching.put(t.getKey(), t.getValue().path("cachingOptions").toString()));
    assertThat(caching).containsEntry("inner", "{}");
    assertThat(caching).containsEntry("sums", "{}");
    assertThat(caching.values()).doesNotContain("{\"enableCache\":true}");
    Map<String, String> inner = new TreeMap<>();
    spec.at("/components/comp-inner/dag/tasks").properties()
        .forEach(t -> inner.put(t.getKey(), t.getValue().path("cachingOptions").toString()));
    assertThat(inner).containsEntry("add", "{}");
    assertThat(inner.values()).doesNotContain("{\"enableCache\":true}");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml"), "outer.yaml");
    }
    ArgoSchemas.assertValid(Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
  }

  /** The exit task, an importer and a task inside the exit handler take the default too, as every task KFP's compiler makes. */
  @Test
  void theExitTaskAndImportersTakeItToo() {
    JavaFileObject source = Compile.testClass("Q", HEADER,
        "@Component public static String size(dev.kfp4j.artifacts.Dataset d) { return d.uri(); }",
        "@Pipeline(formats = Format.KFP2) public static void q() {",
        "  dev.kfp4j.dsl.Dsl.exitHandler(StepsOps.make(\"bye\"), () -> {",
        "    var data = dev.kfp4j.dsl.Dsl.importer(\"gs://bucket/data.csv\", dev.kfp4j.artifacts.Dataset.class);",
        "    QOps.size(data.artifact());",
        "  });",
        "}");
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Akfp4j.disableExecutionCachingByDefault=true"),
        IgnoreUpstreamFailureTest.STEPS, source);
    assertThat(c).succeeded();
    JsonNode spec = Yaml.readAll(Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/q.yaml")).get(0);
    Map<String, String> caching = new TreeMap<>();
    List<JsonNode> dags = new ArrayList<>(List.of(spec.at("/root/dag/tasks")));
    spec.path("components").forEach(comp -> dags.add(comp.at("/dag/tasks")));
    for (JsonNode tasks : dags) {
      for (String name : tasks.propertyNames()) {
        if (tasks.get(name).has("componentRef") && !tasks.get(name).path("componentRef").path("name").asString().startsWith("comp-exit-handler")) {
          caching.put(name, tasks.get(name).path("cachingOptions").toString());
        }
      }
    }
    assertThat(caching).containsExactly("importer", "{}", "make", "{}", "size", "{}");
  }

  @Test
  void anotherValueIsAnErrorSayingWhatTheOptionTakes() {
    Compilation c = compile(new ArrayList<>(), "-Akfp4j.disableExecutionCachingByDefault=sometimes");
    assertThat(c).hadErrorContaining("[kfp4j:BadOption] processor option -Akfp4j.disableExecutionCachingByDefault=sometimes: "
        + "write true (tasks without caching(...) have the cache off) or false (on, the default)");
  }
}
