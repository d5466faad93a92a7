package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.testing.ArgoSchemas;
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
import tools.jackson.databind.JsonNode;

/** The config's mlflow section on what goes to the cluster: the start step first, its run id in every task. */
class MlflowTrackingTest {
  @TempDir Path dir;
  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    kfp = FakeKfpServer.start();
    config = dir.resolve("kfp4j.yaml");
    Files.writeString(config, """
        host: %s
        run_config:
          image: registry.example.com/calc:2.0
        mlflow:
          tracking_uri: http://mlflow.kubeflow:5000
          experiment_name: calc
        """.formatted(kfp.uri()));
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  @Test
  void theUploadedWorkflowStartsTheMlflowRunAndGivesItsIdToEveryTask() {
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "add-example");
    assertEquals(0, r.code(), r.toString());
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
        JsonNode args = task.at("/arguments/parameters");
        String joined = args.toString();
        if (task.path("name").asString().equals("mlflow-start-run")) {
          assertTrue(joined.contains("{{workflow.uid}}"), "tagged with KFP's run id: " + joined);
          assertTrue(joined.contains("{{workflow.parameters.value1}}"), "the arguments as parameters: " + joined);
        } else {
          assertTrue(joined.contains("{{tasks.mlflow-start-run.outputs.parameters.run-id}}"), task.toString());
          JsonNode container = template(wf, task.path("template").asString()).path("container");
          assertTrue(container.path("env").toString().contains("{\"name\":\"MLFLOW_RUN_ID\",\"value\":\"{{inputs.parameters.mlflow-run-id}}\"}"), container.toString());
          assertTrue(container.path("env").toString().contains("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://mlflow.kubeflow:5000\"}"), container.toString());
        }
      }
    }
    assertEquals(List.of("mlflow-start-run", "add", "subtract", "multiply"), tasks);
  }

  @Test
  void anMlflowSectionWithoutAServerIsAnError() throws Exception {
    Files.writeString(config, "mlflow:\n  experiment_name: calc\n");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Config.load(config, name -> null));
    assertEquals(config + ": mlflow: no tracking server; set mlflow.tracking_uri, such as http://mlflow.kubeflow:5000, "
        + "or MLFLOW_TRACKING_URI", e.getMessage());
    assertEquals("http://mlflow:5000", Config.load(config, name -> name.equals("MLFLOW_TRACKING_URI") ? "http://mlflow:5000" : null)
        .mlflow().trackingUri());
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
