package dev.kfp4j.testing.server;

import dev.kfp4j.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What both API versions of the fake KFP server share: ids, the clock, how runs end, errors, pages, uploads. */
final class KfpStore {
  private final FakeKfpServer server;
  private int ids;
  /** How runs end on their second read, as v1beta1 spells it ({@code Succeeded}); null: never. */
  String endStatus = "Succeeded";
  /** What runs' tasks report as their outputs, by task name. */
  final Map<String, Map<String, String>> taskOutputs = new java.util.LinkedHashMap<>();

  KfpStore(FakeKfpServer server) {
    this.server = server;
  }

  /** The lock every read of the state takes: the server's, which each request holds. */
  Object lock() {
    return server;
  }

  String newId(String kind) {
    return kind + "-" + (++ids);
  }

  /** A time that grows with every id made, so "newest first" is the order of creation. */
  String now() {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ids).toString();
  }

  FakeServer.Answer answer(int status, String message) {
    return server.answer(status, message);
  }

  ObjectNode find(Map<String, ObjectNode> store, String id, String kind) {
    ObjectNode found = store.get(id);
    if (found == null) {
      throw answer(404, kind + " " + id + " not found");
    }
    return found;
  }

  /**
   * A page of {@code all} as KFP lists: its name filter ({@code EQUALS} on a field; the JSON escaped once more than the query), {@code
   * created_at desc} order, {@code page_size} and {@code page_token}.
   */
  ObjectNode list(String field, Collection<ObjectNode> all, Map<String, String> query) {
    List<ObjectNode> items = new ArrayList<>(all);
    String filter = query.getOrDefault("filter", "");
    if (!filter.isEmpty()) {
      try { // unescaped once more than the query, as KFP's parseAPIFilter does (url.QueryUnescape)
        filter = java.net.URLDecoder.decode(filter, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw answer(400, "Invalid input error: failed to parse valid filter from " + filter + ": invalid URL escape");
      }
      for (JsonNode p : Yaml.json().readTree(filter).path("predicates")) {
        String value = p.has("string_value") ? p.get("string_value").asString() : p.path("stringValue").asString();
        String op = p.path("op").asString(p.path("operation").asString(""));
        if (!op.equals("EQUALS") && !op.equals("1")) {
          throw answer(400, "unsupported filter op " + op);
        }
        items.removeIf(i -> !i.path(p.path("key").asString()).asString("").equals(value));
      }
    }
    if (query.getOrDefault("sort_by", "").endsWith(" desc")) {
      items.sort(Comparator.comparing((ObjectNode i) -> i.path("created_at").asString()).reversed());
    }
    int size = Integer.parseInt(query.getOrDefault("page_size", "10"));
    int start = query.getOrDefault("page_token", "").isEmpty() ? 0 : Integer.parseInt(query.get("page_token"));
    ObjectNode page = FakeServer.object();
    ArrayNode array = page.putArray(field);
    items.subList(Math.min(start, items.size()), Math.min(start + size, items.size())).forEach(array::add);
    page.put("total_size", items.size());
    if (start + size < items.size()) {
      page.put("next_page_token", Integer.toString(start + size));
    }
    return page;
  }

  static List<ObjectNode> where(Collection<ObjectNode> items, Predicate<ObjectNode> keep) {
    return items.stream().filter(keep).toList();
  }

  /** The file of an upload: field {@code uploadfile} of a multipart/form-data body, as KFP reads it. */
  String uploadedFile(String contentType, byte[] body) {
    if (contentType == null || !contentType.startsWith("multipart/form-data; boundary=")) {
      throw answer(400, "Failed to read the pipeline: the request is not multipart/form-data");
    }
    String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
    String text = new String(body, StandardCharsets.UTF_8);
    for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd > 0 && part.substring(0, headerEnd).contains("name=\"uploadfile\"")) {
        String content = part.substring(headerEnd + 4);
        return content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
      }
    }
    throw answer(400, "Failed to read the pipeline: no 'uploadfile' file in the form");
  }

  /** A cron schedule KFP takes: its six fields (seconds first), or a {@code @} descriptor. */
  void checkTrigger(JsonNode trigger) {
    if (trigger.has("cron_schedule")) {
      String cron = trigger.at("/cron_schedule/cron").asString("");
      if (cron.isBlank() || (!cron.startsWith("@") && cron.trim().split("\\s+").length != 6)) {
        throw answer(400, "Invalid input error: invalid cron schedule '" + cron + "': expected 6 fields");
      }
    } else if (trigger.at("/periodic_schedule/interval_second").asLong(0) < 1) {
      throw answer(400, "Invalid input error: a trigger needs a cron schedule or a periodic schedule with an interval");
    }
  }

  void checkConcurrency(JsonNode body) {
    JsonNode n = body.path("max_concurrency"); // an int64: a JSON string in KFP's API
    long concurrency;
    try {
      concurrency = n.isMissingNode() || n.isNull() ? 1 : n.isNumber() ? n.asLong() : Long.parseLong(n.asString());
    } catch (NumberFormatException e) {
      throw answer(400, "Invalid input error: max_concurrency '" + n.asString() + "' is not a number");
    }
    if (concurrency < 1 || concurrency > 10) {
      throw answer(400, "Invalid input error: max concurrency of a job should be between 1 and 10");
    }
  }
}
