package dev.kfp4j.client;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads KFP's answers, v1beta1's or v2beta1's, into the client's records: where each API keeps an
 * id, a name, a time, a state and a reference.
 */
final class KfpAnswers {
  private final boolean v2;

  KfpAnswers(boolean v2) {
    this.v2 = v2;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asString("").isEmpty() ? null : v.asString();
  }

  static String id(JsonNode n, String v2Field) {
    String id = text(n, v2Field);
    return id != null ? id : text(n, "id");
  }

  static String name(JsonNode n) {
    String display = text(n, "display_name");
    return display != null ? display : text(n, "name");
  }

  static Instant time(JsonNode n, String field) {
    return time(text(n, field));
  }

  /** A time KFP or Argo wrote; null for none, for text that is not a time, and for the epoch. */
  static Instant time(String t) {
    try {
      Instant i = t == null ? null : Instant.parse(t);
      return i == null || i.getEpochSecond() <= 0 ? null : i; // KFP sends the epoch for "not yet"
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String referenced(JsonNode n, String type) {
    for (JsonNode r : n.path("resource_references")) {
      if (type.equals(r.at("/key/type").asString(""))) {
        return r.at("/key/id").asString(null);
      }
    }
    return null;
  }

  Experiment experiment(JsonNode n) {
    String state = text(n, "storage_state"); // v1beta1 says STORAGESTATE_ARCHIVED, v2beta1 ARCHIVED
    return new Experiment(id(n, "experiment_id"), name(n), text(n, "description"), time(n, "created_at"),
        state == null ? null : state.replaceFirst("^STORAGESTATE_", ""));
  }

  Pipeline pipeline(JsonNode n) {
    String defaultVersion = n.has("default_version") ? text(n.get("default_version"), "id") : null;
    return new Pipeline(id(n, "pipeline_id"), name(n), text(n, "description"), time(n, "created_at"), defaultVersion);
  }

  PipelineVersion version(JsonNode n, String pipelineId) {
    String owner = text(n, "pipeline_id");
    if (owner == null) {
      owner = referenced(n, "PIPELINE");
    }
    return new PipelineVersion(id(n, "pipeline_version_id"), name(n), owner != null ? owner : pipelineId,
        text(n, "description"), time(n, "created_at"));
  }

  Run run(JsonNode n) {
    String error = error(n);
    String experiment = v2 ? text(n, "experiment_id") : referenced(n, "EXPERIMENT");
    String version = v2 ? text(n.path("pipeline_version_reference"), "pipeline_version_id") : referenced(n, "PIPELINE_VERSION");
    return new Run(id(n, "run_id"), name(n), unread(n) ? RunState.UNKNOWN : RunState.parse(text(n, v2 ? "state" : "status")),
        time(n, "created_at"), time(n, "finished_at"), experiment, version, error);
  }

  /**
   * Whether run {@code n} is one KFP could not read back from its database: an error and no state ({@code toApiRun} and
   * {@code toApiRunV1} in api_converter.go), not a run waiting to start.
   */
  boolean unread(JsonNode n) {
    return text(n, v2 ? "state" : "status") == null && error(n) != null;
  }

  private String error(JsonNode n) {
    return v2 ? text(n.path("error"), "message") : text(n, "error");
  }

  RecurringRun recurringRun(JsonNode n) {
    JsonNode t = n.path("trigger");
    Schedule schedule = null;
    try {
      if (t.has("cron_schedule")) {
        JsonNode c = t.get("cron_schedule");
        schedule = new Schedule.Cron(c.path("cron").asString(""), time(c, "start_time"), time(c, "end_time"));
      } else if (t.has("periodic_schedule")) {
        JsonNode p = t.get("periodic_schedule");
        schedule = new Schedule.Interval(Duration.ofSeconds(p.path("interval_second").asLong(0)), time(p, "start_time"), time(p, "end_time"));
      }
    } catch (IllegalArgumentException e) {
      schedule = null; // a schedule this client would refuse to create; show the run without it
    }
    boolean enabled = v2 ? "ENABLED".equals(text(n, "status")) : n.path("enabled").asBoolean(false);
    String experiment = v2 ? text(n, "experiment_id") : referenced(n, "EXPERIMENT");
    String version = v2 ? text(n.path("pipeline_version_reference"), "pipeline_version_id") : referenced(n, "PIPELINE_VERSION");
    return new RecurringRun(id(n, "recurring_run_id"), name(n), enabled, schedule, n.path("max_concurrency").asLong(0),
        n.path("no_catchup").asBoolean(false), experiment, version, time(n, "created_at"));
  }

  static <T> List<T> listOf(JsonNode answer, String field, Function<JsonNode, T> reader) {
    List<T> items = new ArrayList<>();
    for (JsonNode n : answer.path(field)) {
      items.add(reader.apply(n));
    }
    return items;
  }

  static <T> Page<T> page(JsonNode answer, String field, Function<JsonNode, T> reader) {
    return new Page<>(listOf(answer, field, reader), answer.path("next_page_token").asString(""),
        answer.path("total_size").asInt(0));
  }

  /** The item whose name is exactly {@code name}: servers differ in how exactly they filter. */
  static <T> Optional<T> first(List<T> items, String name, Function<T, String> nameOf) {
    return items.stream().filter(i -> name.equals(nameOf.apply(i))).findFirst();
  }
}
