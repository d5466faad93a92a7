package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Pipeline specs KFP 2.17's own compiler wrote read into the model, and written again by kfp4j
 * they are valid and have KFP's structure: the same tasks in the same DAGs, dependencies,
 * conditions, iterators, inputs and types.
 */
class Kfp2SdkFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"add_pipeline.yaml", "cond_loop_artifact.yaml", "container_if_loop.yaml", "kubernetes_settings.yaml",
      "add_component.yaml", "add_container_component.yaml"})
  void readAndWrittenAgainKeepsKfpsStructure(String file) throws IOException {
    String kfp = Files.readString(Shared.testdata("kfp-sdk-2.17.0").resolve(file));
    String ours = Kfp2Writer.write(Kfp2Reader.read(kfp, file));
    Kfp2Schemas.assertValid(ours, file + " as kfp4j writes it");
    assertEquals(structure(kfp), structure(ours), file);
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
   * condition, iterator and inputs (by kind), and the inputs and types of every component; the
   * executors' commands and the names of components are left out, as they may differ.
   */
  static Map<String, Object> structure(String yaml) {
    List<JsonNode> docs = Yaml.readAll(yaml);
    JsonNode spec = docs.get(0);
    Map<String, Object> out = new TreeMap<>();
    dag("root", spec.path("root"), spec, out);
    out.put("platform executors", docs.size() > 1
        ? docs.get(1).path("platforms").path("kubernetes").path("deploymentSpec").path("executors").size() : 0);
    return out;
  }

  private static void dag(String path, JsonNode component, JsonNode spec, Map<String, Object> out) {
    out.put(path + " inputs", types(component.path("inputDefinitions")));
    out.put(path + " outputs", types(component.path("outputDefinitions")).keySet());
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
        dag(at, comp, spec, out);
      } else {
        out.put(at + " component inputs", types(comp.path("inputDefinitions")));
        out.put(at + " component outputs", types(comp.path("outputDefinitions")));
        JsonNode executor = spec.path("deploymentSpec").path("executors").path(comp.path("executorLabel").asString());
        out.put(at + " resources", executor.path("container").path("resources").toString());
        out.put(at + " env", executor.path("container").path("env").toString());
        out.put(at + " retry", task.path("retryPolicy").toString());
        out.put(at + " caching", task.path("cachingOptions").toString());
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
