package dev.kfp4j.ui;

import dev.kfp4j.local.RunLock;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local runs folder as the UI reads it: {@code <root>/<pipeline>/<run-id>/run.json} and the
 * files beside it. Read-only. Every path it gives out is proven to stay inside a run's folder once
 * links are followed: names are single plain segments, and {@code ..} is refused.
 */
final class RunsFolder {
  static final String RUNNING = "Running";
  /** The state shown for a run, and its running tasks, whose runner was killed. */
  static final String INTERRUPTED = "Interrupted";
  /** The folder of the root that holds no runs: the cache. */
  private static final String CACHE = ".cache";
  /**
   * The folder of the root holding the claims' folders, among which the runs of a pipeline named {@code volumes} are: the
   * folders named as the runner names a run ({@code 20261205-051700-955-c6e1}), which no claim the runner names is.
   */
  private static final String CLAIMS = "volumes";
  private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9a-f]{4}");

  private final Path root;

  RunsFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** Every run, newest first: its pipeline, id, state, times, arguments and metrics. */
  ArrayNode runs() {
    List<ObjectNode> all = new ArrayList<>();
    for (Path pipeline : folders(root)) {
      String name = pipeline.getFileName().toString();
      if (name.equals(CACHE)) {
        continue;
      }
      for (Path run : folders(pipeline)) {
        if (!name.equals(CLAIMS) || RUN_ID.matcher(run.getFileName().toString()).matches()) {
          readRun(run).ifPresent(r -> all.add(summary(r)));
        }
      }
    }
    all.sort(Comparator.comparing((ObjectNode r) -> r.path("startedAt").asString("")).reversed()
        .thenComparing(r -> r.path("runId").asString("")));
    ArrayNode out = Yaml.json().createArrayNode();
    all.forEach(out::add);
    return out;
  }

  /** The run's record, each task with its folder, files and artifacts; empty when there is no such run. */
  Optional<ObjectNode> run(String pipeline, String runId) {
    Optional<Path> dir = runDir(pipeline, runId);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Optional<ObjectNode> record = readRun(dir.get());
    record.ifPresent(r -> {
      ArtifactHints hints = ArtifactHints.of(dir.get());
      for (Map.Entry<String, JsonNode> t : r.path("tasks").properties()) {
        if (t.getValue() instanceof ObjectNode task) {
          RunTasks.describe(dir.get(), t.getKey(), task, hints);
        }
      }
    });
    return record;
  }

  /**
   * The folder of a run, if {@code pipeline} and {@code runId} are plain names and it has a run.json (and is no claim's). The
   * pipeline's folder and the run's are folders of the root, not links, as {@link #runs} lists them: a link to a folder
   * elsewhere holding a run.json would serve that folder's files.
   */
  Optional<Path> runDir(String pipeline, String runId) {
    if (!plain(pipeline) || !plain(runId) || pipeline.equals(CLAIMS) && !RUN_ID.matcher(runId).matches()) {
      return Optional.empty(); // a claim's folder is no run
    }
    Path dir = root.resolve(pipeline).resolve(runId);
    return Files.isDirectory(dir.getParent(), LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(dir.resolve("run.json"), LinkOption.NOFOLLOW_LINKS) ? Optional.of(dir) : Optional.empty();
  }

  /**
   * The regular file at {@code relative} inside {@code runDir}, or empty: a path with an empty,
   * {@code .} or {@code ..} segment, a backslash or a NUL is refused, and so is one that leads
   * outside the run's folder through a link.
   */
  static Optional<Path> file(Path runDir, String relative) {
    if (relative == null || relative.isEmpty()) {
      return Optional.empty();
    }
    for (String segment : relative.split("/", -1)) {
      if (!plain(segment)) {
        return Optional.empty();
      }
    }
    Path f = runDir.resolve(relative).normalize();
    try {
      if (!f.startsWith(runDir) || !Files.isRegularFile(f) || !f.toRealPath().startsWith(runDir.toRealPath())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(f);
  }

  /** One plain path segment: not empty, not {@code .} or {@code ..}, no separator or NUL. */
  static boolean plain(String name) {
    return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
        && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
  }

  /**
   * The run's record; a run it calls {@value #RUNNING} whose runner is gone (killed: no runner holds
   * the folder's lock) is {@value #INTERRUPTED}, and so are its running tasks. The record is read
   * again after the lock is found free, as the run may have ended in between.
   */
  private static Optional<ObjectNode> readRun(Path dir) {
    Optional<ObjectNode> run = readRecord(dir);
    if (run.isEmpty() || !running(run.get()) || RunLock.isHeld(dir)) {
      return run;
    }
    run = readRecord(dir);
    run.filter(RunsFolder::running).ifPresent(r -> {
      r.put("state", INTERRUPTED);
      for (JsonNode task : r.path("tasks")) {
        if (task instanceof ObjectNode t && running(t)) {
          t.put("state", INTERRUPTED);
        }
      }
    });
    return run;
  }

  private static boolean running(JsonNode runOrTask) {
    return RUNNING.equals(runOrTask.path("state").asString(""));
  }

  private static Optional<ObjectNode> readRecord(Path dir) {
    try {
      JsonNode node = Yaml.json().readTree(Files.readString(dir.resolve("run.json")));
      if (node instanceof ObjectNode o && o.has("pipeline") && o.has("runId")) {
        return Optional.of(o);
      }
    } catch (IOException | JacksonException e) {
      // being replaced, or not a run: left out
    }
    return Optional.empty();
  }

  private static ObjectNode summary(ObjectNode run) {
    ObjectNode s = Yaml.json().createObjectNode();
    for (String k : List.of("pipeline", "runId", "state", "startedAt", "finishedAt")) {
      if (run.has(k)) {
        s.set(k, run.get(k));
      }
    }
    s.set("arguments", run.path("arguments").isObject() ? run.get("arguments") : Yaml.json().createObjectNode());
    ObjectNode metrics = s.putObject("metrics");
    for (Map.Entry<String, JsonNode> t : run.path("tasks").properties()) {
      String task = t.getValue().path("name").asString(t.getKey());
      for (Map.Entry<String, JsonNode> m : t.getValue().path("metrics").properties()) {
        if (m.getValue().isNumber()) {
          metrics.set(task + "." + m.getKey(), m.getValue());
        }
      }
    }
    return s;
  }

  private static List<Path> folders(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
          out.add(e);
        }
      }
    } catch (IOException e) {
      // unreadable: nothing to show
    }
    out.sort(null);
    return out;
  }
}
