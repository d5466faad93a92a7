package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run reads its pipeline, runs its tasks and writes its records without making Jackson's
 * YAML or JSON mapper, which costs a cold JVM about a fifth of a second (bench/results.md), nor
 * even Jackson's YAML parser, another tenth, nor its JSON generator, some 45 ms, nor the JDK's
 * security providers, 20–40 ms for the task cache's hashes: the runner's JVM, started as {@code
 * LocalRun} is, initializes none of them for a pipeline kfp4j wrote.
 */
class RunWithoutMappersTest {
  @TempDir Path dir;

  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> out = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        out.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, out);
  }

  /** What the JVM logs as it initializes Jackson's mappers' common class, whichever mapper is made first. */
  private static final String MAPPER = "Initializing 'tools/jackson/databind/ObjectMapper'";
  /** What the JVM logs as it initializes the factory of Jackson's YAML parsers. */
  private static final String YAML_PARSER = "Initializing 'tools/jackson/dataformat/yaml/YAMLFactory'";
  /** What the JVM logs as it initializes the common class of Jackson's parser and generator factories, JSON's and YAML's. */
  private static final String FACTORY = "Initializing 'tools/jackson/core/TokenStreamFactory'";
  /** What the JVM logs as it starts the JDK's security providers, as the first {@code MessageDigest.getInstance} does. */
  private static final String PROVIDERS = "Initializing 'sun/security/jca/Providers'";
  /** Two Java tasks, the second given the first's output. */
  private static final String CHAIN = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: chain-}\nspec:\n  entrypoint: main\n  arguments: {parameters: [{name: word, value: found}]}\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: a, template: t, arguments: {parameters: [{name: v, value: '{{workflow.parameters.word}}'}]}}\n"
        + "      - {name: b, template: t, dependencies: [a], arguments: {parameters: [{name: v, value: '{{tasks.a.outputs.parameters.out}}'}]}}\n"
        + "  - name: t\n    inputs: {parameters: [{name: v}]}\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, write, '{{inputs.parameters.v}}', /tmp/outputs/out/data]\n";

  private String run(String mode) throws Exception {
    Path workflow = dir.resolve("chain.yaml");
    Files.writeString(workflow, mode.equals("kfp2") ? dev.kfp4j.format.kfp2.Kfp2Writer.write(
        dev.kfp4j.format.argo.ArgoReader.read(CHAIN, "chain")) : CHAIN);
    Path log = dir.resolve(mode + "-init.log");
    List<String> command = new ArrayList<>(List.of(Child.java(), "-Xlog:class+init=info:file=" + log, "-cp", classpath(),
        "dev.kfp4j.local.LocalRun", workflow.toString(), "--root", dir.resolve(mode).toString()));
    if (mode.equals("subprocess")) {
      command.add("--subprocess");
    }
    Process p = Child.start(command, dir.resolve(mode + ".out"), Map.of(), dir);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve(mode + ".out"));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("a.out = found\nb.out = found\n"), out);
    String inits = Files.readString(log);
    assertTrue(inits.contains("Initializing 'dev/kfp4j/yaml/BlockYamlReader'"), "the log lists the runner's classes");
    assertFalse(inits.contains(YAML_PARSER), "a YAML parser was made");
    assertFalse(inits.contains(FACTORY), "a factory of Jackson's parsers and generators was made");
    assertFalse(inits.contains(PROVIDERS), "the security providers were started");
    return inits;
  }

  @Test
  void aRunInProcessMakesNoMapper() throws Exception {
    String inits = run("in-process");
    assertFalse(inits.contains(MAPPER), "a mapper was made");
  }

  @Test
  void aRunOfJavaProcessesMakesNoMapper() throws Exception {
    String inits = run("subprocess");
    assertFalse(inits.contains(MAPPER), "a mapper was made");
  }

  @Test
  void aRunOfAKfp2PipelineSpecMakesNoMapper() throws Exception {
    String inits = run("kfp2");
    assertFalse(inits.contains(MAPPER), "a mapper was made");
  }
}
