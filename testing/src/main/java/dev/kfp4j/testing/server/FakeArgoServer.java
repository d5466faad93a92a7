package dev.kfp4j.testing.server;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.MissingShared;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, in-memory Argo Server (the {@code /api/v1} subset a client uses): workflows are
 * submitted, got, listed, terminated and deleted; cron workflows created, got and deleted. A
 * submitted workflow, and the workflow spec of a cron workflow, must keep Argo's submission rules
 * ({@link ArgoRules}) and pass its schemas ({@link ArgoSchemas}), else 400 with the reasons, as
 * Argo's own validation would refuse it.
 * The schemas come from {@code ../shared}: without it the requests are answered unchecked, and
 * {@link #close} then skips the test ({@link MissingShared}) after it has run, so it does not pass
 * on less than it claims.
 *
 * <p>A submitted workflow is {@code Running}; the second time it is got it ends with the phase set
 * by {@link #workflowsEndAs} ({@code Succeeded} unless changed), or never with null.
 */
public final class FakeArgoServer extends FakeServer {
  private final Map<String, ObjectNode> workflows = new LinkedHashMap<>();
  private final Map<String, Integer> gets = new LinkedHashMap<>();
  private final Map<String, ObjectNode> cronWorkflows = new LinkedHashMap<>();
  private String endPhase = "Succeeded";
  private String version;
  private int ids;
  /** Whether a request went unchecked for want of Argo's schemas. */
  private boolean unchecked;

  private FakeArgoServer(String version) {
    this.version = version;
  }

  /** An Argo Server of version v3.3.10, what KFP 1.8 runs on. */
  public static FakeArgoServer start() {
    return new FakeArgoServer("v3.3.10");
  }

  /** An Argo Server of the given version, as {@code /api/v1/version} reports it. */
  public static FakeArgoServer start(String version) {
    return new FakeArgoServer(version);
  }

  public synchronized void workflowsEndAs(String phase) {
    this.endPhase = phase;
  }

  /** Workflows by namespace/name. */
  public synchronized Map<String, JsonNode> workflows() {
    return Map.copyOf(workflows);
  }

  /** Cron workflows by namespace/name. */
  public synchronized Map<String, JsonNode> cronWorkflows() {
    return Map.copyOf(cronWorkflows);
  }

  @Override
  JsonNode error(int status, String message) {
    int code = status == 400 ? 3 : status == 401 ? 16 : status == 404 ? 5 : status == 409 ? 6 : 13;
    return object().put("code", code).put("message", message);
  }

  @Override
  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    String[] p = path.replaceFirst("^/api/v1/", "").split("/");
    if (!path.startsWith("/api/v1/")) {
      throw answer(404, "Not Found");
    }
    if (method.equals("GET") && p[0].equals("version")) {
      return object().put("version", version);
    }
    String kind = p[0];
    String ns = p.length > 1 ? p[1] : "";
    String key = p.length > 2 ? ns + "/" + p[2] : null;
    if (kind.equals("workflows")) {
      if (method.equals("POST") && p.length == 2) {
        JsonNode request = json(body);
        refuseInvalid("io.argoproj.workflow.v1alpha1.WorkflowCreateRequest", request, "workflow create request");
        return submit(ns, request.path("workflow"));
      }
      if (method.equals("GET") && p.length == 2) {
        ObjectNode list = object();
        workflows.forEach((k, w) -> {
          if (k.startsWith(ns + "/")) {
            list.withArray("items").add(w);
          }
        });
        return list;
      }
      ObjectNode w = workflows.get(key);
      if (w == null) {
        throw answer(404, "workflows.argoproj.io \"" + (p.length > 2 ? p[2] : "") + "\" not found");
      }
      if (method.equals("GET")) {
        return advance(key, w);
      }
      if (method.equals("PUT") && p.length == 4 && p[3].equals("terminate")) {
        ((ObjectNode) w.get("status")).put("phase", "Failed").put("message", "Stopped with strategy 'Terminate'");
        return w;
      }
      if (method.equals("DELETE")) {
        workflows.remove(key);
        return object();
      }
    }
    if (kind.equals("cron-workflows")) {
      if (method.equals("POST") && p.length == 2) {
        JsonNode request = json(body);
        refuseInvalid("io.argoproj.workflow.v1alpha1.CreateCronWorkflowRequest", request, "cron workflow create request");
        return schedule(ns, request.path("cronWorkflow"));
      }
      ObjectNode c = cronWorkflows.get(key);
      if (c == null) {
        throw answer(404, "cronworkflows.argoproj.io \"" + (p.length > 2 ? p[2] : "") + "\" not found");
      }
      if (method.equals("GET")) {
        return c;
      }
      if (method.equals("DELETE")) {
        cronWorkflows.remove(key);
        return object();
      }
    }
    throw answer(404, "Not Found: " + method + " " + path);
  }

  /**
   * A request body that does not match this Argo version's schema of it is a 400, as Argo's API refuses it. The schemas at
   * hand are v3.3.10's, for Argo before 3.6, and v4.0.8's, for 3.6 on: 3.6 moved a cron workflow's {@code schedule} to the
   * list {@code schedules}, which v3.3.10's schema does not have.
   */
  private void refuseInvalid(String definition, JsonNode request, String what) {
    if (!Shared.present()) {
      unchecked = true;
      return;
    }
    String schemaVersion = version.matches("v?3\\.[0-5]\\..*") ? "v3.3.10" : "v4.0.8";
    List<String> errors = ArgoSchemas.errors(schemaVersion, definition, request);
    if (!errors.isEmpty()) {
      throw answer(400, what + " is invalid: " + errors.get(0));
    }
  }

  /** A workflow that Argo's submission rules ({@link ArgoRules}) or its schemas refuse is a 400. */
  private void refuseInvalid(JsonNode workflow, String what) {
    List<String> rules = ArgoRules.errors(workflow);
    if (!rules.isEmpty()) {
      throw answer(400, what + " is invalid: " + rules.get(0));
    }
    if (!Shared.present()) {
      unchecked = true;
      return;
    }
    List<String> errors = ArgoSchemas.errors(Yaml.write(workflow, null));
    if (!errors.isEmpty()) {
      throw answer(400, what + " is invalid: " + errors.get(0));
    }
  }

  /** Stops the server; then skips the test if a request went unchecked for want of {@code ../shared}. */
  @Override
  public void close() {
    super.close();
    if (unchecked) {
      Shared.root(Shared.ARGO_SCHEMAS); // which the requests were not checked against
    }
  }

  private ObjectNode submit(String ns, JsonNode workflow) {
    refuseInvalid(workflow, "workflow");
    ObjectNode w = (ObjectNode) workflow.deepCopy();
    ObjectNode meta = w.withObject("metadata");
    String name = meta.has("name") ? meta.get("name").asString()
        : meta.path("generateName").asString("workflow-") + Integer.toString(36 * 36 * 36 + ++ids, 36);
    meta.put("name", name).put("namespace", ns);
    meta.remove("generateName");
    w.putObject("status").put("phase", "Running").put("startedAt", "2026-01-01T00:00:00Z");
    if (workflows.putIfAbsent(ns + "/" + name, w) != null) {
      throw answer(409, "workflows.argoproj.io \"" + name + "\" already exists");
    }
    gets.put(ns + "/" + name, 0);
    return w;
  }

  private ObjectNode advance(String key, ObjectNode w) {
    int n = gets.merge(key, 1, Integer::sum);
    ObjectNode status = (ObjectNode) w.get("status");
    if (n >= 2 && endPhase != null && status.path("phase").asString().equals("Running")) {
      status.put("phase", endPhase).put("finishedAt", "2026-01-01T00:01:00Z");
      if (!endPhase.equals("Succeeded")) {
        status.put("message", "child 'multiply' failed");
      }
    }
    return w;
  }

  private ObjectNode schedule(String ns, JsonNode cron) {
    if (!"CronWorkflow".equals(cron.path("kind").asString(""))) {
      throw answer(400, "kind must be CronWorkflow");
    }
    JsonNode spec = cron.path("spec");
    boolean modern = !version.matches("v?3\\.[0-5]\\..*");
    JsonNode schedules = modern ? spec.path("schedules") : spec.path("schedule");
    if (modern ? !schedules.isArray() || schedules.isEmpty() : !schedules.isString()) {
      throw answer(400, "cron workflow must have " + (modern ? "spec.schedules, a list" : "spec.schedule") + " for Argo " + version);
    }
    for (JsonNode s : modern ? schedules : List.of(schedules)) {
      String text = s.asString();
      if (!text.startsWith("@") && text.trim().split("\\s+").length != 5) {
        throw answer(400, "cron schedule " + text + " is malformed: expected exactly 5 fields");
      }
    }
    ObjectNode wrapped = object().put("apiVersion", "argoproj.io/v1alpha1").put("kind", "Workflow");
    wrapped.putObject("metadata").put("generateName", "cron-");
    wrapped.set("spec", spec.path("workflowSpec"));
    refuseInvalid(wrapped, "cron workflow's workflowSpec");
    ObjectNode c = (ObjectNode) cron.deepCopy();
    String name = c.at("/metadata/name").asString("");
    c.withObject("metadata").put("namespace", ns);
    if (cronWorkflows.putIfAbsent(ns + "/" + name, c) != null) {
      throw answer(409, "cronworkflows.argoproj.io \"" + name + "\" already exists");
    }
    return c;
  }
}
