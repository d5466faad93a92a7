package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.client.KfpClient.ApiVersion;
import dev.kfp4j.testing.Prism;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every request the client sends, for both API versions, with and without a namespace, against a
 * Prism mock of KFP's official OpenAPI file that refuses any request not matching it (made strict:
 * unknown fields refused too). A call passes only if Prism accepted its request.
 */
class KfpApiContractTest {
  private static final Map<ApiVersion, Prism> PRISM = new EnumMap<>(ApiVersion.class);
  private static final String WORKFLOW = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
      + "metadata: {generateName: add-}\nspec:\n  entrypoint: main\n  arguments: {parameters: [{name: a, value: '1'}]}\n"
      + "  templates:\n  - name: main\n    container: {image: alpine, command: [echo, '{{workflow.parameters.a}}']}\n";

  @BeforeAll
  static void start() throws Exception {
    Shared.schemas("kfp-api"); // skipped here without ../shared
    Path work = Files.createDirectories(Path.of("target/prism"));
    CompletableFuture<Prism> v1 = CompletableFuture.supplyAsync(() -> start("v1beta1", work));
    CompletableFuture<Prism> v2 = CompletableFuture.supplyAsync(() -> start("v2beta1", work));
    PRISM.put(ApiVersion.V1BETA1, v1.get());
    PRISM.put(ApiVersion.V2BETA1, v2.get());
  }

  private static Prism start(String version, Path work) {
    try {
      return Prism.start(version, work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    PRISM.values().forEach(Prism::close);
  }

  /** On a failure, what Prism said was wrong with the request. */
  @RegisterExtension
  final TestWatcher violations = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      PRISM.values().forEach(p -> {
        try {
          p.log().lines().filter(l -> l.contains("Violation: request")).forEach(System.err::println);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  };

  private static KfpClient client(ApiVersion v, String namespace) {
    return KfpClient.builder().host(PRISM.get(v).uri().toString()).apiVersion(v).namespace(namespace)
        .auth(Auth.bearer("test-token")).pollInterval(Duration.ofMillis(10)).build();
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void healthAndExperiments(ApiVersion v) {
    for (String ns : new String[] {null, "team-a"}) {
      KfpClient kfp = client(v, ns);
      assertTrue(kfp.healthy());
      Experiment e = kfp.createExperiment("demo", "a demo");
      assertNotNull(e.id());
      kfp.findExperiment("demo");
      kfp.getOrCreateExperiment("demo", null);
      assertNotNull(kfp.getExperiment("e1").id());
      kfp.listExperiments(new ListOptions(10, "next", "created_at desc"));
      kfp.listExperiments(null);
      kfp.archiveExperiment("e1");
      kfp.unarchiveExperiment("e1");
      kfp.deleteExperiment("e1");
    }
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void pipelinesAndVersions(ApiVersion v) {
    for (String ns : new String[] {null, "team-a"}) {
      KfpClient kfp = client(v, ns);
      Pipeline p = kfp.uploadPipeline("add", "adds", WORKFLOW);
      assertNotNull(p.id());
      assertNotNull(p.defaultVersionId(), "the upload names the version it made");
      PipelineVersion pv = kfp.uploadPipelineVersion("p1", "v2", "second", WORKFLOW);
      assertNotNull(pv.id());
      if (v == ApiVersion.V2BETA1) { // CreatePipeline, then its first version (v1beta1's takes only a URL)
        assertNotNull(kfp.uploadPipeline("add", "adds", "v1", WORKFLOW).defaultVersionId(), "the version uploaded");
      }
      kfp.findPipeline("add");
      kfp.getPipeline("p1");
      kfp.listPipelines(ListOptions.newestFirst(5));
      kfp.listPipelineVersions("p1", ListOptions.newestFirst(5));
      kfp.latestVersion("p1");
      kfp.getPipelineVersion("p1", "v1");
      kfp.getPipelineVersionTemplate("p1", "v1");
      kfp.deletePipelineVersion("p1", "v1");
      kfp.deletePipeline("p1");
    }
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void runs(ApiVersion v) {
    KfpClient kfp = client(v, "team-a");
    Map<String, String> args = Map.of("a", "3");
    assertNotNull(kfp.createRun(RunRequest.ofVersion("r", "e1", "p1", "v1", args).withDescription("d").withServiceAccount("sa")).id());
    assertNotNull(kfp.createRun(RunRequest.ofWorkflow("r", "e1", WORKFLOW, args)).id());
    kfp.getRun("r1");
    kfp.listRuns("e1", ListOptions.newestFirst(3));
    kfp.listRuns(null, null);
    // Prism's made-up run never finishes: the wait polls, then says the run goes on.
    KfpException e = assertThrows(KfpException.class, () -> kfp.waitForRun("r1", Duration.ofMillis(50)));
    assertTrue(e.getMessage().contains("goes on on the server"), e.getMessage());
    assertTrue(e.stillGoing(), "a wait that ran out is told apart from a failure");
    kfp.terminateRun("r1");
    kfp.retryRun("r1");
    kfp.archiveRun("r1");
    kfp.unarchiveRun("r1");
    kfp.deleteRun("r1");
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void recurringRuns(ApiVersion v) {
    KfpClient kfp = client(v, "team-a");
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    kfp.createRecurringRun(RecurringRunRequest.of("nightly", "e1", "p1", "v1",
        Schedule.cron("0 0 4 * * *").between(start, start.plus(Duration.ofDays(30))), Map.of("a", "3"))
        .withMaxConcurrency(3).withNoCatchup(true).withDescription("d"));
    kfp.createRecurringRun(RecurringRunRequest.of("hourly", "e1", "p1", "v1", Schedule.every(Duration.ofHours(1)), Map.of())
        .withEnabled(false));
    kfp.getRecurringRun("j1");
    kfp.listRecurringRuns("e1", ListOptions.newestFirst(2));
    kfp.listRecurringRuns(null, null);
    kfp.enableRecurringRun("j1");
    kfp.disableRecurringRun("j1");
    kfp.deleteRecurringRun("j1");
  }

  @Test
  void prismRefusesARequestThatDoesNotMatchTheApi() {
    // The negative control: the same mock refuses a misspelt field, a wrong type and a missing credential.
    Http http = new Http(PRISM.get(ApiVersion.V1BETA1).uri(), Auth.bearer("t"), null, Duration.ofSeconds(30), "test", "", Http.KFP_CREDENTIALS, new Redactor());
    KfpException misspelt = assertThrows(KfpException.class,
        () -> http.post("/apis/v1beta1/experiments", Http.query(), Yaml.json().createObjectNode().put("nmae", "x")));
    assertEquals(422, misspelt.status(), misspelt.getMessage());
    KfpException type = assertThrows(KfpException.class,
        () -> http.get("/apis/v1beta1/runs", Http.query().add("page_size", "ten")));
    assertEquals(422, type.status());
    KfpClient anonymous = KfpClient.builder().host(PRISM.get(ApiVersion.V1BETA1).uri().toString()).build();
    KfpException unauthorized = assertThrows(KfpException.class, anonymous::healthy);
    assertEquals(401, unauthorized.status());
    assertTrue(unauthorized.getMessage().contains("check the credentials"), unauthorized.getMessage());
    assertFalse(unauthorized.getMessage().contains("test-token"));
  }
}
