package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * What a run did, as it goes. {@code run.json}, for people and tools: the run's state, arguments
 * and every task's state, attempts, times and outputs, and once it ended the pipeline's outputs, rewritten atomically (a temp file moved
 * into place) within {@link #FLUSH_MILLIS} of a change, or, once it is so large that writing it
 * takes longer than a twentieth of that, within twenty times its last writing's time: rewriting
 * it whole then costs at most about 5% of one core, however many tasks the run has, so a run's
 * time grows linearly with its tasks. Each task's part of it is written once per change to that task
 * and kept, not at every rewrite. And the {@link Journal}, for resuming:
 * the run (first line), each task process as it starts and each task as it finishes, appended at
 * once, so a crash loses nothing that finished.
 */
final class RunRecord {
  /** Longest a change waits before run.json is rewritten, while writing it takes less than a twentieth of this. */
  static final long FLUSH_MILLIS = 100;
  /** The wait between rewrites, in times the last rewrite took. */
  private static final long FLUSH_RATIO = 20;
  /** How deep a task's part of run.json is: inside the record and its tasks. */
  private static final int TASK_NESTING = 2;
  /** The state of a run whose runner was stopped before it ended, and of its tasks that were running then. */
  static final String INTERRUPTED = "Interrupted";

  private final Path file;
  private final Path runDir;
  private final Journal journal;
  private final ObjectNode root;
  private final ObjectNode tasks;
  private final ScheduledExecutorService flusher;
  /** Each task's part of run.json as last written, by task id; dropped when the task changes. */
  private final Map<String, String> written = new HashMap<>();
  private boolean dirty;
  private long lastSaveNanos;
  /** Whether the runner is being stopped ({@link #interrupted}): a task that starts now is interrupted at once. */
  private boolean interrupted;

  /** The record of a new run in {@code runDir}. */
  RunRecord(Path runDir, String pipeline, String runId, Map<String, String> arguments) {
    this(runDir, pipeline, runId, arguments, null);
  }

  /** A run's record; {@code startedAt}: when an earlier attempt started it (a resume), null for a new run, which starts now. */
  private RunRecord(Path runDir, String pipeline, String runId, Map<String, String> arguments, String startedAt) {
    boolean fresh = startedAt == null;
    this.file = runDir.resolve("run.json");
    this.runDir = runDir;
    this.journal = new Journal(runDir);
    root = Yaml.object();
    root.put("pipeline", pipeline);
    root.put("runId", runId);
    root.put("state", "Running");
    root.put("startedAt", fresh ? Timestamps.now() : startedAt);
    ObjectNode args = root.putObject("arguments");
    arguments.forEach(args::put);
    tasks = root.putObject("tasks");
    if (fresh) {
      ObjectNode run = Yaml.object();
      run.putObject("run").put("pipeline", pipeline).put("runId", runId).set("arguments", args.deepCopy());
      journal.append(run);
    }
    save();
    flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kfp4j-run-record");
      t.setDaemon(true);
      return t;
    });
    flusher.schedule(this::flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * When the run started (its first attempt's start, for a resumed run, as Argo's retry keeps a workflow's creation), to the
   * second, as Kubernetes writes an object's creation: {@code 2026-12-04T21:09:13Z}.
   */
  synchronized String createdAt() {
    String started = root.path("startedAt").asString();
    int dot = started.indexOf('.');
    return dot < 0 ? started : started.substring(0, dot) + "Z";
  }

  /**
   * The record of an earlier run, resumed in its folder: its journal goes on, and it keeps the time the run started (now, where
   * the earlier run.json says nothing of it).
   */
  static RunRecord resumed(Path runDir, PreviousRun previous, Map<String, String> arguments) {
    String started = previous.startedAt();
    return new RunRecord(runDir, previous.pipeline(), previous.runId(), arguments, started != null ? started : Timestamps.now());
  }

  private void flush() {
    long wait;
    synchronized (this) {
      if (dirty) {
        try {
          save();
        } catch (UncheckedIOException e) {
          // not written now (the disk is full, say): still dirty, tried again at the next flush, as done() tries at the end
        }
      }
      wait = Math.max(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS), FLUSH_RATIO * lastSaveNanos);
    }
    try {
      flusher.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException done) {
      // the run ended: done() wrote it last
    }
  }

  synchronized void running(String id, String name, int attempt) {
    ObjectNode t = changing(id);
    t.put("name", name);
    t.put("state", interrupted ? INTERRUPTED : "Running");
    t.put("attempts", attempt);
    if (!t.has("startedAt")) {
      t.put("startedAt", Timestamps.now());
    }
  }

  /** Task {@code id} started process {@code p}: journaled, so a resume can stop it if it outlived the runner. */
  void process(String id, ProcessHandle p) {
    ObjectNode entry = Yaml.object();
    entry.put("id", id);
    entry.putObject("process").put("pid", p.pid()).put("start", ProcessGroups.startMillis(p));
    journal.append(entry);
    synchronized (this) {
      changing(id).put("pid", p.pid());
    }
  }

  /** Task {@code id} ran in a container of {@code image}, whose id is {@code imageId} (null if unknown): in run.json with the task. */
  synchronized void container(String id, String image, String imageId) {
    ObjectNode t = changing(id);
    t.put("image", image);
    if (imageId != null) {
      t.put("imageId", imageId);
    }
  }

  /** Task {@code id}'s entry, about to change: run.json is rewritten with it written again. */
  private ObjectNode changing(String id) {
    written.remove(id);
    dirty = true;
    return tasks.withObject(id);
  }

  /** A task finished: in run.json, and journaled at once. */
  void finished(TaskResult r) {
    ObjectNode entry = Yaml.object();
    entry.put("id", r.id());
    synchronized (this) {
      entry.set("task", put(r).deepCopy());
    }
    journal.append(entry);
  }

  /** A task that finished in an earlier attempt at this run: in run.json; the journal has it. */
  synchronized void restored(TaskResult r) {
    put(r);
  }

  private ObjectNode put(TaskResult r) {
    ObjectNode t = changing(r.id());
    t.put("name", r.name());
    if (!r.label().equals(r.id())) {
      t.put("label", r.label());
    }
    t.put("template", r.template());
    t.put("state", r.state().name());
    t.put("attempts", r.attempts());
    t.put("exitCode", r.exitCode());
    t.put("finishedAt", Timestamps.now());
    t.put("millis", r.millis());
    if (r.message() != null) {
      t.put("message", r.message());
    }
    ObjectNode outputs = t.putObject("outputs");
    r.outputs().forEach(outputs::put);
    ObjectNode artifacts = t.putObject("artifacts");
    r.artifacts().forEach((k, v) -> {
      OutputArtifact a = r.outputArtifacts().get(k);
      ObjectNode o = artifacts.putObject(k);
      o.put("type", a == null ? "system.Artifact" : a.type());
      o.put("path", relative(v));
      o.put("uri", a == null ? ArtifactReader.uri(v) : a.uri());
      o.set("metadata", Yaml.toTree(a == null ? Map.of() : a.metadata()));
    });
    if (!r.metrics().isEmpty()) {
      ObjectNode metrics = t.putObject("metrics");
      r.metrics().forEach(metrics::put);
    }
    if (!r.visualizations().isEmpty()) {
      t.putArray("visualizations").addAll(r.visualizations());
    }
    if (!r.command().isEmpty()) {
      ArrayNode command = t.putArray("command");
      r.command().forEach(command::add);
    }
    return t;
  }

  /** {@code path} relative to the run's folder, with {@code /} between names, when it is inside. */
  private String relative(Path path) {
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(runDir.toAbsolutePath().normalize())
        ? runDir.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/') : p.toString();
  }

  Path runDir() {
    return runDir;
  }

  /**
   * The run ended: its state ({@link RunResult#state()}), and the pipeline's own outputs ({@link RunResult#outputs()}: KFP 2's
   * pipeline outputs) by name in name order, {@code {}} for none, so that every finished run's record has them in the same place.
   */
  synchronized void done(TaskResult.State state, Map<String, String> outputs) {
    root.put("state", state.name());
    root.put("finishedAt", Timestamps.now());
    ObjectNode given = root.putObject("outputs");
    new java.util.TreeMap<>(outputs).forEach(given::put);
    flusher.shutdownNow();
    save();
  }

  /**
   * The runner is being stopped before the run ended (Ctrl-C, a kill that lets the JVM end): the run, and each task running
   * now, is written {@value #INTERRUPTED}, as the local UI shows a run whose runner was killed, not Running for ever; the
   * journal is left as it is, so {@code --resume} runs those tasks again. A task that ends after this is recorded as it ends.
   */
  synchronized void interrupted() {
    if (root.has("finishedAt")) {
      return; // it ended first
    }
    interrupted = true;
    root.put("state", INTERRUPTED);
    for (Map.Entry<String, JsonNode> t : tasks.properties()) {
      if (t.getValue().path("state").asString("").equals("Running")) {
        changing(t.getKey()).put("state", INTERRUPTED);
      }
    }
    save();
  }

  private void save() {
    long start = System.nanoTime();
    try {
      WholeFiles.write(file, text()); // a killed runner's staged file is swept by a resume
      dirty = false;
      lastSaveNanos = System.nanoTime() - start;
    } catch (IOException e) {
      // a write's own error (a full disk) names no file, the move's the staged one: said as run.json's, with the system's reason
      throw FileErrors.unwritten(file, e);
    }
  }

  /**
   * run.json's text, as Jackson's pretty printer writes the record, with each task's part as last
   * written: the record with its tasks as raw values of that text.
   */
  private String text() {
    ObjectNode shown = Yaml.object();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      shown.set(e.getKey(), e.getValue() != tasks ? e.getValue() : writtenTasks());
    }
    return Yaml.prettyJsonText(shown);
  }

  /** The tasks, each as the raw text of its part of run.json, at its depth there, written when it changed. */
  private ObjectNode writtenTasks() {
    ObjectNode out = Yaml.object();
    for (Map.Entry<String, JsonNode> t : tasks.properties()) {
      out.putRawValue(t.getKey(), new RawValue(written.computeIfAbsent(t.getKey(), id -> {
        StringBuilder task = new StringBuilder();
        Yaml.appendPrettyJson(t.getValue(), TASK_NESTING, task);
        return task.toString();
      })));
    }
    return out;
  }
}
