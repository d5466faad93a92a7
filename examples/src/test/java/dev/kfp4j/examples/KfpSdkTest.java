package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.KubernetesManifests;
import dev.kfp4j.yaml.Yaml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The examples' KFP 2 files as KFP's own SDK takes them: each pipeline and component file loads with KFP's {@code
 * components.load_component_from_file} and compiles again with KFP's compiler into the same spec. By hand, as it needs a
 * Python that imports KFP's SDK ({@code pip install kfp}, or a checkout's {@code sdk/python} on {@code PYTHONPATH}):
 * {@code -Dkfp4j.kfpPython=python3}; skipped without it, as the build runs it. {@link KfpLocalRunTest} runs them.
 */
@EnabledIfSystemProperty(named = "kfp4j.kfpPython", matches = ".+")
class KfpSdkTest {
  @TempDir Path dir;

  @Test
  void everyFileLoadsAndCompilesAgainToTheSameSpec() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String kind : List.of("pipelines", "components")) {
      try (Stream<Path> s = Files.list(compiled().resolve(kind))) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "the examples' KFP 2 files: " + files.size());
    Path in = Files.createDirectories(dir.resolve("in"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String> command = new ArrayList<>(List.of(System.getProperty("kfp4j.kfpPython"), script("compile_again.py"), out.toString()));
    Map<String, Path> given = new TreeMap<>();
    for (Path f : files) {
      Path copy = loadable(f, in.resolve(f.getParent().getFileName() + "-" + f.getFileName()));
      given.put(copy.getFileName().toString(), f);
      command.add(copy.toString());
    }
    String said = python(command, 600);
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Path> e : given.entrySet()) {
      Object ours = comparable(Yaml.readAll(Files.readString(dir.resolve("in").resolve(e.getKey()))));
      Object again = comparable(Yaml.readAll(Files.readString(out.resolve(e.getKey()))));
      if (!ours.equals(again)) {
        differ.add(e.getValue() + "\n  kfp4j: " + ours + "\n  KFP:   " + again);
      }
    }
    assertEquals(List.of(), differ, said);
  }

  /**
   * {@code kfp4j manifest}'s resources of each example pipeline are those KFP's compiler writes with {@code
   * kubernetes_manifest_format=True} for the same spec and names: the same documents, in the same order, with the same
   * values.
   */
  @Test
  void everyPipelinesKubernetesManifestsAreThoseKfpWrites() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(compiled().resolve("pipelines"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Path in = Files.createDirectories(dir.resolve("in"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String> command = new ArrayList<>(List.of(System.getProperty("kfp4j.kfpPython"), script("manifests.py"), out.toString()));
    for (Path f : files) {
      command.add(loadable(f, in.resolve(f.getFileName())).toString());
    }
    String said = python(command, 600);
    List<String> differ = new ArrayList<>();
    for (Path f : files) {
      String spec = Files.readString(in.resolve(f.getFileName()));
      String name = Yaml.readAll(spec).get(0).at("/pipelineInfo/name").asString();
      String ours = KubernetesManifests.write(spec, new KubernetesManifests.Names(null, null, name + "-v2", null, "team-a", true), null);
      Object kfp = comparable(Yaml.readAll(Files.readString(out.resolve(f.getFileName()))));
      if (!comparable(Yaml.readAll(ours)).equals(kfp)) {
        differ.add(f + "\n  kfp4j: " + comparable(Yaml.readAll(ours)) + "\n  KFP:   " + kfp);
      }
    }
    assertTrue(files.size() > 40, "the examples' KFP 2 pipelines: " + files.size());
    assertEquals(List.of(), differ, said);
  }

  /**
   * KFP 2's SDK loads KFP v1 component files too, and compiles them into KFP 2 components. It refuses two shapes of them,
   * also in KFP's own files: an input of a parameter type given as a file ({@code InputPath(str)}, {@code type: String}
   * with {@code inputPath}: KFP 1.8.22's own {@code all_types.component.yaml} is refused so, and 4 files of KFP's component
   * library), and an input of a type it does not know given as a value (97 files of KFP's component library), which is
   * how a KFP v1 file holds a {@code TaskConfig} input (KFP 2 only, {@code type: TaskConfig}). Every other file loads.
   */
  @Test
  void everyKfpV1ComponentFileLoadsButTheShapesKfp2RefusesInKfpsOwnFiles() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(compiled().getParent().resolve("components"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(p.toString()));
    }
    assertTrue(files.size() > 50, "the examples' KFP v1 component files: " + files.size());
    List<String> command = new ArrayList<>(List.of(System.getProperty("kfp4j.kfpPython"), script("compile_again.py"), dir.toString()));
    command.addAll(files);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Map<String, String> refused = new TreeMap<>();
    for (String line : said.lines().filter(l -> l.startsWith("FAILED ")).toList()) {
      String file = line.substring("FAILED ".length(), line.indexOf(": "));
      refused.put(Path.of(file).getFileName().toString(), line.substring(line.indexOf(": ") + 2));
    }
    assertEquals(Map.of(
        "all-types.yaml", "TypeError('Input \"text\" with type \"String\" cannot be paired with InputPathPlaceholder.')",
        "forward-env.yaml", "TypeError('Input \"config\" with type \"system.Artifact@0.0.1\" cannot be paired with InputValuePlaceholder.')",
        "launch-train-job.yaml", "TypeError('Input \"config\" with type \"system.Artifact@0.0.1\" cannot be paired with InputValuePlaceholder.')"),
        refused, said);
    try (Stream<Path> written = Files.list(dir)) {
      assertEquals(files.size() - refused.size(), written.count(), "each other file compiled: " + said);
    }
  }

  /** The compiled KFP 2 files of the examples, {@code META-INF/kfp4j/kfp2} of the class output. */
  static Path compiled() throws Exception {
    return Path.of(KfpSdkTest.class.getClassLoader().getResource("META-INF/kfp4j/kfp2/pipelines").toURI()).getParent();
  }

  /** The script {@code name} of {@code src/test/kfp-sdk}. */
  static String script(String name) {
    Path p = Path.of("src/test/kfp-sdk", name).toAbsolutePath();
    assertTrue(Files.isRegularFile(p), p + " (the tests run in the examples module's folder)");
    return p.toString();
  }

  /**
   * {@code spec} copied to {@code to} as KFP's loader reads it as a pipeline: the loader takes a spec whose pipeline is
   * named as one of its components ({@code comp-<name>}) for that component alone, as KFP's compiler writes a component
   * compiled on its own (and so misreads KFP's own file of a pipeline named as a component it calls): such a pipeline is
   * renamed {@code <name>-pipeline} in the copy.
   */
  static Path loadable(Path spec, Path to) throws Exception {
    String yaml = Files.readString(spec);
    List<JsonNode> docs = Yaml.readAll(yaml);
    ObjectNode info = (ObjectNode) docs.get(0).get("pipelineInfo");
    if (info != null && docs.get(0).path("components").has("comp-" + info.get("name").asString())) {
      info.put("name", info.get("name").asString() + "-pipeline");
      // the header comment kept: KFP's loader reads the description from it
      StringBuilder text = new StringBuilder(yaml.lines().takeWhile(l -> l.startsWith("#")).map(l -> l + "\n").collect(Collectors.joining()));
      for (int i = 0; i < docs.size(); i++) {
        text.append(i == 0 ? "" : "---\n").append(Yaml.write(docs.get(i), ""));
      }
      return Files.writeString(to, text);
    }
    return Files.copy(spec, to);
  }

  /**
   * The documents as plain values to compare, numbers by value: KFP reads a whole number of a spec as a double and writes
   * it back so ({@code 3} as {@code 3.0}).
   */
  static Object comparable(List<JsonNode> docs) {
    return normal(docs.stream().map(Yaml::toPlain).toList());
  }

  private static Object normal(Object v) {
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(KfpSdkTest::normal).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      new TreeMap<>(m).forEach((k, x) -> out.put(k, normal(x)));
      return out;
    }
    return v;
  }

  /** Runs {@code command}, a Python script, and returns what it printed; it must end well within {@code seconds}. */
  static String python(List<String> command, int seconds) throws Exception {
    return python(command, seconds, false);
  }

  /** {@link #python(List, int)}, where a task that failed is what {@code failing} says is expected. */
  static String python(List<String> command, int seconds, boolean failing) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "ended in " + seconds + " s");
    String said = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), said);
    assertTrue(failing || !said.contains("FAILED"), said);
    return said;
  }
}
