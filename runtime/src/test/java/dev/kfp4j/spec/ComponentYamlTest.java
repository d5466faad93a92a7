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
    assertEquals("bad.yaml: implementation: missing; expected 'implementation: {container: ...}' or 'implementation: {graph: ...}'",
        assertThrows(SpecException.class, () -> ComponentYaml.parse("name: x\n", "bad.yaml")).getMessage());
    assertEquals("bad.yaml: inputs[0]: missing 'name'",
        assertThrows(SpecException.class, () -> ComponentYaml.parse("inputs: [{type: String}]\nimplementation: {container: {image: a}}", "bad.yaml")).getMessage());
    assertEquals("bad.yaml: implementation.container.args[0]: unknown placeholder 'inputVal'; expected one of inputValue, inputPath, outputPath, concat, if, isPresent, executorInput",
        assertThrows(SpecException.class, () -> ComponentYaml.parse("implementation: {container: {image: a, args: [{inputVal: x}]}}", "bad.yaml")).getMessage());
    assertEquals(true, assertThrows(SpecException.class, () -> ComponentYaml.parse("a: [", "bad.yaml")).getMessage().startsWith("bad.yaml: not valid YAML"));
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
      assertEquals(base + "/missing.yaml: the server answered HTTP 404", missing.getMessage());
    } finally {
      server.stop(0);
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile("echo", ".yaml");
    java.nio.file.Files.write(file, body);
    assertEquals("Echo", ComponentYaml.read(file.toUri()).name());
    java.nio.file.Files.delete(file);
  }
}
