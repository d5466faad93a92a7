package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.dsl.ComponentOp;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One loaded component behaves the same in all three places: the command the processor writes
 * into the workflow for the generated op, the command {@link ComponentOp} resolves at run time,
 * and the command the local runner executes, for a Python {@code add} and a shell component that
 * hashes a file: the examples' own files, and the KFP SDK's {@code add} with KFP's library
 * {@code Calculate data hash} (from {@code ../shared}).
 */
class LoadedComponentParityTest {
  @TempDir Path dir;

  static final String LIBRARY_HASH = "components/basics/Calculate_hash/component.yaml";

  /** The two components under test: their resources, files, input names and what the hash runs as. */
  record Components(String add, Path addFile, String a, String b, List<String> addFlags, String hash, Path hashFile,
      String hashOp, String hashTask, String algorithm, boolean reference) {}

  static Components components(String which) {
    if (which.equals("own")) {
      return new Components(ImportComponentsTest.ADD, ImportComponentsTest.OWN.resolve(ImportComponentsTest.ADD), "a", "b",
          List.of("--a", "--b"), ImportComponentsTest.HASH, ImportComponentsTest.OWN.resolve(ImportComponentsTest.HASH),
          "hashFile", "hash-file", "sha256", false);
    }
    return new Components("add.component.yaml", Shared.testdata("kfp-sdk-1.8.22/add.component.yaml"), "value_1", "value_2",
        List.of("--value-1", "--value-2"), LIBRARY_HASH, Shared.testdata("kfp-components/" + LIBRARY_HASH),
        "calculateDataHash", "calculate-data-hash", "SHA256", true);
  }

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build();
  }

  @ParameterizedTest(name = "{0} files")
  @ValueSource(strings = {"own", "reference"})
  void generatedOpRuntimeOpAndLocalRunnerRunTheSameCommand(String which) throws Exception {
    Components k = components(which);
    JavaFileObject imports = ImportComponentsTest.imports(k.add(), k.hash(), "testcomponents/write_text.component.yaml");
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(name = \"parity\", formats = Format.ARGO) public static void p() {",
        "  ImportsOps.add(3, 4);",
        "  var text = ImportsOps.writeText(\"hello\");",
        "  ImportsOps." + k.hashOp() + "(text.file());",
        "}");
    Compilation c = k.reference() ? ImportComponentsTest.compileWithReferenceFiles(imports, pipeline)
        : ImportComponentsTest.compile(imports, pipeline);
    assertThat(c).succeededWithoutWarnings();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/parity.yaml");
    JsonNode wf = Yaml.read(yaml);
    RunResult run = runner().run(Workflow.parse(yaml, "parity.yaml"), Map.of());
    assertThat(run.succeeded()).isTrue();

    // Python add: value inputs, an output returned through ----output-paths
    ComponentOp add = ComponentOp.load(k.addFile());
    CommandLine resolved = add.commandLine(Map.of(k.a(), 3, k.b(), 4));
    assertThat(resolved.args()).containsExactly(k.addFlags().get(0), "3", k.addFlags().get(1), "4", "----output-paths",
        "/tmp/outputs/Output/data").inOrder();
    List<String> runtime = line(resolved);
    assertThat(compiled(wf, "add")).isEqualTo(runtime);
    TaskResult inPipeline = run.task("add").orElseThrow();
    assertThat(inPipeline.command()).isEqualTo(local(runtime, inPipeline, Map.of()));
    TaskResult alone = add.run(runner(), Map.of(k.a(), 3, k.b(), 4));
    assertThat(alone.command()).isEqualTo(local(runtime, alone, Map.of()));
    assertThat(inPipeline.outputs()).isEqualTo(Map.of("Output", "7"));
    assertThat(alone.outputs()).isEqualTo(Map.of("Output", "7"));

    // The shell component: a file input (here another task's file), a default, a file output
    ComponentOp hash = ComponentOp.load(k.hashFile());
    runtime = line(hash.commandLine(Map.of("Data", "hello")));
    assertThat(runtime.subList(3, 6)).containsExactly("/tmp/inputs/Data/data", k.algorithm(), "/tmp/outputs/Hash/data").inOrder();
    assertThat(compiled(wf, k.hashTask())).isEqualTo(runtime);
    TaskResult hashed = run.task(k.hashTask()).orElseThrow();
    Path written = run.task("write-text").orElseThrow().artifacts().get("file");
    assertThat(hashed.command()).isEqualTo(local(runtime, hashed, Map.of("/tmp/inputs/Data/data", written.toString())));
    alone = hash.run(runner(), Map.of("Data", "hello"));
    assertThat(alone.command()).isEqualTo(local(runtime, alone, Map.of()));
    String sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n";
    assertThat(Files.readString(hashed.artifacts().get("Hash"))).isEqualTo(sha256);
    assertThat(Files.readString(alone.artifacts().get("Hash"))).isEqualTo(sha256);
    ArgoSchemas.assertValid(yaml, "parity.yaml");
    ArgoSchemas.assertValid(hash.workflow(Map.of("Data", "hello")), "the runtime op's one-task workflow");
  }

  private static List<String> line(CommandLine c) {
    List<String> all = new ArrayList<>(c.command());
    all.addAll(c.args());
    return all;
  }

  /**
   * The command and args of the template that runs {@code task}, with each {@code
   * {{inputs.parameters.X}}} replaced by the value the DAG task passes: what the container runs.
   */
  private static List<String> compiled(JsonNode wf, String task) {
    JsonNode dagTask = null;
    for (JsonNode t : wf.at("/spec/templates/0/dag/tasks")) {
      if (t.path("name").asString().equals(task)) {
        dagTask = t;
      }
    }
    JsonNode template = null;
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.path("name").asString().equals(dagTask.path("template").asString())) {
        template = t;
      }
    }
    List<String> out = new ArrayList<>();
    for (String part : List.of("command", "args")) {
      for (JsonNode item : template.at("/container/" + part)) {
        String s = item.asString();
        for (JsonNode p : dagTask.at("/arguments/parameters")) {
          s = s.replace("{{inputs.parameters." + p.path("name").asString() + "}}", p.path("value").asString());
        }
        out.add(s);
      }
    }
    return out;
  }

  /**
   * {@code command} as the local runner runs it: the {@code mapped} container paths replaced, the
   * other inputs and outputs in the task's folder.
   */
  private static List<String> local(List<String> command, TaskResult task, Map<String, String> mapped) {
    String taskDir = task.log().getParent().toString();
    return command.stream().map(s -> {
      for (Map.Entry<String, String> e : mapped.entrySet()) {
        s = s.replace(e.getKey(), e.getValue());
      }
      return s.replace("/tmp/inputs/", taskDir + "/inputs/").replace("/tmp/outputs/", taskDir + "/outputs/");
    }).toList();
  }
}
