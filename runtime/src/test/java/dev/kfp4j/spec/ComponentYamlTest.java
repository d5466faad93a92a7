package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading component specs: what is kept, and what a broken file says. */
class ComponentYamlTest {
  @Test
  void keepsPlaceholdersAsWritten() {
    String yaml = String.join("\n",
        "name: Echo",
        "inputs:",
        "- {name: msg, type: String, optional: true}",
        "outputs:",
        "- {name: out}",
        "implementation:",
        "  container:",
        "    image: alpine",
        "    command: [sh, -c]",
        "    args:",
        "    - concat: [echo, ' ', {inputValue: msg}]",
        "    - if: {cond: {isPresent: msg}, then: --msg, else: [--none]}",
        "    - {outputPath: out}",
        "");
    ComponentSpec spec = ComponentYaml.parse(yaml, "echo.yaml");
    assertEquals("Echo", spec.name());
    Placeholder.If branch = (Placeholder.If) spec.container().args().get(1);
    assertEquals(new Placeholder.IsPresent("msg"), branch.cond());
    assertEquals(List.of(new Placeholder.Literal("--msg")), branch.then());
    assertEquals(true, branch.singleThen());
    ComponentSpec again = ComponentYaml.parse(ComponentYaml.write(spec, null), "again");
    assertEquals(spec, again);
  }

  @Test
  void errorsNameTheFileAndTheField() {
    assertEquals("bad.yaml:1:1: implementation: missing; expected 'implementation: {container: ...}' or 'implementation: {graph: ...}'",
        error("name: x\n"));
    assertEquals("bad.yaml:1:10: inputs[0]: missing 'name'",
        error("inputs: [{type: String}]\nimplementation: {container: {image: a}}"));
    assertEquals("bad.yaml:1:47: implementation.container.args[0]: unknown placeholder 'inputVal'; did you mean 'inputValue'? expected one of inputValue, inputPath, outputPath, inputUri, outputUri, concat, if, isPresent, executorInput",
        error("implementation: {container: {image: a, args: [{inputVal: x}]}}"));
    // From a tree there is no text to find the line in: the field alone.
    assertEquals("bad.yaml: inputs[0]: missing 'name'", assertThrows(SpecException.class,
        () -> ComponentYaml.fromNode(dev.kfp4j.yaml.Yaml.read("inputs: [{type: String}]"), "bad.yaml")).getMessage());
  }

  /** A valid spec; each case below breaks one line of it. */
  private static final List<String> ADD = List.of(
      "# Adds two numbers",                     // 1
      "name: Add",                               // 2
      "inputs:",                                 // 3
      "- {name: a, type: Integer}",              // 4
      "- name: b",                               // 5
      "  type: Integer",                         // 6
      "  optional: true",                        // 7
      "outputs:",                                // 8
      "- {name: sum, type: Integer}",            // 9
      "implementation:",                         // 10
      "  container:",                            // 11
      "    image: python:3.9",                   // 12
      "    command: [python3, -c, 'print(1)']",  // 13
      "    args:",                               // 14
      "    - --a",                               // 15
      "    - {inputValue: a}",                   // 16
      "    - if:",                               // 17
      "        cond: {isPresent: b}",            // 18
      "        then: [--b, {inputValue: b}]",    // 19
      "    - {outputPath: sum}");                // 20

