package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeMlflowServer;
import dev.kfp4j.tracking.MlflowTracking;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tracking steps and {@link Mlflow}'s calls, through kfp4j's REST calls, against a server that holds them to MLflow's API. */
class MlflowStepsTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(Map<String, String> env, String... args) {
    return MlflowSteps.run(args, env::get, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String startRun(String kfpRunId) throws Exception {
    Path idFile = dir.resolve(kfpRunId + "/run-id");
    int code = run(Map.of(), "mlflow-start-run", "--tracking-uri", server.uri().toString(), "--experiment", "churn",
        "--pipeline", "train", "--kubeflow-run-id", kfpRunId, "--param", "epochs=20", "--param", "rate=0.5",
        "--run-id-file", idFile.toString());
    assertEquals(0, code, err.toString());
    return Files.readString(idFile);
  }

  /** A tracking server that is not there printed MLflow's wrapped exception ("MlflowClientException: ...HttpHostConnectException"), not what to do. */
  @Test
  void anUnreachableServerSaysWhichAndWhereItIsSet() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } // closed: nothing listens there now
    int code = run(Map.of("MLFLOW_TRACKING_TOKEN", "tok-31415", Retries.MAX_RETRIES_ENV, "0"), "mlflow-start-run", "--tracking-uri",
        "http://127.0.0.1:" + port, "--experiment", "churn", "--pipeline", "train", "--kubeflow-run-id", "k1",
        "--run-id-file", dir.resolve("run-id").toString());
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, message);
    assertTrue(message.startsWith("mlflow: cannot reach the tracking server http://127.0.0.1:" + port + ": connection refused; "),
        message);
    assertTrue(message.strip().endsWith("; check mlflow.tracking_uri in kfp4j.yaml (else MLFLOW_TRACKING_URI) and that the server is up"
        + " and reachable from where the step runs"), message);
    assertTrue(!message.contains("tok-31415") && message.strip().lines().count() == 1, message);
    assertTrue(Files.notExists(dir.resolve("run-id")), "no run id written");
  }

  @Test
  void startRunMakesOneTaggedRunWithTheArgumentsAsParameters() throws Exception {
    String id = startRun("kfp-run-1");
    startRun("kfp-run-2");
    List<FakeMlflowServer.Run> runs = server.runs();
    assertEquals(2, runs.size());
    FakeMlflowServer.Run first = runs.get(0);
    assertEquals(id, first.id());
    assertEquals("churn", first.experiment());
    assertEquals("kfp-run-1", first.tags().get(MlflowSteps.RUN_ID_TAG));
    assertEquals("train", first.tags().get(MlflowSteps.PIPELINE_TAG));
    assertEquals(Map.of("epochs", "20", "rate", "0.5"), first.params());
    assertEquals("churn", runs.get(1).experiment(), "the second run goes to the experiment the first made");
    assertEquals(List.of(), server.refused());
  }

  @Test
  void aServerThatWantsATokenGetsMlflowsTrackingToken() throws Exception {
    server.requireBearer("s3cret-t0ken");
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_TRACKING_TOKEN", "s3cret-t0ken");
    String[] args = {"mlflow-start-run", "--tracking-uri", server.uri().toString(), "--experiment", "churn", "--pipeline", "train",
        "--kubeflow-run-id", "kfp-run-1", "--run-id-file", dir.resolve("run-id").toString()};
    assertEquals(1, run(Map.of(), args), "without the token the server refuses");
    assertTrue(!err.toString().contains("s3cret"), err.toString());
    assertEquals(0, run(env, args), err.toString());
    Path report = Files.writeString(dir.resolve("report.txt"), "ok");
    try (MlflowRun run = Mlflow.fromEnvironment(java.util.stream.Stream.concat(env.entrySet().stream(),
        Map.of("MLFLOW_RUN_ID", Files.readString(dir.resolve("run-id"))).entrySet().stream())
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))::get)) {
      run.logMetric("auc", 0.9);
      run.logArtifact(report, null);
    }
    assertEquals(List.of(0.9), server.runs().get(0).metrics().get("auc"));
    assertEquals("ok", new String(server.runs().get(0).artifacts().get("report.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void aRetriedStartStepFindsTheRunItStartedBefore() throws Exception {
    String first = startRun("kfp-run-1");
    assertEquals(first, startRun("kfp-run-1"));
    assertEquals(1, server.runs().size());
    assertEquals(List.of(), server.refused());
  }

  @Test
  void aComponentLogsParametersMetricsAndArtifactsToThatRun() throws Exception {
    String id = startRun("kfp-run-1");
    Path model = Files.writeString(dir.resolve("model.txt"), "weights");
    try (MlflowRun run = Mlflow.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_RUN_ID", id)::get)) {
      run.logParam("optimizer", "sgd");
      run.logMetric("loss", 0.7, 0);
      run.logMetric("loss", 0.3, 1);
      run.setTag("stage", "train");
      run.logArtifact(model, "models");
    }
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals("sgd", r.params().get("optimizer"));
    assertEquals(List.of(0.7, 0.3), r.metrics().get("loss"));
    assertEquals("train", r.tags().get("stage"));
    assertEquals("weights", new String(r.artifacts().get("models/model.txt"), StandardCharsets.UTF_8));
    assertEquals(List.of(), server.refused());
  }

  /** What {@link Servers#of} refuses (credentials, a query) is still never shown by a server made otherwise. */
  @Test
  void aServerIsShownWithoutTheCredentialsItsUriMayHold() {
    assertEquals("https://***@mlflow.example.com:5000/x", new Servers("https://bob:s3cret@mlflow.example.com:5000/x", null, null, null).toString());
    // a password holding '@', and the query's values (its names kept), as the kfp4j command shows a URL
    assertEquals("https://***@mlflow.example.com/x?token=***&a=&***#f",
        new Servers("https://bob:s3@cret@mlflow.example.com/x?token=Qx7Zq9&a=&Qx7Zq8#f", null, null, null).toString());
  }

  /**
   * A tracking URI with a query was taken: every request went to the server's / (the query swallowing /api/2.0/mlflow/...,
   * Java's HTTP client sending no fragment), and the step carried the token in plain text. Now the step refuses it before
   * any request, without showing the query's values.
   */
  @Test
  void aTrackingUriWithAQueryIsRefusedBeforeAnyRequest() {
    int code = run(Map.of("MLFLOW_TRACKING_URI", server.uri() + "?token=abc"), "mlflow-start-run", "--experiment", "churn",
        "--pipeline", "train", "--kubeflow-run-id", "k", "--run-id-file", dir.resolve("id").toString());
    assertEquals(MlflowSteps.FAILED, code, err.toString());
    assertEquals("mlflow: the tracking URI (mlflow.tracking_uri in kfp4j.yaml, else MLFLOW_TRACKING_URI) has a query (after"
        + " '?'), which every tracked step would carry in plain text and MLflow's REST API does not take (kfp4j's MLflow steps"
        + " add /api/2.0/mlflow/... to the server's URL): name the server alone, such as http://mlflow.kubeflow:5000, and give"
        + " a token as MLFLOW_TRACKING_TOKEN, on the cluster from a Kubernetes secret (mlflow.credentials_secret and"
        + " mlflow.credentials_keys)\n", err.toString());
    assertEquals(List.of(), server.refused(), "nothing sent");
    assertEquals(List.of(), server.runs());
    assertTrue(Files.notExists(dir.resolve("id")), "no run id written");
  }

  /** A user and password in the tracking URI were never sent (Java's HTTP client sends none from it): the step says where they go. */
  @Test
  void aTrackingUriWithCredentialsIsRefusedWithoutShowingThem() {
    MlflowException e = assertThrows(MlflowException.class, () -> Servers.of("http://alice:pa55word@mlflow:5000", k -> null));
    assertTrue(e.getMessage().startsWith("the tracking URI (mlflow.tracking_uri in kfp4j.yaml, else MLFLOW_TRACKING_URI) has"
        + " credentials in it (before '@'), which kfp4j's MLflow steps do not send: name the server alone, and give the"
        + " credentials as MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD"), e.getMessage());
    assertFalse(e.getMessage().contains("pa55word"), e.getMessage());
  }

  /**
   * The kfp4j command (mlflow.tracking_uri, {@code MlflowTracking}) and the steps ({@link Servers#of}) take the same tracking
   * URIs: the command took {@code http://mlflow:5000 /x}, which every step then refused, and both took a query or fragment.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "http://mlflow:5000|true", "https://mlflow.example.com|true", "HTTPS://MLflow.example.com:8443/prefix/|true",
      "http://10.0.0.7:5000/mlflow|true", "http://[::1]:5000|true", "http://mlflow:5000/p@th|true",
      "http://mlflow:5000?token=abc|false", "http://mlflow:5000/?token=abc|false", "http://mlflow:5000?|false",
      "https://mlflow.example.com/x#abc|false", "\"http://mlflow:5000 /x\"|false", "\"http://mlflow:5000 \"|false",
      "\" http://mlflow:5000\"|false", "\"http://ml flow:5000\"|false", "http://alice:pa55word@mlflow:5000|false",
      "http://tok3n@mlflow|false", "mlflow:5000|false", "file:///tmp/mlruns|false", "databricks|false", "http://|false",
      "http:///x|false", "http://mlflow:port|false", "ftp://mlflow:21|false"})
  void theCommandAndTheStepsTakeTheSameTrackingUris(String uri, boolean taken) {
    assertEquals(taken, takes(() -> Servers.of(uri, k -> null)), "the steps: '" + uri + "'");
    assertEquals(taken, takes(() -> MlflowTracking.checkServerUri(uri, "the MLflow tracking URI")), "the command: '" + uri + "'");
    assertFalse(takes(() -> Servers.of(uri + "\n", k -> null)), "the steps, a line break after it: '" + uri + "'");
    assertFalse(takes(() -> MlflowTracking.checkServerUri(uri + "\n", "the MLflow tracking URI")), "the command: '" + uri + "\\n'");
  }

  private static boolean takes(Runnable check) {
    try {
      check.run();
      return true;
    } catch (MlflowException | IllegalArgumentException refused) {
      return false;
    }
  }

  /** A tracking URI without http(s):// printed Java's "java.lang.IllegalArgumentException: URI with undefined scheme". */
  @Test
  void aTrackingUriThatIsNoHttpUrlIsSaidInWords() {
    int code = run(Map.of("MLFLOW_TRACKING_URI", "mlflow.kubeflow:5000?token=Qx7Zq9"), "mlflow-start-run", "--experiment", "churn",
        "--pipeline", "train", "--kubeflow-run-id", "k", "--run-id-file", dir.resolve("id").toString());
    assertEquals(MlflowSteps.FAILED, code, err.toString());
    assertEquals("mlflow: the tracking URI 'mlflow.kubeflow:5000?token=***' is not an http:// or https:// URL: kfp4j's MLflow"
        + " steps reach a tracking server through MLflow's REST API; name the server, such as http://mlflow.kubeflow:5000"
        + " (mlflow.tracking_uri in kfp4j.yaml, else MLFLOW_TRACKING_URI)\n", err.toString());
    assertEquals(List.of(), server.runs());
  }

  @Test
  void withoutTheVariablesNothingIsTracked() {
    assertNull(Mlflow.fromEnvironment(Map.<String, String>of()::get));
    assertNull(Mlflow.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "http://x")::get));
  }

  @Test
  void logMetricsLogsAStepsMlpipelineMetrics() throws Exception {
    String id = startRun("kfp-run-1");
    Path metrics = Files.writeString(dir.resolve("metrics.json"),
        "{\"metrics\": [{\"name\": \"accuracy-score\", \"numberValue\": 0.93, \"format\": \"PERCENTAGE\"}, {\"name\": \"f1\", \"numberValue\": 0.8}]}");
    int code = run(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_RUN_ID", id), "mlflow-log-metrics", "--metrics", metrics.toString());
    assertEquals(0, code, err.toString());
    assertEquals(Map.of("accuracy-score", List.of(0.93), "f1", List.of(0.8)), server.runs().get(0).metrics());
  }

  @Test
  void aMetricsFileWithANaNLogsNoneOfItsMetrics() throws Exception {
    String id = startRun("kfp-run-1");
    Path metrics = Files.writeString(dir.resolve("metrics.json"),
        "{\"metrics\": [{\"name\": \"f1\", \"numberValue\": 0.8}, {\"name\": \"loss\", \"numberValue\": NaN}]}");
    assertEquals(1, run(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_RUN_ID", id), "mlflow-log-metrics",
        "--metrics", metrics.toString()));
    assertEquals("mlflow: " + metrics + ": metric 'loss' is NaN; MLflow keeps finite numbers only", err.toString().strip(),
        "Python's json.dumps writes NaN");
    assertEquals(Map.of(), server.runs().get(0).metrics());
  }

  @Test
  void inKfp2AMetricsArtifactIsReadWhereTheLauncherPutsIt() throws Exception {
    String id = startRun("kfp-run-1");
    Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"metrics\": [{\"name\": \"f1\", \"numberValue\": 0.8}]}");
    String executorInput = """
        {"inputs": {"parameterValues": {"run-id": "%s"},
          "artifacts": {"metrics": {"artifacts": [{"name": "metrics", "uri": "gs://bucket/run/metrics",
            "customPath": "%s", "type": {"schemaTitle": "system.Artifact"}}]}}},
         "outputs": {"outputFile": "%s"}}
        """.formatted(id, metrics, dir.resolve("executor_output.json"));
    assertEquals(0, run(Map.of("MLFLOW_TRACKING_URI", server.uri().toString()), "mlflow-log-metrics", "--executor_input", executorInput),
        err.toString());
    assertEquals(Map.of("f1", List.of(0.8)), server.runs().get(0).metrics(), "read from the artifact's customPath, as KFP's launcher puts it");
  }

  @Test
  void endRunEndsTheTaggedRunFromArgosOrKfp2sStatus() throws Exception {
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", server.uri().toString());
    startRun("kfp-run-1");
    startRun("kfp-run-2");
    assertEquals(0, run(env, "mlflow-end-run", "--experiment", "churn", "--kubeflow-run-id", "kfp-run-1", "--status", "Succeeded"),
        err.toString());
    assertEquals(0, run(env, "mlflow-end-run", "--experiment", "churn", "--kubeflow-run-id", "kfp-run-2", "--status",
        "{\"state\": \"FAILED\", \"pipelineTaskName\": \"exit-handler-1\", \"error\": {}}"), err.toString());
    assertEquals(List.of("FINISHED", "FAILED"), server.runs().stream().map(FakeMlflowServer.Run::status).toList());
    assertTrue(server.runs().get(0).endTime() > 0);
    assertEquals(0, run(env, "mlflow-end-run", "--experiment", "churn", "--kubeflow-run-id", "kfp-run-3", "--status", "Failed"));
    assertTrue(err.toString().contains("no MLflow run in experiment 'churn' is tagged kubeflow_run_id = kfp-run-3"), err.toString());
    assertEquals(List.of(), server.refused());
  }

  @Test
  void inKfp2AStepReadsItsFlagsFromTheExecutorInput() throws Exception {
    Path idFile = dir.resolve("outputs/run-id/data");
    String executorInput = """
        {"inputs": {"parameterValues": {"experiment": "churn", "pipeline": "train", "kubeflow-run-id": "7f0c-uuid",
          "param-epochs": 20, "param-rate": 0.5, "param-layers": {"sizes": [64, 32], "name": "caf\u00e9"}}},
         "outputs": {"parameters": {"run-id": {"outputFile": "%s"}}, "outputFile": "%s"}}
        """.formatted(idFile, dir.resolve("outputs/executor_output.json"));
    assertEquals(0, run(Map.of("MLFLOW_TRACKING_URI", server.uri().toString()), "mlflow-start-run", "--executor_input", executorInput),
        err.toString());
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals(r.id(), Files.readString(idFile));
    assertEquals("7f0c-uuid", r.tags().get(MlflowSteps.RUN_ID_TAG));
    assertEquals(Map.of("epochs", "20", "rate", "0.5", "layers", "{\"sizes\":[64,32],\"name\":\"caf\u00e9\"}"), r.params(),
        "KFP 2's typed values as MLflow's text, a struct as compact JSON");
  }

  @Test
  void aJavaComponentRunsThroughMlflowTaskWithTheServersTokenWhichIsNeverPrinted() throws Exception {
    server.requireBearer("s3cret-t0ken");
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_TRACKING_TOKEN", "s3cret-t0ken");
    assertEquals(0, run(env, "mlflow-start-run", "--experiment", "churn", "--pipeline", "train", "--kubeflow-run-id", "kfp-run-1",
        "--run-id-file", dir.resolve("run-id").toString()), err.toString());
    String[] exitTask = {"dev.kfp4j.mlflow.example.TrackedEntrypoint:notify", "--mlflow-kubeflow-run-id", "kfp-run-1",
        "--mlflow-experiment", "churn", "--mlflow-status", "Failed", "--note", "bye"};
    Map<String, String> wrong = Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_TRACKING_TOKEN", "wr0ng-t0ken");
    assertEquals(0, MlflowTask.run(exitTask, wrong::get, new PrintStream(err, true, StandardCharsets.UTF_8)),
        "the component runs, untracked, when the server refuses");
    assertTrue(err.toString().contains("the component runs without tracking"), err.toString());
    assertEquals(0, MlflowTask.run(exitTask, env::get, new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());
    FakeMlflowServer.Run r = server.runs().get(0);
    assertEquals("bye true", r.tags().get("notified"), "the exit task found the run by its tag");
    assertEquals("FAILED", r.status(), "and ended it with the pipeline's status");
    assertTrue(!err.toString().contains("t0ken"), err.toString());
    assertEquals(2, MlflowTask.run(new String[] {"dev.acme.Missing:train"}, env::get, new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  /**
   * A tracking URI the steps refuse, from the Kubernetes secret (MLFLOW_TRACKING_URI in mlflow.credentials_keys, which the
   * command never sees), ended a Java task with MlflowException's stack trace. Now it fails as the start step fails, on one
   * line without the query's values, and the component, whose calls would not be logged, does not run.
   */
  @Test
  void aJavaTaskWithATrackingUriTheStepsRefuseFailsOnOneLineWithoutRunningItsComponent() {
    Path metrics = dir.resolve("out/metrics.json");
    Path output = dir.resolve("out/output");
    String[] train = {"dev.kfp4j.mlflow.example.TrackedEntrypoint:train", "--mlflow-run-id", "r1", "--epochs", "2", "--rate", "0.5",
        "--mlpipeline_metrics", metrics.toString(), "----output-paths", output.toString()};
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", "http://mlflow:5000?token=SECRET");
    assertEquals(MlflowSteps.FAILED, MlflowTask.run(train, env::get, new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());
    assertEquals("mlflow: the tracking URI (mlflow.tracking_uri in kfp4j.yaml, else MLFLOW_TRACKING_URI) has a query (after"
        + " '?'), which every tracked step would carry in plain text and MLflow's REST API does not take (kfp4j's MLflow steps"
        + " add /api/2.0/mlflow/... to the server's URL): name the server alone, such as http://mlflow.kubeflow:5000, and give"
        + " a token as MLFLOW_TRACKING_TOKEN, on the cluster from a Kubernetes secret (mlflow.credentials_secret and"
        + " mlflow.credentials_keys)\n", err.toString(), "the start step's line, no stack trace, no SECRET");
    assertTrue(Files.notExists(metrics) && Files.notExists(output), "the component did not run");
    Mlflow.use(null); // untracked, not the run an earlier test of this JVM pointed it at
    assertEquals(0, MlflowTask.run(train, Map.<String, String>of()::get, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertTrue(Files.exists(metrics) && Files.exists(output), "without the variable it runs, untracked, and writes them");
    // the exit task's path, which ends the run after its component
    err.reset();
    String[] exitTask = {"dev.kfp4j.mlflow.example.TrackedEntrypoint:notify", "--mlflow-kubeflow-run-id", "kfp-run-1",
        "--mlflow-experiment", "churn", "--mlflow-status", "Failed", "--note", "bye"};
    Map<String, String> notHttp = Map.of("MLFLOW_TRACKING_URI", "mlflow:5000?token=SECRET");
    assertEquals(MlflowSteps.FAILED, MlflowTask.run(exitTask, notHttp::get, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString().startsWith("mlflow: the tracking URI 'mlflow:5000?token=***' is not an http:// or https:// URL"),
        err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertFalse(err.toString().contains("SECRET"), err.toString());
  }

  @Test
  void badArgumentsExit2WithTheUsage() {
    assertEquals(2, run(Map.of(), "mlflow-start-run", "--experiment", "x"));
    assertTrue(err.toString().startsWith("usage: MlflowSteps"), err.toString());
    assertTrue(err.toString().contains("--pipeline is needed once"), err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "mlflow-stop-run"));
    assertTrue(err.toString().contains("unknown step 'mlflow-stop-run'"), err.toString());
    // a parameter without its NAME= was printed back, "--param hunter2: write NAME=VALUE"
    err.reset();
    assertEquals(2, run(Map.of(), "mlflow-start-run", "--experiment", "x", "--pipeline", "p", "--kubeflow-run-id", "r",
        "--run-id-file", "/nonexistent/run-id", "--param", "hunter2"));
    assertTrue(err.toString().contains("a --param has no '='; write --param NAME=VALUE (what was given is not shown: it may hold "
        + "a credential)"), err.toString());
    assertFalse(err.toString().contains("hunter2"), err.toString());
  }

  @Test
  void theServerRefusesWhatMlflowsApiDoesNotHave() throws Exception {
    String id = startRun("kfp-run-1");
    HttpClient http = HttpClient.newHttpClient();
    {
      HttpResponse<String> noTimestamp = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/runs/log-metric"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"run_id\": \"" + id + "\", \"key\": \"a\", \"value\": 1}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, noTimestamp.statusCode());
      assertTrue(noTimestamp.body().contains("'timestamp'"), noTimestamp.body());
      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/runs/log-parameter"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"run_id\": \"" + id + "\", \"key\": \"a\", \"val\": \"1\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, unknown.statusCode());
      assertTrue(unknown.body().contains("no field 'val'"), unknown.body());
    }
    assertEquals(2, server.refused().size());
  }

  @Test
  void aMetricsFileThatIsNotThereIsSaidInWords() throws Exception {
    Path missing = dir.resolve("metrics.json");
    assertEquals(1, run(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_RUN_ID", "r1"), "mlflow-log-metrics",
        "--metrics", missing.toString()));
    assertEquals("mlflow: " + missing + ": no such file or folder", err.toString().strip()); // was java.nio.file.NoSuchFileException: ...
  }
}
