package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.client.KfpClient.ApiVersion;
import dev.kfp4j.client.Loopback.Answer;
import dev.kfp4j.yaml.Yaml;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The client against loopback servers that answer as KFP's apiserver (backend/src/apiserver) does where a mock of its
 * OpenAPI file cannot tell: what its Go code does with what it is sent.
 */
class KfpServerBehaviourTest {
  /** The query as Go's {@code r.URL.Query()} reads it: each name and value decoded once. */
  static Map<String, String> query(Loopback.Request r) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = r.uri().getRawQuery();
    for (String part : raw == null ? new String[0] : raw.split("&")) {
      int eq = part.indexOf('=');
      q.put(URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  /** KFP's error body through grpc-gateway: a google.rpc.Status, field names as in the proto. */
  static Answer status(int http, int code, String message) {
    tools.jackson.databind.node.ObjectNode body = Yaml.json().createObjectNode().put("code", code).put("message", message);
    body.putArray("details");
    return Answer.json(http, body.toString());
  }

  @Test
  void v1beta1DeletesAPipelineWithItsVersionsAsKfp2AllowsIt() {
    // KFP 2's DeletePipelineV1 calls ResourceManager.DeletePipeline(id, cascade=false), which refuses a pipeline that
    // still has a version; its versions are listed (resource_key) and deleted one by one (pipeline_versions/{id}).
    List<String> versions = new CopyOnWriteArrayList<>(List.of("v1", "v2", "v3"));
    try (Loopback kfp = Loopback.start(r -> {
      String path = r.uri().getPath();
      Map<String, String> q = query(r);
      if (r.method().equals("GET") && path.equals("/apis/v1beta1/pipeline_versions")) {
        if (!"PIPELINE".equals(q.get("resource_key.type")) || !"p1".equals(q.get("resource_key.id"))) {
          return status(400, 3, "Invalid input error: ResourceKey must be set in the input");
        }
        int size = Integer.parseInt(q.getOrDefault("page_size", "20"));
        int from = Integer.parseInt(q.getOrDefault("page_token", "0"));
        StringBuilder page = new StringBuilder("{\"versions\":[");
        for (int i = from; i < Math.min(from + size, versions.size()); i++) {
          page.append(i > from ? "," : "").append("{\"id\":\"").append(versions.get(i)).append("\",\"name\":\"").append(versions.get(i))
              .append("\",\"resource_references\":[{\"key\":{\"type\":\"PIPELINE\",\"id\":\"p1\"},\"relationship\":\"OWNER\"}]}");
        }
        page.append("],\"total_size\":").append(versions.size());
        if (from + size < versions.size()) {
          page.append(",\"next_page_token\":\"").append(from + size).append('"');
        }
        return Answer.json(200, page.append('}').toString());
      }
      if (r.method().equals("DELETE") && path.startsWith("/apis/v1beta1/pipeline_versions/")) {
        return versions.remove(path.substring(path.lastIndexOf('/') + 1)) ? Answer.json(200, "{}") : status(404, 5, "not found");
      }
      if (r.method().equals("DELETE") && path.equals("/apis/v1beta1/pipelines/p1")) {
        return versions.isEmpty() ? Answer.json(200, "{}") : status(400, 3, "Failed to delete pipeline (v1beta1) p1. Check error "
            + "stack: Failed to delete pipeline with id p1 as it has existing pipeline versions (e.g. " + versions.get(0)
            + "). Set cascade=true to delete all versions");
      }
      return status(404, 5, "Not Found");
    })) {
      kfp.client(Auth.none()).deletePipeline("p1");
      assertEquals(List.of(), versions, "every version is gone");
      assertEquals("DELETE /apis/v1beta1/pipelines/p1", kfp.last().method() + " " + kfp.last().uri().getPath());
    }
  }

  /**
   * A list of experiments as KFP answers it: the filter unescaped once more than the query ({@code parseAPIFilter}'s {@code
   * url.QueryUnescape}; a bad escape is a 400), its EQUALS predicate on the name; creating one of a name taken is a 409.
   */
  private static Answer experiments(Loopback.Request r, boolean v2, Map<String, String> byId) {
    String name = v2 ? "display_name" : "name";
    if (r.method().equals("POST")) {
      String wanted = Yaml.json().readTree(r.body()).path(name).asString();
      return byId.containsValue(wanted) ? status(409, 6, "Already exist error: Failed to create a new experiment: duplicate name")
          : Answer.json(200, "{\"" + (v2 ? "experiment_id" : "id") + "\":\"new\",\"" + name + "\":\"" + wanted + "\"}");
    }
    String filter;
    try {
      filter = URLDecoder.decode(query(r).getOrDefault("filter", ""), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return status(400, 3, "Invalid input error: failed to parse valid filter from the query: invalid URL escape");
    }
    JsonNode predicate = Yaml.json().readTree(filter).at("/predicates/0");
    StringBuilder list = new StringBuilder("{\"experiments\":[");
    byId.forEach((id, n) -> {
      if (n.equals(predicate.path("string_value").asString()) && predicate.path("key").asString().equals(name)) {
        list.append("{\"").append(v2 ? "experiment_id" : "id").append("\":\"").append(id).append("\",\"").append(name)
            .append("\":").append(Yaml.json().getNodeFactory().stringNode(n)).append('}');
      }
    });
    return Answer.json(200, list.append("]}").toString());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void anExperimentWhoseNameHoldsAPlusOrAPercentSignIsFoundByName(ApiVersion v) {
    Map<String, String> byId = Map.of("e1", "c++ nightly", "e2", "at 100%");
    boolean v2 = v == ApiVersion.V2BETA1;
    try (Loopback kfp = Loopback.start(r -> experiments(r, v2, byId))) {
      KfpClient client = KfpClient.builder().host(kfp.url()).apiVersion(v).build();
      assertEquals("e1", client.getOrCreateExperiment("c++ nightly", null).id(), "a '+' is not read as a space");
      assertEquals("e2", client.getOrCreateExperiment("at 100%", null).id(), "a '%' is not a bad escape");
      assertTrue(kfp.requests.stream().allMatch(r -> r.method().equals("GET")), "nothing created");
    }
  }

  @Test
  void aPipelineFileOver32MiBIsRefusedBeforeItIsSentSayingWhy() {
    // uploadPipeline (pipeline_upload_server.go) reads the 'uploadfile' part with loadFile's 32 MiB limit (server/util.go)
    // and answers only 'Failed to read a pipeline spec file'.
    try (Loopback kfp = Loopback.start(r -> {
      String body = r.body();
      int start = body.indexOf("\r\n\r\n") + 4;
      int end = body.lastIndexOf("\r\n--");
      return end - start > KfpClient.MAX_FILE_LENGTH
          ? Answer.json(400, "{\"error_message\":\"Failed to read a pipeline spec file\",\"error_details\":\"Failed to read a pipeline spec file\"}")
          : Answer.json(200, "{\"id\":\"p1\",\"name\":\"big\",\"default_version\":{\"id\":\"v1\"}}");
    })) {
      String big = "# " + "x".repeat(KfpClient.MAX_FILE_LENGTH) + "\n";
      KfpClient client = kfp.client(Auth.none());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.uploadPipeline("big", null, big));
      assertTrue(e.getMessage().startsWith("pipeline big is 33554435 bytes compiled, over the 33554432 (32 MiB) KFP takes"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> client.uploadPipelineVersion("p1", "v2", null, big));
      assertTrue(e.getMessage().startsWith("pipeline version v2 is 33554435 bytes"), e.getMessage());
      assertEquals(List.of(), kfp.requests, "nothing is sent");
    }
  }

  /**
   * A new pipeline's first version of a name given: v2beta1's CreatePipeline (pipeline_server.go: a Pipeline as the body, with
   * no version), then upload_version with the new pipeline's id. The upload refused and the pipeline's delete refused too:
   * the error says what is left and how to delete it. v1beta1's CreatePipelineV1 takes only a URL, so nothing is sent there.
   */
  @Test
  void aNewPipelinesFirstVersionOfANameIsCreatedThenUploadedAndWhatIsLeftOfAFailureIsSaid() {
    try (Loopback kfp = Loopback.start(r -> switch (r.method() + " " + r.uri().getPath()) {
      case "POST /apis/v2beta1/pipelines" -> Answer.json(200, "{\"pipeline_id\":\"p1\",\"name\":\"calc\",\"display_name\":\"calc\","
          + "\"namespace\":\"team\",\"created_at\":\"2026-03-14T09:15:02Z\"}");
      case "POST /apis/v2beta1/pipelines/upload_version" -> "p1".equals(query(r).get("pipelineid"))
          ? status(400, 3, "Invalid input error: invalid v2 pipeline spec") : status(404, 5, "Pipeline not found");
      case "DELETE /apis/v2beta1/pipelines/p1" -> status(403, 7, "Permission denied: cannot delete pipelines in namespace team");
      default -> status(404, 5, "Not Found");
    })) {
      KfpClient client = KfpClient.builder().host(kfp.url()).namespace("team").apiVersion(ApiVersion.V2BETA1).build();
      KfpException e = assertThrows(KfpException.class, () -> client.uploadPipeline("calc", "adds", "release-1", "pipelineInfo: {}\n"));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("invalid v2 pipeline spec; pipeline calc (id p1), made for this version, is left on the server"
          + " with no version, as deleting it failed ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("): an upload again gives it a first version; else delete it (kfp4j pipelines delete p1,"
          + " or in KFP's UI)"), e.getMessage());
      JsonNode created = Yaml.json().readTree(kfp.requests.get(0).body());
      assertEquals("{\"name\":\"calc\",\"display_name\":\"calc\",\"description\":\"adds\",\"namespace\":\"team\"}",
          created.toString());
      Map<String, String> q = query(kfp.requests.get(1));
      assertEquals(List.of("release-1", "release-1", "p1", "adds"),
          List.of(q.get("name"), q.get("display_name"), q.get("pipelineid"), q.get("description")));
      assertEquals("true", query(kfp.requests.get(2)).get("cascade"));
      assertEquals(3, kfp.requests.size(), kfp.requests.toString());

      KfpClient v1 = KfpClient.builder().host(kfp.url()).build();
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> v1.uploadPipeline("calc", null, "release-1", "kind: Workflow\n"));
      assertTrue(refused.getMessage().startsWith("KFP's v1beta1 API names a new pipeline's first version itself"), refused.getMessage());
      assertEquals(3, kfp.requests.size(), "nothing sent with v1beta1");
    }
  }

  @Test
  void aFailedV1beta1RunSaysWhyAsItsWorkflowDoes() {
    // toApiRunDetailV1 (api_converter.go): run.status is the state's v1 name, run.error only KFP's own failure to read the
    // run; why the run failed is in the Argo workflow it returns as pipeline_runtime.workflow_manifest (JSON in a string).
    String workflow = "{\"metadata\":{\"name\":\"add-x7k2p\"},\"status\":{\"phase\":\"Failed\",\"message\":\"child 'add-x7k2p-3344' failed\"}}";
    RunDetailV1 detail = new RunDetailV1(workflow);
    try (Loopback kfp = Loopback.start(r -> Answer.json(200, detail.body()))) {
      Run run = kfp.client(Auth.none()).waitForRun("r1", java.time.Duration.ofSeconds(5));
      assertEquals(RunState.FAILED, run.state());
      assertEquals("child 'add-x7k2p-3344' failed", run.error());
    }
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void aRunKfpCannotReadBackEndsAWaitAtOnceSayingWhy(ApiVersion v) {
    // toApiRun / toApiRunV1 (api_converter.go): a run whose stored runtime config or parameters KFP cannot convert is
    // answered as its id (and v2beta1: its experiment) and an error, no state; a wait used to poll it as PENDING.
    String why = "Failed to convert internal run representation to its API counterpart: Failed to parse runtime config";
    String body = v == ApiVersion.V2BETA1
        ? "{\"run_id\":\"r1\",\"experiment_id\":\"e1\",\"error\":{\"code\":13,\"message\":\"" + why + "\",\"details\":[]}}"
        : "{\"run\":{\"id\":\"r1\",\"error\":\"" + why + "\"}}";
    try (Loopback kfp = Loopback.start(r -> Answer.json(200, body))) {
      KfpClient client = KfpClient.builder().host(kfp.url()).apiVersion(v).build();
      KfpException e = assertThrows(KfpException.class, () -> client.waitForRun("r1", java.time.Duration.ofSeconds(3)));
      assertEquals("KFP cannot show run r1: " + why, e.getMessage());
      assertTrue(!e.stillGoing() && kfp.requests.size() == 1, "one look, no wait: " + kfp.requests.size());
      JsonNode answer = Yaml.json().readTree(body);
      Run listed = new KfpAnswers(v == ApiVersion.V2BETA1).run(v == ApiVersion.V2BETA1 ? answer : answer.path("run"));
      assertEquals(RunState.UNKNOWN, listed.state(), "in a list, such a run is UNKNOWN, not PENDING");
    }
  }

  /** A v1beta1 RunDetail as toApiRunDetailV1 writes it, of a failed run whose workflow is {@code workflow}. */
  private record RunDetailV1(String workflow) {
    String body() {
      tools.jackson.databind.node.ObjectNode detail = Yaml.json().createObjectNode();
      detail.putObject("run").put("id", "r1").put("name", "add").put("status", "Failed").put("created_at", "2026-12-07T01:00:00Z")
          .put("finished_at", "2026-12-07T01:02:00Z").put("storage_state", "STORAGESTATE_AVAILABLE")
          .putObject("pipeline_spec").put("workflow_manifest", "{}");
      detail.putObject("pipeline_runtime").put("workflow_manifest", workflow);
      return detail.toString();
    }
  }
}
