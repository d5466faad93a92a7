package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.client.KfpClient.ApiVersion;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link RunRequest#withCaching}: KFP's {@code create_run_from_pipeline_package(enable_caching=...)}, every task's caching set
 * in the pipeline sent inline, KFP 2 specs and KFP v1 workflows written by KFP's own SDK, as the fake KFP server received them.
 */
class RunCachingTest {
  FakeKfpServer kfp;

  @BeforeEach
  void start() {
    kfp = FakeKfpServer.start();
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  private KfpClient client(ApiVersion v) {
    return KfpClient.builder().host(kfp.uri().toString()).apiVersion(v).build();
  }

  /** Each task of each DAG of a spec, by DAG and task name, with its cachingOptions. */
  private static List<String> caching(JsonNode spec) {
    List<String> out = new ArrayList<>();
    spec.at("/root/dag/tasks").properties().forEach(t -> out.add("root/" + t.getKey() + " " + t.getValue().path("cachingOptions")));
    spec.path("components").properties().forEach(c -> c.getValue().at("/dag/tasks").properties()
        .forEach(t -> out.add(c.getKey() + "/" + t.getKey() + " " + t.getValue().path("cachingOptions"))));
    return out;
  }

  @Test
  void offOrOnForEveryTaskOfEveryDagOfAnInlineKfp2Spec() throws Exception {
    String sdk = Files.readString(Shared.testdata("kfp-sdk-2.17.0/cond_loop_artifact.yaml"));
    List<String> compiled = caching(Yaml.readAll(sdk).get(0));
    assertTrue(compiled.stream().anyMatch(t -> t.startsWith("comp-") && t.endsWith("{\"enableCache\":true}")),
        "tasks inside groups, cached as compiled: " + compiled);
    KfpClient v2 = client(ApiVersion.V2BETA1);
    v2.createRun(RunRequest.ofWorkflow("off", null, sdk, Map.of()).withCaching(false));
    v2.createRun(RunRequest.ofWorkflow("on", null, sdk, Map.of()).withCaching(true));
    v2.createRun(RunRequest.ofWorkflow("as compiled", null, sdk, Map.of()));
    List<String> off = caching(kfp.v2().runs().get(0).path("pipeline_spec"));
    List<String> on = caching(kfp.v2().runs().get(1).path("pipeline_spec"));
    assertEquals(compiled.size(), off.size(), off.toString());
    assertTrue(off.stream().allMatch(t -> t.endsWith(" {}")), "KFP's protobuf JSON of enable_cache=False: " + off);
    assertTrue(on.stream().allMatch(t -> t.endsWith(" {\"enableCache\":true}")), on.toString());
    assertEquals(compiled, caching(kfp.v2().runs().get(2).path("pipeline_spec")), "none given: as compiled");
  }

  @Test
  void offForEveryPodOfAnInlineKfpV1Workflow() throws Exception {
    String sdk = Files.readString(Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml"));
    client(ApiVersion.V1BETA1).createRun(RunRequest.ofWorkflow("off", null, sdk, Map.of()).withCaching(false));
    JsonNode sent = Yaml.read(kfp.runs().get(0).at("/pipeline_spec/workflow_manifest").asString());
    int pods = 0;
    for (JsonNode t : sent.at("/spec/templates")) {
      String staleness = t.at("/metadata/annotations").path("pipelines.kubeflow.org/max_cache_staleness").asString("");
      if (t.has("container")) {
        pods++;
        assertEquals("P0D", staleness, t.path("name").asString());
      } else {
        assertEquals("", staleness, "a DAG runs no pod: " + t.path("name").asString());
      }
    }
    assertEquals(3, pods, sent.toString());
  }

  /** KFP's client sets caching only in a package it sends; a version's spec is on the server already: refused, nothing sent. */
  @Test
  void aRunOfAnUploadedVersionSendsNoSpecToSetItIn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRequest.ofVersion("r", null, "p1", "v1", Map.of()).withCaching(false));
    assertTrue(e.getMessage().contains("set it in the file before uploading it (RunCaching.override(yaml, false))"), e.getMessage());
    assertTrue(kfp.requests().isEmpty());
  }
}
