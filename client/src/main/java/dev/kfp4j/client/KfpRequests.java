package dev.kfp4j.client;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the bodies and queries of KFP's requests, v1beta1's and v2beta1's, from the client's records. */
final class KfpRequests {
  private KfpRequests() {}

  static ObjectNode object() {
    return Yaml.json().createObjectNode();
  }

  static ArrayNode array(JsonNode... items) {
    ArrayNode a = Yaml.json().createArrayNode();
    for (JsonNode i : items) {
      a.add(i);
    }
    return a;
  }

  static ObjectNode reference(String type, String id, String relationship) {
    ObjectNode r = object();
    r.putObject("key").put("type", type).put("id", id);
    return r.put("relationship", relationship);
  }

  static ArrayNode references(String experimentId, String versionId) {
    ArrayNode refs = array();
    if (experimentId != null) {
      refs.add(reference("EXPERIMENT", experimentId, "OWNER"));
    }
    if (versionId != null) {
      refs.add(reference("PIPELINE_VERSION", versionId, "CREATOR"));
    }
    return refs;
  }

  static ArrayNode parameters(Map<String, String> arguments) {
    ArrayNode a = array();
    arguments.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> a.add(object().put("name", e.getKey()).put("value", e.getValue())));
    return a;
  }

  /**
   * v2beta1's {@code runtime_config}: each argument as its parameter's type takes it (text without
   * a type).
   *
   * @throws IllegalArgumentException for a value that is not of its type; nothing is sent
   */
  static ObjectNode runtimeConfig(Map<String, String> arguments, Map<String, ParameterType> types, String pipelineRoot) {
    ObjectNode config = object();
    if (pipelineRoot != null) { // the run's, over the pipeline's defaultPipelineRoot
      config.put("pipeline_root", pipelineRoot);
    }
    ObjectNode params = config.putObject("parameters");
    arguments.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      try {
        params.set(e.getKey(), Kfp2Writer.runtimeValue(e.getKey(), e.getValue(), types.get(e.getKey())));
      } catch (FormatException x) {
        throw new IllegalArgumentException(x.getMessage(), x);
      }
    });
    return config;
  }

  /**
   * {@code workflowYaml}, a KFP v1 pipeline, with every pod's caching set to {@code caching}; as it is for null.
   *
   * @throws IllegalArgumentException when it is not an Argo workflow; nothing is sent
   */
  static String argoCaching(String workflowYaml, Boolean caching) {
    if (caching == null) {
      return workflowYaml;
    }
    try {
      return dev.kfp4j.format.argo.RunCaching.override(workflowYaml, caching);
    } catch (dev.kfp4j.format.FormatException e) {
      throw new IllegalArgumentException("a run's caching is set in the workflow sent, and it is " + e.getMessage()
          + " (v1beta1 runs KFP v1 pipelines)", e);
    }
  }

  /**
   * Refuses a pipeline root for a v1beta1 run: KFP v1's pipelines, Argo workflows, keep their artifacts in the cluster's
   * artifact repository, and KFP's v1 API takes a root for KFP 2 pipelines only.
   *
   * @throws IllegalArgumentException when {@code pipelineRoot} is set; nothing is sent
   */
  static void noPipelineRoot(String pipelineRoot) {
    if (pipelineRoot != null) {
      throw new IllegalArgumentException("a pipeline root (" + pipelineRoot + ") is KFP 2's: KFP v1 pipelines, Argo workflows, keep "
          + "their artifacts in the cluster's artifact repository; run a KFP 2 pipeline through the v2beta1 API (api_version: v2beta1)");
    }
  }

  /**
   * A version to run, or a compiled pipeline inline: its spec, or (with a platform document) both
   * under {@code pipeline_spec} and {@code platform_spec}, as KFP's SDK sends them.
   */
  static void source(ObjectNode body, String pipelineId, String versionId, String workflowYaml, Boolean caching) {
    if (workflowYaml != null) {
      List<JsonNode> docs = Yaml.readAll(workflowYaml);
      if (caching != null) {
        if (!Kfp2Reader.isPipelineSpec(docs)) {
          throw new IllegalArgumentException("a run's caching is set in a KFP 2 pipeline spec, and the workflow sent is none "
              + "(v2beta1 runs KFP 2 pipelines)");
        }
        dev.kfp4j.format.kfp2.RunCaching.override(docs.get(0), caching);
      }
      body.set("pipeline_spec", docs.isEmpty() ? object() : Kfp2Reader.oneObject(docs.get(0), docs.size() > 1 ? docs.get(1) : null));
    } else {
      body.putObject("pipeline_version_reference").put("pipeline_id", pipelineId).put("pipeline_version_id", versionId);
    }
  }

  static ObjectNode trigger(Schedule schedule) {
    ObjectNode trigger = object();
    ObjectNode s;
    if (schedule instanceof Schedule.Cron) {
      s = trigger.putObject("cron_schedule").put("cron", ((Schedule.Cron) schedule).expression());
    } else {
      s = trigger.putObject("periodic_schedule")
          .put("interval_second", Long.toString(((Schedule.Interval) schedule).every().toSeconds()));
    }
    if (schedule.start() != null) {
      s.put("start_time", schedule.start().toString());
    }
    if (schedule.end() != null) {
      s.put("end_time", schedule.end().toString());
    }
    return trigger;
  }

  static Http.Query paging(Http.Query q, ListOptions o) {
    if (o == null) {
      return q;
    }
    return q.add("page_token", o.pageToken()).add("page_size", o.pageSize() > 0 ? o.pageSize() : null).add("sort_by", o.sortBy());
  }

  /**
   * The {@code filter} of a list request for the records named {@code name}: its JSON URL-escaped, and escaped once more as
   * the query is sent. KFP unescapes the value it is given again ({@code parseAPIFilter}'s {@code url.QueryUnescape}, in
   * backend/src/apiserver/server/list_request_util.go, since KFP 0.1.10), so a {@code +} sent once escaped would be read as
   * a space and a {@code %} refused.
   */
  static String nameFilter(String name, boolean v2) {
    ObjectNode predicate = object().put("key", v2 ? "display_name" : "name").put(v2 ? "operation" : "op", "EQUALS")
        .put("string_value", name);
    ObjectNode filter = object();
    filter.putArray("predicates").add(predicate);
    return Http.escape(filter.toString());
  }

  /** The body creating experiment {@code name} in {@code namespace} (null: the server's). */
  static ObjectNode experiment(String name, String description, String namespace, boolean v2) {
    ObjectNode body = object();
    if (v2) {
      body.put("display_name", name).put("description", description).put("namespace", namespace);
    } else {
      body.put("name", name).put("description", description);
      if (namespace != null) {
        body.set("resource_references", array(reference("NAMESPACE", namespace, "OWNER")));
      }
    }
    return body;
  }

  /**
   * The body of v2beta1's {@code CreatePipeline}: a pipeline {@code name}, shown as that too, in {@code namespace} (null: the
   * server's), with no version; as {@code pipelines/upload} names one.
   */
  static ObjectNode pipeline(String name, String description, String namespace) {
    return object().put("name", name).put("display_name", name).put("description", description).put("namespace", namespace);
  }

  /** The body creating the run {@code request} asks for. */
  static ObjectNode run(RunRequest request, boolean v2) {
    ObjectNode body = object();
    if (v2) {
      body.put("display_name", request.name()).put("description", request.description())
          .put("experiment_id", request.experimentId()).put("service_account", request.serviceAccount());
      source(body, request.pipelineId(), request.versionId(), request.workflowYaml(), request.caching());
      body.set("runtime_config", runtimeConfig(request.arguments(), request.parameterTypes(), request.pipelineRoot()));
      return body;
    }
    noPipelineRoot(request.pipelineRoot());
    body.put("name", request.name()).put("description", request.description()).put("service_account", request.serviceAccount());
    ObjectNode spec = body.putObject("pipeline_spec");
    if (request.workflowYaml() != null) {
      spec.put("workflow_manifest", argoCaching(request.workflowYaml(), request.caching()));
    }
    spec.set("parameters", parameters(request.arguments()));
    body.set("resource_references", references(request.experimentId(), request.versionId()));
    return body;
  }

  /** The body creating the recurring run {@code request} asks for. */
  static ObjectNode recurringRun(RecurringRunRequest request, boolean v2) {
    ObjectNode body = object();
    if (v2) {
      body.put("display_name", request.name()).put("description", request.description())
          .put("experiment_id", request.experimentId()) // its namespace is the experiment's
          .put("service_account", request.serviceAccount());
      source(body, request.pipelineId(), request.versionId(), null, null);
      body.set("runtime_config", runtimeConfig(request.arguments(), request.parameterTypes(), request.pipelineRoot()));
      body.put("mode", request.enabled() ? "ENABLE" : "DISABLE");
    } else {
      noPipelineRoot(request.pipelineRoot());
      body.put("name", request.name()).put("description", request.description()).put("service_account", request.serviceAccount());
      body.putObject("pipeline_spec").set("parameters", parameters(request.arguments()));
      body.set("resource_references", references(request.experimentId(), request.versionId()));
      body.put("enabled", request.enabled());
    }
    body.set("trigger", trigger(request.schedule()));
    body.put("max_concurrency", Integer.toString(request.maxConcurrency())).put("no_catchup", request.noCatchup());
    return body;
  }

  /**
   * Scopes a listing query {@code q} to experiment {@code experimentId}, or when it is null to {@code namespace} (null: the
   * server's).
   */
  static void scope(Http.Query q, String namespace, String experimentId, boolean v2) {
    if (experimentId != null) {
      if (v2) {
        q.add("experiment_id", experimentId);
      } else {
        q.add("resource_reference_key.type", "EXPERIMENT").add("resource_reference_key.id", experimentId);
      }
    } else if (namespace != null) {
      if (v2) {
        q.add("namespace", namespace);
      } else {
        q.add("resource_reference_key.type", "NAMESPACE").add("resource_reference_key.id", namespace);
      }
    }
  }
}
