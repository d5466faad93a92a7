package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.client.ArgoClient;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.RecurringRunRequest;
import dev.kfp4j.client.RunRequest;
import dev.kfp4j.client.Schedule;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.testing.server.FakeArgoServer;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The negative controls of the end-to-end tests: the fake servers refuse what KFP and Argo refuse,
 * so a command that sent such a request would fail its test.
 */
class FakeServersTest {
  @Test
  void theKfpFakeRefusesWhatKfpRefuses() throws Exception {
    String yaml = Files.readString(OverlayTest.ADD);
    try (FakeKfpServer server = FakeKfpServer.start()) {
      KfpClient kfp = KfpClient.builder().host(server.uri().toString()).build();
      kfp.createExperiment("e", null);
      assertEquals(409, assertThrows(KfpException.class, () -> kfp.createExperiment("e", null)).status());
      assertEquals(400, assertThrows(KfpException.class, () -> kfp.uploadPipeline("p", null, "kind: Pod\n")).status());
      Pipeline p = kfp.uploadPipeline("p", null, yaml);
      assertEquals(409, assertThrows(KfpException.class, () -> kfp.uploadPipeline("p", null, yaml)).status());
      String e = kfp.findExperiment("e").orElseThrow().id();
      KfpException undeclared = assertThrows(KfpException.class,
          () -> kfp.createRun(RunRequest.ofVersion("r", e, p.id(), p.defaultVersionId(), Map.of("nope", "1"))));
      assertTrue(undeclared.getMessage().contains("unrecognized input parameter: nope"), undeclared.getMessage());
      assertEquals(404, assertThrows(KfpException.class, () -> kfp.getRun("run-404")).status());
      // The client checks cron itself, so send a five-field cron around it with a raw request body.
      java.net.http.HttpResponse<String> cron = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(server.uri().resolve("/apis/v1beta1/jobs"))
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                  "{\"name\":\"j\",\"trigger\":{\"cron_schedule\":{\"cron\":\"0 4 * * *\"}},\"resource_references\":"
                      + "[{\"key\":{\"type\":\"PIPELINE_VERSION\",\"id\":\"" + p.defaultVersionId() + "\"},\"relationship\":\"CREATOR\"}]}"))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, cron.statusCode(), cron.body());
      kfp.createRecurringRun(RecurringRunRequest.of("j", e, p.id(), p.defaultVersionId(), Schedule.cron("0 0 4 * * *"), Map.of()));
      assertEquals(1, server.jobs().size());
      server.requireBearer("x");
      assertEquals(401, assertThrows(KfpException.class, kfp::healthy).status());
    }
  }

  /** An Argo Server 3.6 takes the list of schedules kfp4j sends it, as Argo 3.6 does (the fake checked it against 3.3's schema, which has none). */
  @Test
  void theArgoFakeOfVersion36TakesACronWorkflowsListOfSchedules() throws Exception {
    Shared.schemas("argo"); // the check this is about needs Argo's schemas
    String yaml = Files.readString(OverlayTest.ADD);
    try (FakeArgoServer server = FakeArgoServer.start("v3.6.2")) {
      ArgoClient argo = ArgoClient.builder().server(server.uri().toString()).namespace("argo").build();
      assertEquals("add-example", argo.schedule(yaml, Map.of(), Schedule.cron("0 0 4 * * *"), "add-example", false, true));
      assertEquals("[\"0 4 * * *\"]", server.cronWorkflows().get("argo/add-example").at("/spec/schedules").toString());
    }
  }

  @Test
  void theArgoFakeRefusesAWorkflowArgoWouldRefuse() throws Exception {
    String yaml = Files.readString(OverlayTest.ADD);
    try (FakeArgoServer server = FakeArgoServer.start("v4.0.8")) {
      ArgoClient argo = ArgoClient.builder().server(server.uri().toString()).namespace("argo").build();
      // the client reads a workflow and writes it again before it sends it: these go as another tool would send them
      HttpResponse<String> undefined = submit(server, "{\"namespace\": \"argo\", \"workflow\": "
          + Yaml.read(yaml.replace("entrypoint: add-example", "entrypoint: add-exampel")) + "}");
      assertEquals(400, undefined.statusCode(), undefined.body());
      assertTrue(undefined.body().contains("spec.entrypoint: template 'add-exampel' is not defined"), undefined.body());
      assertEquals("add-example", argo.schedule(yaml, Map.of(), Schedule.cron("0 0 4 * * *"), "add-example", false, true));
      assertEquals("[\"0 4 * * *\"]", server.cronWorkflows().get("argo/add-example").at("/spec/schedules").toString(),
          "Argo 3.6 and later take a list of schedules");

      Shared.schemas("argo"); // the rest needs Argo's schemas: skipped here without ../shared
      HttpResponse<String> bad = submit(server, "{\"namespace\": \"argo\", \"workflow\": "
          + Yaml.read(yaml.replace("entrypoint: add-example", "entrypoint: add-example\n  bogusField: 1")) + "}");
      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(bad.body().contains("bogusField"), bad.body());
      HttpResponse<String> misspelt = submit(server, "{\"workfow\": {}}");
      assertEquals(400, misspelt.statusCode(), misspelt.body());
      assertTrue(misspelt.body().contains("workfow"), misspelt.body());
    }
  }

  private static HttpResponse<String> submit(FakeArgoServer server, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/workflows/argo"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
