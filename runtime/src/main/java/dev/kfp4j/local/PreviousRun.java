package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An earlier attempt at a run, read back to resume it: its pipeline, run id and arguments, the
 * tasks that finished well and the processes of those that had not, all from its checked {@link Journal};
 * {@code run.json} must be whole and name the same run. Anything damaged is a
 * {@link WorkflowException} that says what.
 */
final class PreviousRun {
  /** A process an earlier attempt started: its id, and when it started (milliseconds since the epoch). */
  record Process(long pid, long startMillis) {}

  private final String pipeline;
  private final String runId;
  /** When the run first started, as its run.json says ({@code startedAt}); null where it says nothing of it. */
  private String startedAt;
  private final Map<String, String> arguments = new LinkedHashMap<>();
  private final Map<String, JsonNode> tasks = new HashMap<>();
  /** Processes of tasks that had not finished when the journal ends, by task. */
  private final Map<String, List<Process>> processes = new LinkedHashMap<>();

  private PreviousRun(String pipeline, String runId) {
    this.pipeline = pipeline;
    this.runId = runId;
  }

  static PreviousRun load(Path runDir) {
    Path file = runDir.resolve("run.json");
    if (!Files.isRegularFile(file)) {
      throw new WorkflowException(runDir + " is not a run folder: it has no run.json");
    }
    JsonNode json = runJson(file);
    List<JsonNode> entries = Journal.read(runDir);
    JsonNode run = entries.isEmpty() ? null : entries.get(0).get("run");
    if (run == null || !run.isObject()) {
      throw new WorkflowException(runDir.resolve(Journal.FILE) + " does not start with the run it records; the run cannot be resumed");
    }
    PreviousRun previous = new PreviousRun(run.path("pipeline").asString(""), run.path("runId").asString(""));
    if (!previous.pipeline.equals(json.get("pipeline").asString()) || !previous.runId.equals(json.get("runId").asString())) {
      throw new WorkflowException(file + " and " + Journal.FILE + " are of different runs; the run cannot be resumed");
    }
    run.path("arguments").properties().forEach(e -> previous.arguments.put(e.getKey(), e.getValue().asString()));
    previous.startedAt = Timestamps.parses(json.path("startedAt").asString("")) ? json.get("startedAt").asString() : null;
    for (JsonNode entry : entries.subList(1, entries.size())) {
      String id = entry.path("id").asString("");
      if (entry.path("task").isObject()) {
        previous.tasks.put(id, entry.get("task"));
        previous.processes.remove(id);
      } else if (entry.path("process").isObject()) {
        previous.processes.computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Process(entry.at("/process/pid").asLong(), entry.at("/process/start").asLong()));
      }
    }
    return previous;
  }

  /** run.json, whole: a JSON object with the run's pipeline, id, arguments and tasks. */
  private static JsonNode runJson(Path file) {
    String problem;
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      JsonNode json = Yaml.readJson(text);
      if (json == null || !json.isObject()) {
        problem = "it is not a JSON object";
      } else if (!json.path("pipeline").isString() || !json.path("runId").isString()) {
        problem = "it names no pipeline or run id";
      } else if (!json.path("arguments").isObject() || !json.path("tasks").isObject()) {
        problem = "it has no arguments or tasks";
      } else {
        return json;
      }
    } catch (CharacterCodingException e) {
      problem = "it is not UTF-8 text";
    } catch (JacksonException e) {
      problem = "it is not JSON: " + e.getOriginalMessage();
    } catch (IOException e) {
      problem = "cannot read it: " + FileErrors.why(file, e);
    }
    throw new WorkflowException(file + " is damaged (" + problem + "); the run cannot be resumed, run the pipeline again");
  }

  String pipeline() {
    return pipeline;
  }

  String runId() {
    return runId;
  }

  /** When the run first started ({@code run.json}'s {@code startedAt}), or null where its run.json says nothing of it. */
  String startedAt() {
    return startedAt;
  }

  Map<String, String> arguments() {
    return arguments;
  }

  /** The processes of tasks that were still running when the earlier attempt ended. */
  List<Process> processes() {
    List<Process> all = new ArrayList<>();
    processes.values().forEach(all::addAll);
    return all;
  }

  /** Task {@code id} as it finished well in the earlier attempt, or null. */
  JsonNode finished(String id) {
    JsonNode t = tasks.get(id);
    if (t == null) {
      return null;
    }
    String state = t.path("state").asString();
    return state.equals("Succeeded") || state.equals("Cached") ? t : null;
  }
}
