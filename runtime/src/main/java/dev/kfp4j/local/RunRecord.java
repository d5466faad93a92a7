package dev.kfp4j.local;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code run.json}: the run's state, arguments and every task's state, attempts, times and
 * outputs. Rewritten atomically (a temp file moved into place) at each change, so a crash loses
 * nothing that finished.
 */
final class RunRecord {
  /** Longest a change waits before it is written; a crash loses at most this much. */
  static final long FLUSH_MILLIS = 100;

  private final Path file;
  /** One JSON line per finished task, appended at once: what a crash before the next flush keeps. */
  private final Path journal;
  private final ObjectNode root;
  private final ObjectNode tasks;
  private boolean dirty;
  private java.util.concurrent.ScheduledExecutorService flusher;

  RunRecord(Path runDir, String pipeline, String runId, Map<String, String> arguments) {
    this.file = runDir.resolve("run.json");
    this.journal = runDir.resolve("journal.jsonl");
    root = Yaml.json().createObjectNode();
    root.put("pipeline", pipeline);
    root.put("runId", runId);
    root.put("state", "Running");
    root.put("startedAt", Instant.now().toString());
    ObjectNode args = root.putObject("arguments");
    arguments.forEach(args::put);
    tasks = root.putObject("tasks");
    save();
    startFlusher();
  }

  /** Writes pending changes every {@link #FLUSH_MILLIS}, so large runs do not rewrite the record per task. */
  private void startFlusher() {
    flusher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kfp4j-run-record");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private synchronized void flush() {
    if (dirty) {
      save();
    }
  }

  private RunRecord(Path file, ObjectNode root) {
    this.file = file;
    this.journal = file.resolveSibling("journal.jsonl");
    this.root = root;
    this.tasks = (ObjectNode) root.get("tasks");
  }

  static RunRecord load(Path runDir) {
    Path file = runDir.resolve("run.json");
    if (!Files.isRegularFile(file)) {
      throw new WorkflowException(runDir + " is not a run folder: it has no run.json");
    }
    RunRecord record = new RunRecord(file, (ObjectNode) Yaml.json().readTree(file.toFile()));
    // Tasks that finished after the last flush of run.json are in the journal.
    Path journal = runDir.resolve("journal.jsonl");
    if (Files.exists(journal)) {
      try {
        for (String line : Files.readAllLines(journal)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode entry;
          try {
            entry = Yaml.json().readTree(line);
          } catch (RuntimeException torn) {
            continue; // a line cut short by the crash
          }
          record.tasks.set(entry.path("id").asString(), entry.get("task"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return record;
  }

  String pipeline() {
    return root.path("pipeline").asString();
  }

  String runId() {
    return root.path("runId").asString();
  }

  Map<String, String> arguments() {
    Map<String, String> out = new LinkedHashMap<>();
    root.path("arguments").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    return out;
  }

  /** A task that finished well in an earlier attempt at this run, or null. */
  synchronized JsonNode finished(String id) {
    JsonNode t = tasks.get(id);
    if (t == null) {
      return null;
    }
    String state = t.path("state").asString();
    return state.equals("Succeeded") || state.equals("Cached") ? t : null;
  }

  synchronized void running(String id, String name, int attempt) {
    ObjectNode t = tasks.withObject(id);
    t.put("name", name);
    t.put("state", "Running");
    t.put("attempts", attempt);
    if (!t.has("startedAt")) {
      t.put("startedAt", Instant.now().toString());
    }
    dirty = true;
  }

  synchronized void finished(TaskResult r) {
    ObjectNode t = tasks.withObject(r.id());
    t.put("name", r.name());
    t.put("template", r.template());
    t.put("state", r.state().name());
    t.put("attempts", r.attempts());
    t.put("exitCode", r.exitCode());
    t.put("finishedAt", Instant.now().toString());
    t.put("millis", r.millis());
    if (r.message() != null) {
      t.put("message", r.message());
    }
    ObjectNode outputs = t.putObject("outputs");
    r.outputs().forEach(outputs::put);
    ObjectNode artifacts = t.putObject("artifacts");
    r.artifacts().forEach((k, v) -> artifacts.put(k, v.toString()));
    if (!r.command().isEmpty()) {
      tools.jackson.databind.node.ArrayNode command = t.putArray("command");
      r.command().forEach(command::add);
    }
    dirty = true;
    ObjectNode entry = Yaml.json().createObjectNode();
    entry.put("id", r.id());
    entry.set("task", t);
    try {
      Files.writeString(journal, Yaml.json().writeValueAsString(entry) + "\n", java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + journal, e);
    }
  }

  synchronized void done(boolean succeeded) {
    root.put("state", succeeded ? "Succeeded" : "Failed");
    root.put("finishedAt", Instant.now().toString());
    save();
    if (flusher != null) {
      flusher.shutdownNow();
    }
  }

  private void save() {
    try {
      Path temp = Files.createTempFile(file.getParent(), ".run", ".json");
      Files.writeString(temp, Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
