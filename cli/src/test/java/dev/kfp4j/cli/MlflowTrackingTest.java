package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The config's mlflow section on what goes to the cluster, in both formats: the start step first,
 * the run in every task, the end step in the exit handler, the credentials from a secret.
 */
class MlflowTrackingTest {
  @TempDir Path dir;
  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    kfp = FakeKfpServer.start();
    config = dir.resolve("kfp4j.yaml");
    writeConfig("v1beta1");
  }

  private void writeConfig(String apiVersion) throws Exception {
    Files.writeString(config, """
        host: %s
        api_version: %s
        run_config:
          image: registry.example.com/calc:2.0
        mlflow:
          tracking_uri: http://mlflow.kubeflow:5000
          experiment_name: calc
          credentials_secret: mlflow-credentials
          credentials_keys: [MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD]
        """.formatted(kfp.uri(), apiVersion));
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  private Cli upload() {
    return upload("add-example");
  }

  private Cli upload(String pipeline) {
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", pipeline);
    assertEquals(0, r.code(), r.toString());
    return r;
  }

  @Test
  void theUploadedWorkflowStartsTheMlflowRunGivesItToEveryTaskAndEndsItOnExit() {
    upload();
    String yaml = kfp.template(kfp.versions().get(0).path("id").asString());
    ArgoSchemas.assertValid(yaml, "tracked add-example");
    JsonNode wf = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(wf));
    JsonNode start = template(wf, "mlflow-start-run");
    assertEquals("registry.example.com/calc:2.0", start.at("/container/image").asString(), "the project's image, which holds kfp4j-mlflow");
    assertTrue(start.at("/container/command").toString().contains("dev.kfp4j.mlflow.MlflowSteps"), start.toString());
    List<String> tasks = new ArrayList<>();
    for (JsonNode t : wf.at("/spec/templates")) {
      for (JsonNode task : t.at("/dag/tasks")) {
        tasks.add(task.path("name").asString());
        String joined = task.at("/arguments/parameters").toString();
        JsonNode container = template(wf, task.path("template").asString()).path("container");
        assertCredentials(container.path("env"));
        if (task.path("name").asString().equals("mlflow-start-run")) {
          assertTrue(joined.contains("{{workflow.uid}}"), "tagged with KFP's run id: " + joined);
          assertTrue(joined.contains("{{workflow.parameters.value1}}"), "the arguments as parameters: " + joined);
        } else if (task.path("name").asString().equals("mlflow-end-run")) {
          assertTrue(joined.contains("{{workflow.status}}") && joined.contains("{{workflow.uid}}"), joined);
        } else {
          assertTrue(joined.contains("{{tasks.mlflow-start-run.outputs.parameters.run-id}}"), task.toString());
          assertTrue(container.path("command").toString().contains("\"dev.kfp4j.mlflow.MlflowTask\""), container.toString());
          assertTrue(container.path("args").toString().startsWith("[\"--mlflow-run-id\",\"{{inputs.parameters.mlflow-run-id}}\""),
              container.toString());
        }
      }
    }
    assertEquals(List.of("mlflow-start-run", "add", "subtract", "multiply", "mlflow-end-run"), tasks);
    assertEquals("add-example-exit-handler", wf.at("/spec/onExit").asString(), "the end step is the exit handler");
  }

  @Test
  void theUploadedKfp2SpecIsTrackedTooAndParsesStrictly() throws Exception {
    writeConfig("v2beta1");
    upload();
    String spec = kfp.v2().pipelineSpec(kfp.v2().versions().get(0).path("pipeline_version_id").asString());
    assertEquals(List.of(), Kfp2Schemas.errors(spec), "a PipelineSpec and PlatformSpec, parsed strictly");
    List<JsonNode> docs = Yaml.readAll(spec);
    JsonNode root = docs.get(0);
    JsonNode tasks = root.at("/components/comp-exit-handler-1/dag/tasks");
    assertEquals("{{$.pipeline_job_uuid}}", tasks.at("/mlflow-start-run/inputs/parameters/kubeflow-run-id/runtimeValue/constant").asString());
    assertEquals("value1", tasks.at("/mlflow-start-run/inputs/parameters/param-value1/componentInputParameter").asString()
        .replace("pipelinechannel--", ""));
    assertEquals("mlflow-start-run", tasks.at("/add/inputs/parameters/mlflow-run-id/taskOutputParameter/producerTask").asString());
    JsonNode end = root.at("/root/dag/tasks/mlflow-end-run");
    assertEquals("exit-handler-1", end.at("/inputs/parameters/status/taskFinalStatus/producerTask").asString());
    assertEquals("ALL_UPSTREAM_TASKS_COMPLETED", end.at("/triggerPolicy/strategy").asString());
    assertEquals("TASK_FINAL_STATUS", root.at("/components/comp-mlflow-end-run/inputDefinitions/parameters/status/parameterType").asString());
    JsonNode add = root.at("/deploymentSpec/executors/exec-add/container");
    assertTrue(add.path("command").toString().contains("\"dev.kfp4j.mlflow.MlflowTask\""), add.toString());
    assertEquals("[\"--executor_input\",\"{{$}}\"]", add.path("args").toString(), "the run id comes in the executor input");
    assertTrue(add.path("env").toString().contains("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://mlflow.kubeflow:5000\"}"), add.toString());
    JsonNode executors = docs.get(1).at("/platforms/kubernetes/deploymentSpec/executors");
    for (String executor : List.of("exec-mlflow-start-run", "exec-add", "exec-mlflow-end-run")) {
      String secrets = executors.path(executor).path("secretAsEnv").toString();
      for (String key : List.of("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD")) {
        assertTrue(secrets.contains("{\"envVar\":\"" + key + "\",\"secretKey\":\"" + key + "\"}"), executor + ": " + secrets);
      }
      assertTrue(secrets.contains("\"secretName\":\"mlflow-credentials\""), executor + ": " + secrets);
    }
  }

  /**
   * A tracked pipeline's body is in the exit handler; its outputs come through the exit handler's
   * group (control-flow: a task after a chain of branches and a collecting loop; condition-loop-artifact).
   */
  @ParameterizedTest
  @CsvSource({"control-flow, total, sum", "condition-loop-artifact, Output, report"})
  void theUploadedKfp2SpecOfAPipelineWithOutputsIsTrackedAndParsesStrictly(String pipeline, String output, String task)
      throws Exception {
    writeConfig("v2beta1");
    upload(pipeline);
    String spec = kfp.v2().pipelineSpec(kfp.v2().versions().get(0).path("pipeline_version_id").asString());
    assertEquals(List.of(), Kfp2Schemas.errors(spec), "a PipelineSpec and PlatformSpec, parsed strictly");
    JsonNode root = Yaml.readAll(spec).get(0);
    JsonNode out = root.at("/root/dag/outputs/parameters/" + output + "/valueFromParameter");
    assertEquals("exit-handler-1", out.path("producerSubtask").asString());
    String key = "pipelinechannel--" + task + "-Output";
    assertEquals(key, out.path("outputParameterKey").asString());
    JsonNode surfaced = root.at("/components/comp-exit-handler-1/dag/outputs/parameters/" + key + "/valueFromParameter");
    assertEquals(task, surfaced.path("producerSubtask").asString());
    assertEquals("Output", surfaced.path("outputParameterKey").asString());
    assertEquals(new Argument.TaskOutput(task, "Output"), Kfp2Reader.read(spec, pipeline).outputs().get(output), "read back");
  }

  /** The server as a value; MLflow's credentials only as references to the secret. */
  private static void assertCredentials(JsonNode env) {
    assertTrue(env.toString().contains("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://mlflow.kubeflow:5000\"}"), env.toString());
    for (String key : List.of("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD")) {
      assertTrue(env.toString().contains("{\"name\":\"" + key + "\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"mlflow-credentials\",\"key\":\""
          + key + "\"}}}"), env.toString());
    }
  }

  @Test
  void anMlflowSectionWithoutAServerOrWithBadCredentialsIsAnError() throws Exception {
    Files.writeString(config, "mlflow:\n  experiment_name: calc\n");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Config.load(config, name -> null));
    assertTrue(e.getMessage().startsWith(config + ": mlflow: no tracking server; set mlflow.tracking_uri, such as http://mlflow.kubeflow:5000, "
        + "or MLFLOW_TRACKING_URI"), e.getMessage());
    assertEquals("http://mlflow:5000", Config.load(config, name -> name.equals("MLFLOW_TRACKING_URI") ? "http://mlflow:5000" : null)
        .mlflow().trackingUri());
    Files.writeString(config, "mlflow:\n  credentials_secret: mlflow\n  credentials_keys: [MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN]\n");
    Config.Mlflow inSecret = Config.load(config, name -> null).mlflow();
    assertEquals(null, inSecret.trackingUri(), "the server may be in the secret");
    Files.writeString(config, "mlflow:\n  tracking_uri: http://m\n  credentials_secret: mlflow\n");
    assertEquals(List.of("MLFLOW_TRACKING_TOKEN"), Config.load(config, name -> null).mlflow().credentialsKeys(), "the default key");
    Files.writeString(config, "mlflow:\n  tracking_uri: http://m\n  credentials_secret: mlflow\n  credentials_keys: [PASSWORD]\n");
    ConfigException key = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Config.load(config, name -> null));
    assertTrue(key.getMessage().contains("list each once, from [MLFLOW_TRACKING_TOKEN, MLFLOW_TRACKING_USERNAME"), key.getMessage());
  }

  /**
   * A tracking URI with a user and password in it went as it was into every tracked step's MLFLOW_TRACKING_URI, in the
   * pipeline uploaded and the local run folder's workflow.json. Now it is refused, without showing the credential, pointing
   * at the secret the credentials belong in.
   */
  @Test
  void aTrackingUriWithCredentialsInItIsRefusedWithoutShowingThem() throws Exception {
    Files.writeString(config, Files.readString(config).replace("http://mlflow.kubeflow:5000", "https://alice:pa55word@mlflow.example.com"));
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "add-example");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(": mlflow: mlflow.tracking_uri has credentials in it (before '@')"), r.toString());
    assertTrue(r.err().contains("give the credentials as MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or "
        + "MLFLOW_TRACKING_TOKEN), on the cluster from a Kubernetes secret (mlflow.credentials_secret and mlflow.credentials_keys)"),
        r.toString());
    assertFalse(r.toString().contains("pa55word"), r.toString());
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Files.writeString(config, "mlflow:\n  experiment_name: calc\n");
    ConfigException fromEnv = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> Config.load(config, name -> name.equals("MLFLOW_TRACKING_URI") ? "http://tok3n@mlflow:5000" : null));
    assertTrue(fromEnv.getMessage().startsWith(config + ": mlflow: MLFLOW_TRACKING_URI has credentials in it"), fromEnv.getMessage());
    assertFalse(fromEnv.getMessage().contains("tok3n"), fromEnv.getMessage());
    assertEquals("http://mlflow:5000/p@th", Config.load(config, name -> name.equals("MLFLOW_TRACKING_URI")
        ? "http://mlflow:5000/p@th" : null).mlflow().trackingUri(), "an @ after the host is no credential");
  }

  /**
   * A tracking URI with a query (a token in it) went as it was into every tracked step's MLFLOW_TRACKING_URI, in the
   * pipeline uploaded and the local run folder's workflow.json, and every step's requests to MLflow went astray. Now it is
   * refused as one with credentials is, without showing the query's values.
   */
  @Test
  void aTrackingUriWithAQueryIsRefusedWithoutShowingIt() throws Exception {
    Files.writeString(config, Files.readString(config).replace("http://mlflow.kubeflow:5000", "http://mlflow.kubeflow:5000?token=Qx7abc"));
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "add-example");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(": mlflow: mlflow.tracking_uri has a query (after '?'), which every tracked step would carry in"
        + " plain text, in the pipeline uploaded and in the local run folder, and MLflow's REST API does not take: name the server"
        + " alone, such as http://mlflow.kubeflow:5000, and give a token as MLFLOW_TRACKING_TOKEN, on the cluster from a"
        + " Kubernetes secret (mlflow.credentials_secret and mlflow.credentials_keys)"), r.toString());
    assertFalse(r.toString().contains("Qx7abc"), r.toString());
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Files.writeString(config, "mlflow:\n  experiment_name: calc\n");
    ConfigException fromEnv = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> Config.load(config, name -> name.equals("MLFLOW_TRACKING_URI") ? "http://mlflow:5000/#Qx7abc" : null));
    assertTrue(fromEnv.getMessage().startsWith(config + ": mlflow: MLFLOW_TRACKING_URI has a fragment (after '#')"),
        fromEnv.getMessage());
    assertFalse(fromEnv.getMessage().contains("Qx7abc"), fromEnv.getMessage());
  }

  private static JsonNode template(JsonNode wf, String name) {
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.path("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }
}
