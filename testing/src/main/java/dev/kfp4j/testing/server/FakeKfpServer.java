package dev.kfp4j.testing.server;

import dev.kfp4j.testing.Shared;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, in-memory Kubeflow Pipelines API server, for end-to-end tests of the client, the
 * command line and the Maven plugin: what is created can be got and listed after. It serves
 * v1beta1 (Argo workflows as pipelines; its state through this class's accessors) and v2beta1 (KFP
 * 2 pipeline specs; its state through {@link #v2()}). Field names and answers follow KFP's OpenAPI
 * files; it refuses what KFP refuses (see {@link KfpV2beta1} for v2beta1; for v1beta1 a duplicate
 * name, an upload that is not an Argo Workflow, an argument the workflow does not declare, a cron
 * that is not KFP's six fields, unknown ids) with KFP's error body.
 *
 * <p>Runs: a created run is running; the second time it is got it ends with the status set by
 * {@link #runsEndAs} ({@code Succeeded} unless changed; v2beta1 reports it in capitals), or never
 * with {@code runsEndAs(null)}.
 */
public final class FakeKfpServer extends FakeServer {
  private final KfpStore store = new KfpStore(this);
  private final KfpV1beta1 v1 = new KfpV1beta1(store);
  private final KfpV2beta1 v2 = new KfpV2beta1(store);

  private FakeKfpServer() {}

  public static FakeKfpServer start() {
    return new FakeKfpServer();
  }

  /** How runs end, on their second read ({@code Succeeded}, {@code Failed}); null: they run forever. */
  public synchronized void runsEndAs(String status) {
    store.endStatus = status;
  }

  /**
   * The outputs a task of every run reports when its run is got (v1beta1: output parameter values
   * and artifact keys in the workflow's nodes; v2beta1: artifact ids of the task's details); only
   * the outputs the task's component declares are reported.
   */
  public synchronized void tasksReport(String task, Map<String, String> outputs) {
    store.taskOutputs.put(task, Map.copyOf(outputs));
  }

  /** What the v2beta1 API holds. */
  public KfpV2beta1 v2() {
    return v2;
  }

  public synchronized List<JsonNode> experiments() {
    return List.copyOf(v1.experiments.values());
  }

  public synchronized List<JsonNode> pipelines() {
    return List.copyOf(v1.pipelines.values());
  }

  public synchronized List<JsonNode> versions() {
    return List.copyOf(v1.versions.values());
  }

  /** The workflow YAML a v1beta1 pipeline version holds. */
  public synchronized String template(String versionId) {
    return v1.templates.get(versionId);
  }

  public synchronized List<JsonNode> runs() {
    return List.copyOf(v1.runs.values());
  }

  public synchronized List<JsonNode> jobs() {
    return List.copyOf(v1.jobs.values());
  }

  /** Stops the server; then skips the test if an upload went unchecked for want of KFP's .proto files in {@code ../shared}. */
  @Override
  public void close() {
    super.close();
    if (v2.unchecked) {
      Shared.root(Shared.KFP_PROTOS); // which the uploaded pipeline specs were not parsed against
    }
  }

  @Override
  JsonNode error(int status, String message) {
    int code = switch (status) {
      case 400 -> 3;
      case 401 -> 16;
      case 403 -> 7;
      case 404 -> 5;
      case 409 -> 6;
      default -> 13;
    };
    ObjectNode e = object().put("error", message).put("code", code).put("message", message);
    e.putArray("details");
    return e;
  }

  @Override
  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    if (path.startsWith(KfpV1beta1.API)) {
      return v1.handle(method, path, query, contentType, body);
    }
    if (path.startsWith(KfpV2beta1.API)) {
      return v2.handle(method, path, query, contentType, body);
    }
    throw answer(404, "Not Found: " + path);
  }
}
