package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Pipeline specs KFP 2.17's own compiler wrote read into the model, and written again by kfp4j
 * they are valid and have KFP's structure: the same tasks in the same DAGs, dependencies,
 * conditions, iterators, inputs and types. And the Java ports of KFP 2.17's files compile to specs
 * with that structure too.
 */
class Kfp2SdkFilesTest {
  @BeforeAll
  static void needsShared() {
    boolean present;
    try {
      present = Files.isDirectory(Shared.testdata("kfp-sdk-2.17.0"));
    } catch (IllegalStateException e) {
      present = false;
    }
    Assumptions.assumeTrue(present, "needs ../shared (KFP 2.17's files); set -Dkfp4j.shared");
  }

  /**
   * The Java ports in {@code examples/.../kfp2/} and the KFP 2 component files written for the
   * examples, each with the file KFP 2.17 compiled from the Python it ports, and the names of
   * ours that are KFP's under another name (components named apart from the examples' own, a
   * volume named as the claim it makes, as kfp4j names it).
   */
  static Stream<Arguments> ports() {
    return Stream.of(
        Arguments.of("add_pipeline.yaml", "META-INF/kfp4j/kfp2/pipelines/add-example-v2.yaml",
            Map.of("add-v2", "add", "subtract-v2", "subtract", "multiply-v2", "multiply")),
        Arguments.of("cond_loop_artifact.yaml", "META-INF/kfp4j/kfp2/pipelines/condition-loop-artifact.yaml", Map.of()),
        Arguments.of("container_if_loop.yaml", "META-INF/kfp4j/kfp2/pipelines/container-if-loop.yaml", Map.of()),
        Arguments.of("kubernetes_settings.yaml", "META-INF/kfp4j/kfp2/pipelines/kubernetes-settings.yaml",
            Map.of("my-pvc-delete", "deletepvc", "my-pvc", "createpvc")),
        Arguments.of("train_component.yaml", "META-INF/kfp4j/kfp2/components/train.yaml", Map.of()),
        Arguments.of("add_component.yaml", "META-INF/kfp4j/kfp2/components/add-v2.yaml", Map.of("add-v2", "add")),
        Arguments.of("train_component.yaml", "dev/kfp4j/examples/kfp2/train_python.yaml", Map.of()),
        Arguments.of("add_component.yaml", "dev/kfp4j/examples/kfp2/add_python.yaml", Map.of()),
        Arguments.of("add_container_component.yaml", "dev/kfp4j/examples/kfp2/add_container.yaml", Map.of()));
  }