  /** The error for {@link #ADD} with line {@code line} replaced by {@code text} (null removes it). */
  private static String broken(int line, String text) {
    List<String> lines = new java.util.ArrayList<>(ADD);
    if (text == null) {
      lines.remove(line - 1);
    } else {
      lines.set(line - 1, text);
    }
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.parse(String.join("\n", lines) + "\n", "add.yaml"));
    assertEquals(e.getMessage().startsWith("add.yaml:" + e.line() + ":" + e.column() + ": "), true, e.getMessage());
    return e.getMessage();
  }

  private static String error(String text) {
    return assertThrows(SpecException.class, () -> ComponentYaml.parse(text, "bad.yaml")).getMessage();
  }

  @Test
  void fieldErrorsGiveTheLineAndColumnOfTheField() {
    assertEquals("Add", ComponentYaml.parse(String.join("\n", ADD), "add.yaml").name());
    assertEquals("add.yaml:16:7: implementation.container.args[1]: unknown placeholder 'inputValu'; did you mean 'inputValue'? "
        + "expected one of inputValue, inputPath, outputPath, inputUri, outputUri, concat, if, isPresent, executorInput",
        broken(16, "    - {inputValu: a}"));
    assertEquals("add.yaml:19:34: implementation.container.args[2].if.then[1].inputValue: no input 'c'; the inputs are a, b",
        broken(19, "        then: [--b, {inputValue: c}]"));
    assertEquals("add.yaml:20:20: implementation.container.args[3].outputPath: no output 'summ'; did you mean 'sum'? The outputs are sum",
        broken(20, "    - {outputPath: summ}"));
    assertEquals("add.yaml:18:9: implementation.container.args[2].if: missing 'cond'; write {if: {cond: {isPresent: name}, then: [...], else: [...]}}",
        broken(18, "        kond: {isPresent: b}"));
    assertEquals("add.yaml:7:13: inputs[1].optional: expected true or false, found \"yes\"",
        broken(7, "  optional: yes"));
    assertEquals("add.yaml:5:9: inputs[1].name: input 'a' is declared twice; input names are unique",
        broken(5, "- name: a"));
    assertEquals("add.yaml:12:5: implementation.container: missing 'image'",
        broken(12, null));
    assertEquals("add.yaml:9:3: outputs: expected a list, found a mapping",
        broken(9, "  sum: Integer"));
    assertEquals("add.yaml:13:14: implementation.container.command: expected a list, found 'python3 -c'",
        broken(13, "    command: python3 -c"));
    assertEquals("add.yaml:13:38: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <scalar>",
        broken(13, "    command: [python3, -c, 'print(1)'"));
  }

  /** A component a user wrote, as in issue 11: the KFP SDK refuses to load it ('from' is not a valid parameter name). */
  static final String RANGE = String.join("\n",
      "name: Range",
      "inputs:",
      "- {name: from, type: Integer}",
      "- {name: to, type: Integer}",
      "outputs:",
      "- {name: numbers, type: JsonArray}",
      "implementation:",
      "  container:",
      "    image: python:3.12-slim",
      "    command: [python3, -c, 'import json, sys; open(sys.argv[3], \"w\").write(json.dumps(list(range(int(sys.argv[1]), int(sys.argv[2])))))',",
      "      {inputValue: from}, {inputValue: to}, {outputPath: numbers}]",
      "");

  @Test
  void anInputThatTheKfpSdkCannotMakeAPythonParameterIsRefusedAsTheSdkRefusesIt() {
    assertEquals("range.yaml:3:10: inputs[0].name: input 'from' is a Python keyword, and the KFP SDK refuses "
        + "to load the component ('from' is not a valid parameter name); rename the input",
        assertThrows(SpecException.class, () -> ComponentYaml.parse(RANGE, "range.yaml")).getMessage());
    // the SDK lower-cases and joins words with '_' first: 'From' and 'for each' are 'from' and 'for_each'
    assertThrows(SpecException.class, () -> ComponentYaml.parse(RANGE.replace("{name: from,", "{name: From,")
        .replace("{inputValue: from}", "{inputValue: From}"), "range.yaml"));
    assertEquals("start", ComponentYaml.parse(RANGE.replace("from", "start"), "range.yaml").inputs().get(0).name());
    assertEquals("range.yaml:4:10: inputs[1].name: the KFP SDK gives input '--' no Python name (it keeps only letters and "
        + "digits), and refuses to load the component ('' is not a valid parameter name); rename the input",
        assertThrows(SpecException.class, () -> ComponentYaml.parse(RANGE.replace("from", "start").replace("to", "--"), "range.yaml"))
            .getMessage());
  }

  /** A graph of two inline components; the second task is listed first, as files may. */
  static final List<String> GRAPH = List.of(
      "name: Sum and double",                                                   // 1
      "inputs:",                                                                // 2
      "- {name: a, type: Integer}",                                             // 3
      "- {name: b, type: Integer, default: '10', optional: true}",             // 4
      "outputs:",                                                               // 5
      "- {name: doubled, type: Integer}",                                       // 6
      "implementation:",                                                        // 7
      "  graph:",                                                               // 8
      "    tasks:",                                                             // 9
      "      double:",                                                          // 10
      "        componentRef: {spec: {name: Double, inputs: [{name: x}], outputs: [{name: y}],", // 11
      "          implementation: {container: {image: alpine, command: [sh, -c, 'expr $0 \\* 2 > $1', {inputValue: x}, {outputPath: y}]}}}}", // 12
      "        arguments:",                                                     // 13
      "          x: {taskOutput: {taskId: add, outputName: sum, type: Integer}}", // 14
      "        executionOptions: {cachingStrategy: {maxCacheStaleness: P0D}}",  // 15
      "      add:",                                                             // 16
      "        componentRef: {name: Add, url: 'https://example.com/add.yaml'}", // 17
      "        arguments:",                                                     // 18
      "          x: {graphInput: {inputName: a}}",                              // 19
      "          y: {graphInput: {inputName: b}}",                              // 20
      "          z: '3'",                                                       // 21
      "    outputValues:",                                                      // 22
      "      doubled: {taskOutput: {taskId: double, outputName: y}}");          // 23

  private static String brokenGraph(int line, String text) {
    List<String> lines = new java.util.ArrayList<>(GRAPH);
    lines.set(line - 1, text);
    return assertThrows(SpecException.class, () -> ComponentYaml.parse(String.join("\n", lines), "graph.yaml")).getMessage();
  }

  @Test
  void graphComponentsKeepEveryFieldAndAreOrderedByData() {
    ComponentSpec spec = ComponentYaml.parse(String.join("\n", GRAPH), "graph.yaml");
    GraphSpec graph = spec.graph();
    assertEquals(List.of("add", "double"), graph.sortedTaskIds());
    GraphSpec.Task add = graph.tasks().get("add");
    assertEquals(new GraphSpec.ComponentRef("Add", null, null, "https://example.com/add.yaml", null), add.componentRef());
    assertEquals(new GraphSpec.Argument.GraphInput("b", null), add.arguments().get("y"));
    assertEquals(new GraphSpec.Argument.Constant("3"), add.arguments().get("z"));
    GraphSpec.Task twice = graph.tasks().get("double");
    assertEquals(new GraphSpec.Argument.TaskOutput("add", "sum", TypeSpec.named("Integer")), twice.arguments().get("x"));
    assertEquals("Double", twice.componentRef().spec().name());
    assertEquals(java.util.Map.of("cachingStrategy", java.util.Map.of("maxCacheStaleness", "P0D")), twice.executionOptions());
    assertEquals(new GraphSpec.Argument.TaskOutput("double", "y", null), graph.outputValues().get("doubled"));
    assertEquals(true, spec.outputIsFile("doubled"), "y is written at a path of its own");
    assertEquals(spec, ComponentYaml.parse(ComponentYaml.write(spec, null), "again"));
  }

  @Test
  void graphErrorsGiveTheLineAndColumn() {
    assertEquals("graph.yaml:14:36: implementation.graph.tasks.double.arguments.x.taskOutput.taskId: no task 'ad'; "
        + "did you mean 'add'? The tasks are double, add", brokenGraph(14, "          x: {taskOutput: {taskId: ad, outputName: sum}}"));
    assertEquals("graph.yaml:20:39: implementation.graph.tasks.add.arguments.y.graphInput.inputName: no input 'c'; the inputs are a, b",
        brokenGraph(20, "          y: {graphInput: {inputName: c}}"));
    assertEquals("graph.yaml:23:58: implementation.graph.outputValues.doubled.taskOutput.outputName: task 'double' has no output 'z'; "
        + "the outputs are y", brokenGraph(23, "      doubled: {taskOutput: {taskId: double, outputName: z}}"));
    assertEquals("graph.yaml:14:14: implementation.graph.tasks.double.arguments.z: component 'Double' has no input 'z'; the inputs are x",
        brokenGraph(14, "          z: {taskOutput: {taskId: add, outputName: sum}}"));
    assertEquals("graph.yaml:12:107: implementation.graph.tasks.double.componentRef.spec.implementation.container.command[3].inputValue: "
        + "no input 'w'; the inputs are x",
        brokenGraph(12, "          implementation: {container: {image: alpine, command: [sh, -c, 'expr $0 \\* 2 > $1', {inputValue: w}, {outputPath: y}]}}}}"));
    assertEquals("graph.yaml:11:9: implementation.graph.tasks.double: tasks take each other's outputs in a cycle: double -> add -> double",
        brokenGraph(21, "          z: {taskOutput: {taskId: double, outputName: y}}"));
    assertEquals("graph.yaml:17:23: implementation.graph.tasks.add.componentRef: names no component; give one of spec, url, name, digest, tag",
        brokenGraph(17, "        componentRef: {}"));
  }

  @Test
  void parseCompilableRefusesWhatAWorkflowCannotHoldAtTheLine() {
    String text = String.join("\n", GRAPH);
    // parse keeps a reference by url; parseCompilable refuses it, at the componentRef
    assertEquals("https://example.com/add.yaml", ComponentYaml.parse(text, "graph.yaml").graph().tasks().get("add").componentRef().url());
    assertEquals("graph.yaml:17:23: implementation.graph.tasks.add.componentRef: refers to its component by url 'https://example.com/add.yaml', "
        + "name 'Add', which kfp4j does not fetch while compiling; put the component's YAML inline under componentRef.spec",
        assertThrows(SpecException.class, () -> ComponentYaml.parseCompilable(text, "graph.yaml")).getMessage());
    List<String> inline = new java.util.ArrayList<>(GRAPH);
    inline.set(16, "        componentRef: {spec: {name: Add, inputs: [{name: x}, {name: y}, {name: z}], outputs: [{name: sum}], "
        + "implementation: {container: {image: alpine, command: [echo]}}}}");
    assertEquals("Add", ComponentYaml.parseCompilable(String.join("\n", inline), "graph.yaml").graph().tasks().get("add").componentRef().spec().name());
    inline.set(14, "        executionOptions: {cachingStrategy: {maxCacheStaleness: P30D}}");
    assertEquals("graph.yaml:15:45: implementation.graph.tasks.double.executionOptions.cachingStrategy: kfp4j compiles executionOptions "
        + "{retryStrategy: {maxRetries: <n>}} and {cachingStrategy: {maxCacheStaleness: P0D}} (caching off); found cachingStrategy: {maxCacheStaleness: P30D}",
        assertThrows(SpecException.class, () -> ComponentYaml.parseCompilable(String.join("\n", inline), "graph.yaml")).getMessage());
    inline.set(14, "        isEnabled: {'==': {op1: {graphInput: {inputName: a}}, op2: '1'}}");
    assertEquals("graph.yaml:15:20: implementation.graph.tasks.double.isEnabled: kfp4j does not compile conditional graph tasks "
        + "(KFP v1 ignores isEnabled too); remove it, or call the components from a @Pipeline inside Dsl.when(...)",
        assertThrows(SpecException.class, () -> ComponentYaml.parseCompilable(String.join("\n", inline), "graph.yaml")).getMessage());
  }

  @Test
  void kubernetesNames() {
    assertEquals("add-example", Names.kebab("addExample"));
    assertEquals("http-server2", Names.kebab("HTTPServer2"));
    assertEquals("my-op", Names.kebab("my_op"));
    assertEquals(null, Names.whyInvalidKubernetesName("add-2"));
    assertEquals("it has 64 characters, more than Kubernetes' 63", Names.whyInvalidKubernetesName("a".repeat(64)));
  }

  @Test
  void loadsFromAUrlAsLoadComponentFromUrl() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = "name: Echo\nimplementation: {container: {image: alpine, command: [echo]}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    server.createContext("/echo.yaml", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/missing.yaml", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertEquals("Echo", ComponentYaml.read(java.net.URI.create(base + "/echo.yaml")).name());
      SpecException missing = assertThrows(SpecException.class, () -> ComponentYaml.read(java.net.URI.create(base + "/missing.yaml")));
      assertEquals("cannot download " + base + "/missing.yaml: the server answered 404 Not Found", missing.getMessage());
    } finally {
      server.stop(0);
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile("echo", ".yaml");
    java.nio.file.Files.write(file, body);
    assertEquals("Echo", ComponentYaml.read(file.toUri()).name());
    java.nio.file.Files.delete(file);
  }
}
