package dev.kfp4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Components loaded at run time: spec, command line and a local run of the component alone. */
class ComponentOpTest {
  @TempDir Path dir;

  static Path library(String component) {
    return Shared.testdata("kfp-components/components").resolve(component).resolve("component.yaml");
  }

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build();
  }

  static final String REPEAT = String.join("\n",
      "name: Repeat text",
      "description: Writes a text n times.",
      "metadata: {annotations: {author: kfp4j}}",
      "inputs:",
      "- {name: text, type: String}",
      "- {name: times, type: Integer, default: '2', optional: true}",
      "- {name: separator, type: String, optional: true}",
      "outputs:",
      "- {name: repeated, type: String}",
      "implementation:",
      "  container:",
      "    image: alpine:3.20",
      "    command:",
      "    - sh",
      "    - -ec",
      "    - |",
      "      out=\"\"; i=0",
      "      while [ $i -lt \"$1\" ]; do out=\"$out$0$2\"; i=$((i+1)); done",
      "      mkdir -p \"$(dirname \"$3\")\"; printf '%s' \"$out\" > \"$3\"",
      "    - {inputValue: text}",
      "    - {inputValue: times}",
      "    - if: {cond: {isPresent: separator}, then: [{inputValue: separator}], else: ['']}",
      "    - {outputPath: repeated}",
      "");

  @Test
  void theSpecCommandLineAndALocalRunAgree() throws Exception {
    ComponentOp op = ComponentOp.fromText(REPEAT);
    assertEquals(ComponentYaml.parse(REPEAT, "x"), op.spec());
    assertEquals(Map.of("author", "kfp4j"), op.spec().annotations());
    assertEquals("repeat-text", op.taskName());

    CommandLine line = op.commandLine(Map.of("text", "ab", "separator", "-"));
    assertEquals(List.of("ab", "2", "-", "/tmp/outputs/repeated/data"), line.command().subList(3, 7));
    assertEquals(Map.of("repeated", "/tmp/outputs/repeated/data"), line.outputPaths());

    TaskResult r = op.run(runner(), Map.of("text", "ab", "separator", "-", "times", 3));
    assertEquals(TaskResult.State.Succeeded, r.state(), r.message());
    // an output the program writes at a path of its own is a file, as the generated op's Path
    assertEquals("ab-ab-ab-", Files.readString(r.artifacts().get("repeated")));
    // what ran is the resolved command with the container's paths moved into the task's folder
    Path taskDir = r.log().getParent();
    CommandLine three = op.commandLine(Map.of("text", "ab", "separator", "-", "times", 3));
    assertEquals(three.command().stream().map(s -> s.replace("/tmp/outputs/", taskDir + "/outputs/")).toList(), r.command());
    // and run.json records it
    assertEquals(r.command(), Yaml.json().convertValue(
        Yaml.json().readTree(taskDir.getParent().resolve("run.json").toFile()).at("/tasks/repeat-text/command"), List.class));
  }

  @Test
  void aLibraryShellComponentWithAFileInputAndAFileOutput() throws Exception {
    ComponentOp hash = ComponentOp.load(library("basics/Calculate_hash"));
    assertEquals("Calculate data hash", hash.spec().name());
    assertEquals(
        "https://raw.githubusercontent.com/Ark-kun/pipeline_components/master/components/basics/Calculate_hash/component.yaml",
        hash.spec().annotations().get("canonical_location"));
    // the file input takes its content; the default algorithm is filled in
    assertEquals(List.of("/tmp/inputs/Data/data", "SHA256", "/tmp/outputs/Hash/data"),
        hash.commandLine(Map.of("Data", "hello")).command().subList(3, 6));
    Path data = dir.resolve("hello.txt");
    Files.writeString(data, "hello");
    TaskResult r = hash.run(runner(), Map.of("Data", data));
    assertEquals(TaskResult.State.Succeeded, r.state(), r.message());
    assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n", Files.readString(r.artifacts().get("Hash")));
    TaskResult md5 = hash.run(runner(), Map.of("Data", "hello", "Hash algorithm", "MD5"));
    assertEquals("5d41402abc4b2a76b9719d911017c592\n", Files.readString(md5.artifacts().get("Hash")));
  }

  /** Input and output names KFP takes and Argo does not, one of them the same as another's Argo name. */
  static final String GREET = String.join("\n",
      "name: Greet",
      "inputs:",
      "- {name: first name, type: String}",
      "- {name: first-name, type: String, default: unused}",
      "outputs:",
      "- {name: the greeting, type: String}",
      "implementation:",
      "  container:",
      "    image: alpine:3.20",
      "    command: [sh, -ec, 'mkdir -p \"$(dirname \"$1\")\"; printf \"hello %s\" \"$0\" > \"$1\"', {inputValue: first name},",
      "      {outputPath: the greeting}]",
      "");

  @Test
  void namesArgoRefusesAreArgoNamesInTheWorkflowAndTheSpecsNamesInTheResult() throws Exception {
    ComponentOp op = ComponentOp.fromText(GREET);
    String workflow = op.workflow(Map.of("first name", "Ada"));
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(workflow)));
    assertTrue(workflow.contains("- \"{{inputs.parameters.first-name-2}}\"\n"), workflow);
    assertTrue(workflow.contains("name: the-greeting"), workflow);
    TaskResult r = op.run(runner(), Map.of("first name", "Ada"));
    assertEquals(TaskResult.State.Succeeded, r.state(), r.message());
    assertEquals(List.of("the greeting"), List.copyOf(r.artifacts().keySet()));
    assertEquals("hello Ada", Files.readString(r.artifacts().get("the greeting")));
  }

  /** A graph of components named {@code add}, {@code add} and {@code add 2}, each adding one to the last. */
  static final String THREE_ADDS = String.join("\n",
      "name: Three adds",
      "inputs:",
      "- {name: n, type: Integer}",
      "outputs:",
      "- {name: sum, type: Integer}",
      "implementation:",
      "  graph:",
      "    tasks:",
      "      first: {componentRef: {spec: " + adder("add") + "}, arguments: {x: {graphInput: {inputName: n}}}}",
      "      second: {componentRef: {spec: " + adder("add") + "}, arguments: {x: {taskOutput: {taskId: first, outputName: y}}}}",
      "      third: {componentRef: {spec: " + adder("add 2") + "}, arguments: {x: {taskOutput: {taskId: second, outputName: y}}}}",
      "    outputValues:",
      "      sum: {taskOutput: {taskId: third, outputName: y}}",
      "");

  private static String adder(String name) {
    return "{name: '" + name + "', inputs: [{name: x, type: Integer}], outputs: [{name: y, type: Integer}],"
        + " implementation: {container: {image: alpine, command: [sh, -ec, 'mkdir -p \"$(dirname \"$1\")\"; echo $(($0 + 1)) > \"$1\"',"
        + " {inputValue: x}, {outputPath: y}]}}}";
  }

  /** Issue 13: ComponentOp named a graph's tasks apart from the processor, and gave two tasks one name. */
  @Test
  void aGraphsTasksAreNamedAsTheProcessorNamesThemEachOnce() throws Exception {
    ComponentOp op = ComponentOp.fromText(THREE_ADDS);
    String workflow = op.workflow(Map.of("n", 1));
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(workflow)));
    List<String> tasks = new java.util.ArrayList<>();
    Yaml.read(workflow).at("/spec/templates/0/dag/tasks").forEach(t -> tasks.add(t.get("name").asString()));
    assertEquals(List.of("add", "add-2", "add-2-2"), tasks);
    TaskResult r = op.run(runner(), Map.of("n", 1));
    assertEquals(TaskResult.State.Succeeded, r.state(), r.message());
    assertEquals("4", Files.readString(r.artifacts().get("sum")).strip());   // a graph's outputs are files, as KFP v1 passes them
  }

  @Test
  void fileUrlResourceAndTextLoadTheSameSpec() throws Exception {
    Path file = library("basics/Calculate_hash");
    ComponentOp fromFile = ComponentOp.load(file);
    assertEquals(fromFile.spec(), ComponentOp.fromUrl(file.toUri()).spec());
    assertEquals(fromFile.spec(), ComponentOp.fromText(Files.readString(file)).spec());
    Path resources = dir.resolve("classes");
    Files.createDirectories(resources.resolve("components"));
    Files.copy(file, resources.resolve("components/hash.yaml"));
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {resources.toUri().toURL()}, null)) {
      ComponentOp fromResource = ComponentOp.fromResource(loader, "components/hash.yaml");
      assertEquals(fromFile.spec(), fromResource.spec());
      assertEquals("components/hash.yaml", fromResource.source());
    }
  }

  @Test
  void badArgumentsAndBrokenTextSayWhatIsWrong() {
    ComponentOp op = ComponentOp.fromText(REPEAT);
    assertEquals("component 'Repeat text' has no input 'txt'; did you mean 'text'? Its inputs are [text, times, separator]",
        assertThrows(IllegalArgumentException.class, () -> op.commandLine(Map.of("txt", "a"))).getMessage());
    assertEquals("component 'Repeat text' needs a value for input 'text'",
        assertThrows(IllegalArgumentException.class, () -> op.run(runner(), Map.of())).getMessage());
    SpecException broken = assertThrows(SpecException.class, () -> ComponentOp.fromText(REPEAT.replace("{outputPath: repeated}", "{outputPath: repeat}")));
    assertEquals("component text:23:20: implementation.container.command[6].outputPath: no output 'repeat'; did you mean 'repeated'? "
        + "The outputs are repeated", broken.getMessage());
    assertTrue(Files.notExists(dir.resolve("runs")));
  }

  /** A file input given as a Path that is missing or not text: "cannot read X" said neither, and the cause was hidden. */
  @Test
  void aFileInputsPathThatIsMissingOrNotTextSaysWhich() throws Exception {
    ComponentOp hash = ComponentOp.load(library("basics/Calculate_hash"));
    Path missing = dir.resolve("missing.txt");
    assertEquals("component 'Calculate data hash', input 'Data': no file " + missing,
        assertThrows(IllegalArgumentException.class, () -> hash.run(runner(), Map.of("Data", missing))).getMessage());
    Path binary = Files.write(dir.resolve("model.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertEquals("component 'Calculate data hash', input 'Data': " + binary + " is not UTF-8 text, and ComponentOp passes a"
        + " file input's content as text; give a text file, or call the component in a @Pipeline (import it with"
        + " @ImportComponents), where a task's file output passes as it is",
        assertThrows(IllegalArgumentException.class, () -> hash.run(runner(), Map.of("Data", binary))).getMessage());
    assertTrue(Files.notExists(dir.resolve("runs")));
  }
}
