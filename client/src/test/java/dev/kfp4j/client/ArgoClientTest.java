package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The CronWorkflow the Argo client creates is what each Argo version's own schema accepts. */
class ArgoClientTest {
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();
  /** The add example's shape: two integer parameters without defaults, one task. */
  private static final Pipeline PIPELINE = new Pipeline("add-example", "adds",
      List.of(new Parameter("value_1", ParameterType.INTEGER, null, null), new Parameter("value_2", ParameterType.INTEGER, null, null)),
      List.of(new Task("add", ComponentYaml.parse("""
          name: add
          inputs: [{name: a, type: Integer}, {name: b, type: Integer}]
          implementation: {container: {image: alpine, command: [sh, -c, 'echo $0 $1', {inputValue: a}, {inputValue: b}]}}
          """, "add.yaml"), Map.of("a", new Argument.PipelineParameter("value_1"), "b", new Argument.PipelineParameter("value_2")))),
      null, PipelineSettings.DEFAULTS, null);

  /**
   * Argo's CronWorkflow definition at {@code version}, made strict as {@code ArgoSchemas} makes the
   * Workflow one: every object with declared properties refuses others, so a field that version
   * does not know fails.
   */
  private static synchronized Schema cronWorkflowSchema(String version) {
    return SCHEMAS.computeIfAbsent(version, v -> {
      Path file = Shared.schemas("argo/" + v + "/schema.json");
      ObjectNode root = (ObjectNode) Yaml.json().readTree(file.toFile());
      root.remove(List.of("$schema", "$id", "oneOf", "type"));
      root.put("$ref", "#/definitions/io.argoproj.workflow.v1alpha1.CronWorkflow");
      for (JsonNode def : root.get("definitions")) {
        if (def instanceof ObjectNode o && o.has("properties") && !o.has("additionalProperties")) {
          o.put("additionalProperties", false);
        }
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(root);
    });
  }

  private static List<String> errors(String version, JsonNode cron) {
    return cronWorkflowSchema(version).validate(cron).stream().map(Error::toString).toList();
  }

  private static ObjectNode cron(boolean schedulesList, boolean concurrent, boolean enabled) {
    ObjectNode workflow = ArgoClient.withArguments(PIPELINE, Map.of("value_1", "3", "value_2", "4"));
    return ArgoClient.toCronWorkflow(workflow, Schedule.cron("0 30 4 * * MON-FRI"), "add-nightly", concurrent, enabled,
        schedulesList);
  }

  @Test
  void theSchedulesListIsAValidCronWorkflowForArgo4() {
    ObjectNode cron = cron(true, false, false);
    assertEquals(List.of(), errors("v4.0.8", cron));
    assertEquals("30 4 * * MON-FRI", cron.at("/spec/schedules/0").asString());
    assertEquals(1, cron.at("/spec/schedules").size());
    assertFalse(errors("v3.3.10", cron).isEmpty(), "Argo 3.3 has no 'schedules'");
  }

  @Test
  void theSingleScheduleIsAValidCronWorkflowForArgo33() {
    ObjectNode cron = cron(false, false, false);
    assertEquals(List.of(), errors("v3.3.10", cron));
    assertEquals("30 4 * * MON-FRI", cron.at("/spec/schedule").asString());
    assertFalse(errors("v4.0.8", cron).isEmpty(), "Argo 4 has no 'schedule'");
  }

  @Test
  void theCronWorkflowCarriesTheWorkflowItsPolicyAndState() {
    ObjectNode off = cron(true, false, false);
    assertEquals("argoproj.io/v1alpha1", off.path("apiVersion").asString());
    assertEquals("CronWorkflow", off.path("kind").asString());
    assertEquals("add-nightly", off.at("/metadata/name").asString());
    assertEquals("Forbid", off.at("/spec/concurrencyPolicy").asString());
    assertTrue(off.at("/spec/suspend").asBoolean());
    JsonNode workflow = ArgoWriter.toNode(PIPELINE);
    assertEquals(workflow.at("/metadata/labels"), off.at("/spec/workflowMetadata/labels"));
    assertEquals(workflow.at("/metadata/annotations"), off.at("/spec/workflowMetadata/annotations"));
    assertEquals("add-example", off.at("/spec/workflowSpec/entrypoint").asString());
    assertEquals("3", off.at("/spec/workflowSpec/arguments/parameters/0/value").asString());
    assertEquals("4", off.at("/spec/workflowSpec/arguments/parameters/1/value").asString());

    ObjectNode workflowOf = Yaml.json().createObjectNode().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    workflowOf.set("spec", off.at("/spec/workflowSpec"));
    assertEquals(List.of(), ArgoRules.errors(workflowOf), "Argo's submission rules hold for the cron workflow's workflow");

    ObjectNode on = cron(true, true, true);
    assertEquals("Allow", on.at("/spec/concurrencyPolicy").asString());
    assertTrue(on.at("/spec/suspend").isMissingNode(), on.toString());
    assertEquals(List.of(), errors("v4.0.8", on));
  }

  @ParameterizedTest
  @CsvSource({"v3.3.10, false", "v3.5.8, false", "3.4.0, false", "v3.6.0, true", "v3.6.5, true", "v4.0.8, true",
      "'', true", "untagged, true"})
  void schedulesListFromArgo36On(String version, boolean list) {
    assertEquals(list, ArgoClient.schedulesList(version));
  }

  @Test
  void withArgumentsSetsDeclaredParameters() {
    ObjectNode workflow = ArgoClient.withArguments(PIPELINE, Map.of("value_1", "10", "value_2", "20"));
    JsonNode parameters = workflow.at("/spec/arguments/parameters");
    assertEquals("value_1", parameters.get(0).path("name").asString());
    assertEquals("10", parameters.get(0).path("value").asString());
    assertEquals("20", parameters.get(1).path("value").asString());
    ObjectNode compiled = ArgoWriter.toNode(PIPELINE);
    assertEquals(compiled.path("metadata"), workflow.path("metadata"), "the pipeline's own description is unchanged");
    ((ObjectNode) compiled.at("/spec/arguments/parameters/0")).put("value", "10");
    ((ObjectNode) compiled.at("/spec/arguments/parameters/1")).put("value", "20");
    assertEquals(compiled, workflow, "nothing else changes");
  }

  @Test
  void withArgumentsRefusesAnUndeclaredNameSuggestingTheNearest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArgoClient.withArguments(PIPELINE, Map.of("value1", "10", "value_2", "20")));
    assertTrue(e.getMessage().contains("no parameter 'value1'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'value_1'?"), e.getMessage());
  }

  @Test
  void withArgumentsAsksForValuesWithoutDefaultAndOfTheirType() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ArgoClient.withArguments(PIPELINE, Map.of("value_1", "10")));
    assertTrue(missing.getMessage().contains("needs a value for [value_2]"), missing.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> ArgoClient.withArguments(PIPELINE, Map.of("value_1", "10", "value_2", "ten")));
    assertEquals("parameter 'value_2' is Integer: invalid int value: 'ten'", type.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"Basic dXNlcjpwYXNz, Basic dXNlcjpwYXNz", "Bearer abc, Bearer abc", "abc, Bearer abc"})
  void argoTokenIsSentAsTheArgoCliSendsIt(String argoToken, String header) {
    // The Argo Server's client mode takes 'Bearer ...' and 'Basic ...' (Modes.GetMode, server/auth/mode.go) and hands the
    // header to Kubernetes; anything else is 401 "token not valid" (gatekeeper.getClients, server/auth/gatekeeper.go).
    try (Loopback argo = Loopback.start(r -> {
      String auth = String.valueOf(r.header("Authorization"));
      if (!auth.startsWith("Bearer ") && !auth.startsWith("Basic ")) {
        return Loopback.Answer.json(401, "{\"code\":16,\"message\":\"token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/\"}");
      }
      if (!auth.equals(header)) { // what Kubernetes makes of a credential it does not know
        return Loopback.Answer.json(401, "{\"code\":16,\"message\":\"Unauthorized\"}");
      }
      return Loopback.Answer.json(200, "{\"metadata\":{\"name\":\"w1\",\"namespace\":\"argo\"},\"status\":{\"phase\":\"Succeeded\"}}");
    })) {
      Map<String, String> env = Map.of(ArgoClient.TOKEN_ENV, argoToken);
      ArgoClient client = ArgoClient.builder().server(argo.url()).build(env::get);
      assertEquals(RunState.SUCCEEDED, client.get("w1").state());
      assertEquals(header, argo.last().header("Authorization"));
    }
  }

  @Test
  void aServerWithoutSchemeSpeaksPlainHttpWhenArgoSecureIsFalse() {
    // `argo server --secure=false` serves plain HTTP; the argo CLI then reads ARGO_SECURE=false (cmd/argo/commands/client/conn.go)
    try (Loopback argo = Loopback.start(r -> Loopback.Answer.json(200,
        "{\"metadata\":{\"name\":\"w1\",\"namespace\":\"argo\"},\"status\":{\"phase\":\"Running\"}}"))) {
      Map<String, String> env = Map.of(ArgoClient.SERVER_ENV, argo.url().substring("http://".length()), ArgoClient.SECURE_ENV, "false");
      assertEquals(RunState.RUNNING, ArgoClient.builder().build(env::get).get("w1").state());
    }
  }

  @Test
  void aServerWithoutTheApiSaysWhereTheArgoServersIsNotKfps() {
    // Go's http.NotFound, as a server or an ingress path that is not the Argo Server's answers; the hint named KFP's UI
    try (Loopback argo = Loopback.start(r -> new Loopback.Answer(404, "text/plain", "404 page not found"))) {
      KfpException e = assertThrows(KfpException.class, () -> ArgoClient.builder().server(argo.url()).build(Map.<String, String>of()::get)
          .get("w1"));
      assertTrue(e.getMessage().endsWith(" has no such API: is it the API server (--argo-server, 'argo_server' in the config"
          + " file, or ARGO_SERVER)? The Argo Server's is where 'argo server' listens (port 2746 unless set), behind an ingress"
          + " with its path (ARGO_BASE_HREF)"), e.getMessage());
      assertFalse(e.getMessage().contains("Kubeflow"), e.getMessage());
    }
  }

  @Test
  void argoBaseHrefIsThePathOfAServerGivenWithoutOne() {
    // The argo CLI's URL is the server and ARGO_BASE_HREF after it (ArgoServerOpts.GetURL, pkg/apiclient/argo-server-opts.go);
    // this loopback Argo Server is behind an ingress at /argo/ and knows no other path.
    try (Loopback argo = Loopback.start(r -> r.uri().getPath().equals("/argo/api/v1/workflows/argo/w1")
        ? Loopback.Answer.json(200, "{\"metadata\":{\"name\":\"w1\",\"namespace\":\"argo\"},\"status\":{\"phase\":\"Failed\"}}")
        : new Loopback.Answer(404, "text/plain", "404 page not found"))) {
      Map<String, String> env = Map.of(ArgoClient.BASE_HREF_ENV, "/argo/");
      assertEquals(RunState.FAILED, ArgoClient.builder().server(argo.url()).build(env::get).get("w1").state());
      assertEquals(RunState.FAILED, ArgoClient.builder().server(argo.url() + "/argo").build(Map.of(ArgoClient.BASE_HREF_ENV, "/other/")::get)
          .get("w1").state(), "a path given wins");
    }
  }

  /**
   * A workflow file that names its namespace, given to submit or schedule: refused before anything is sent, naming where a
   * Java caller gives the namespace, not an option of the kfp4j command's.
   */
  @Test
  void aWorkflowFilesNamespaceIsRefusedNamingTheClientsNamespace() {
    ObjectNode workflow = (ObjectNode) Yaml.read(ArgoWriter.write(PIPELINE));
    ((ObjectNode) workflow.get("metadata")).put("namespace", "team-a");
    String yaml = Yaml.jsonText(workflow);
    ArgoClient client = ArgoClient.builder().server("http://127.0.0.1:9").build(Map.<String, String>of()::get);
    String expected = "workflow: the workflow uses metadata.namespace, which kfp4j's model does not carry: the workflow written"
        + " again would lose it. Give the namespace as the client's namespace (ArgoClient.builder().namespace(...), else"
        + " ARGO_NAMESPACE) (for metadata.namespace), or submit the file with Argo's own tools (argo submit)";
    assertEquals(expected, assertThrows(dev.kfp4j.format.FormatException.class, () -> client.submit(yaml, Map.of())).getMessage());
    assertEquals(expected, assertThrows(dev.kfp4j.format.FormatException.class,
        () -> client.schedule(yaml, Map.of(), Schedule.cron("0 30 4 * * *"), "nightly", false, true)).getMessage());
  }
}