  @ParameterizedTest(name = "{1} has the structure of KFP''s {0}")
  @MethodSource("ports")
  void theJavaPortsCompileToKfpsStructure(String kfpFile, String ours, Map<String, String> names) throws IOException {
    String kfp = Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve(kfpFile));
    String yaml = Yaml.resource(getClass(), ours);
    Kfp2Schemas.assertValid(yaml, ours);
    assertEquals(structure(kfp), structure(renamed(yaml, names)), ours);
  }

  /** {@code yaml} with each of {@code names}' keys, as a whole name, replaced by its value (longest first). */
  static String renamed(String yaml, Map<String, String> names) {
    String out = yaml;
    for (Map.Entry<String, String> e : names.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
      // a whole name: after neither a word character nor a single '-' (after "pipelinechannel--" it is a name)
      out = out.replaceAll("(?<!\\w)(?<!(?<!-)-)" + Pattern.quote(e.getKey()) + "(?!\\w)", Matcher.quoteReplacement(e.getValue()));
    }
    return out;
  }
  @ParameterizedTest
  @ValueSource(strings = {"add_pipeline.yaml", "cond_loop_artifact.yaml", "container_if_loop.yaml", "kubernetes_settings.yaml",
      "add_component.yaml", "add_container_component.yaml"})
  void readAndWrittenAgainKeepsKfpsStructure(String file) throws IOException {
    String kfp = Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve(file));
    String ours = Kfp2Writer.write(Kfp2Reader.read(kfp, file));
    Kfp2Schemas.assertValid(ours, file + " as kfp4j writes it");
    assertEquals(structure(kfp), structure(ours), file);
  }

  /** KFP's {@code dsl.If(..., name='big')} and {@code dsl.ParallelFor(..., name='loop')} are read and written again. */
  @Test
  void theGroupsDisplayNamesOfCondLoopArtifactAreKept() throws IOException {
    String kfp = Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve("cond_loop_artifact.yaml"));
    Pipeline p = Kfp2Reader.read(kfp, "cond_loop_artifact.yaml");
    assertEquals("big", ((Condition) p.node("condition-1").orElseThrow()).displayName());
    assertEquals("loop", ((Loop) p.node("for-loop-3").orElseThrow()).displayName());
    String ours = Kfp2Writer.write(p);
    Kfp2Schemas.assertValid(ours, "cond_loop_artifact.yaml as kfp4j writes it");
    JsonNode spec = Yaml.readAll(ours).get(0);
    assertEquals("big", spec.at("/root/dag/tasks/condition-1/taskInfo/name").asString(), ours);
    assertEquals("loop", spec.at("/components/comp-condition-1/dag/tasks/for-loop-3/taskInfo/name").asString(), ours);
  }

  @ParameterizedTest
  @ValueSource(strings = {"train_component.yaml", "add_component.yaml", "add_container_component.yaml"})
  void aComponentFileLoadsAsItsComponent(String file) throws IOException {
    String kfp = Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve(file));
    ComponentSpec spec = Kfp2Reader.readComponent(kfp, file);
    JsonNode root = Yaml.readAll(kfp).get(0).path("root");
    List<String> inputs = new ArrayList<>();
    root.path("inputDefinitions").path("parameters").properties().forEach(e -> inputs.add(e.getKey()));
    root.path("inputDefinitions").path("artifacts").properties().forEach(e -> inputs.add(e.getKey()));
    assertEquals(inputs.stream().sorted().toList(), spec.inputs().stream().map(i -> i.name()).sorted().toList());
    for (var in : spec.inputs()) {
      assertEquals(root.path("inputDefinitions").path("artifacts").has(in.name()), spec.inputIsArtifact(in.name()), in.name());
    }
    for (var out : spec.outputs()) {
      assertEquals(root.path("outputDefinitions").path("artifacts").has(out.name()), spec.outputIsArtifact(out.name()), out.name());
    }
  }

  /**
   * What the issue calls the structure: per DAG, each task's component kind, dependencies,
   * condition, iterator and inputs (by kind), and the inputs and types of every component; each
   * executor's settings (resources, env) and its Kubernetes platform settings; the executors'
   * commands and images and the names of components are left out, as they may differ. Groups keep
   * their names: kfp4j numbers them as KFP 2 does, a loop over constants after its item ({@code
   * condition-1}, {@code loop-item-param-2}, {@code for-loop-3}), and their display names ({@code taskInfo.name}: {@code
   * big} and {@code loop} in {@code cond_loop_artifact.yaml}).
   */
  static Map<String, Object> structure(String yaml) {
    List<JsonNode> docs = Yaml.readAll(yaml);
    JsonNode spec = docs.get(0);
    Map<String, Object> out = new TreeMap<>();
    JsonNode platform = docs.size() > 1 ? docs.get(1).path("platforms").path("kubernetes") : Yaml.json().createObjectNode();
    out.put("platform executors", platform.path("deploymentSpec").path("executors").size());
    out.put("platform pipeline config", platform.path("pipelineConfig").toString());
    dag("root", spec.path("root"), spec, platform.path("deploymentSpec").path("executors"), out);
    return out;
  }

  private static void dag(String path, JsonNode component, JsonNode spec, JsonNode platform, Map<String, Object> out) {
    out.put(path + " inputs", types(component.path("inputDefinitions")));
    out.put(path + " outputs", types(component.path("outputDefinitions")));
    out.put(path + " output sources", component.path("dag").path("outputs").toString());
    for (Map.Entry<String, JsonNode> t : component.path("dag").path("tasks").properties()) {
      JsonNode task = t.getValue();
      String at = path + "/" + t.getKey();
      List<String> deps = new ArrayList<>();
      task.path("dependentTasks").forEach(d -> deps.add(d.asString()));
      out.put(at + " dependencies", deps.stream().sorted().toList());
      out.put(at + " condition", task.path("triggerPolicy").path("condition").asString("").replaceAll("\\s+", " "));
      out.put(at + " iterator", task.path("parameterIterator").path("items").toString());
      Map<String, String> inputs = new TreeMap<>();
      task.path("inputs").path("parameters").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().propertyNames().iterator().next()));
      task.path("inputs").path("artifacts").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().propertyNames().iterator().next()));
      out.put(at + " inputs", inputs);
      JsonNode comp = spec.path("components").path(task.path("componentRef").path("name").asString());
      if (comp.has("dag")) {
        out.put(at + " group display name", task.path("taskInfo").path("name").asString()); // dsl.If(c, name='big')'s
        dag(at, comp, spec, platform, out);
      } else {
        out.put(at + " component inputs", types(comp.path("inputDefinitions")));
        out.put(at + " component outputs", types(comp.path("outputDefinitions")));
        JsonNode executor = spec.path("deploymentSpec").path("executors").path(comp.path("executorLabel").asString());
        out.put(at + " resources", executor.path("container").path("resources").toString());
        out.put(at + " env", executor.path("container").path("env").toString());
        out.put(at + " retry", task.path("retryPolicy").toString());
        out.put(at + " caching", task.path("cachingOptions").toString());
        out.put(at + " display name", task.path("taskInfo").path("name").asString());
        out.put(at + " platform", platform.path(comp.path("executorLabel").asString()).toString());
      }
    }
  }

  /** A default as a value, 4 and 4.0 alike (KFP writes integers' defaults as floats). */
  private static String defaultValue(JsonNode v) {
    return v.isNumber() ? Double.toString(v.asDouble()) : v.toString();
  }

  private static Map<String, String> types(JsonNode definitions) {
    Map<String, String> out = new TreeMap<>();
    definitions.path("parameters").properties().forEach(e -> out.put(e.getKey(), e.getValue().path("parameterType").asString()
        + (e.getValue().has("defaultValue") ? " = " + defaultValue(e.getValue().get("defaultValue")) : "")));
    definitions.path("artifacts").properties().forEach(e -> out.put(e.getKey(), e.getValue().path("artifactType").path("schemaTitle").asString()));
    return out;
  }

}
