package dev.kfp4j.ui;

import dev.kfp4j.format.argo.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the UI adds to a task of run.json: its folder, the files in it, and its artifacts as one
 * list whatever form run.json gives them in (today's runner: {@code name: absolute path}; the
 * run-record contract: {@code name: {type, path relative to the run folder, uri, metadata}}).
 */
final class RunTasks {
  /** Files listed per task at most. */
  static final int MAX_FILES = 500;

  private RunTasks() {}

  static void describe(Path runDir, String id, ObjectNode task, ArtifactHints hints) {
    String folder = folder(id);
    task.put("folder", folder);
    task.put("cached", "Cached".equals(task.path("state").asString("")));
    ArrayNode files = task.putArray("files");
    Path dir = runDir.resolve(folder);
    if (RunsFolder.plain(folder) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.filter(Files::isRegularFile).map(f -> runDir.relativize(f).toString().replace('\\', '/')).sorted()
            .limit(MAX_FILES).forEach(files::add);
      } catch (IOException | RuntimeException e) {
        // changing while the task runs: listed next time
      }
    }
    for (JsonNode v : task.path("visualizations")) {
      if (v instanceof ObjectNode o && "markdown".equals(o.path("type").asString("")) && o.path("source").isString()
          && "inline".equals(o.path("storage").asString("inline"))) {
        o.put("html", FileView.markdown(o.get("source").asString()));
      }
    }
    ArrayNode artifacts = task.putArray("artifactList");
    for (Map.Entry<String, JsonNode> a : task.path("artifacts").properties()) {
      ObjectNode out = artifacts.addObject();
      out.put("name", a.getKey());
      JsonNode v = a.getValue();
      String path = v.isString() ? v.asString() : v.path("path").asString("");
      String relative = relative(runDir, path);
      if (relative != null) {
        out.put("path", relative);
      }
      OutputFiles.OutputFile hint = hints.of(task.path("template").asString(""), a.getKey());
      if (hint.fileName() != null) {
        out.put("fileName", hint.fileName());
      }
      if (hint.type() != null) {
        out.put("type", hint.type());
      }
      if (v.isObject()) {
        for (String k : List.of("type", "uri", "metadata")) {
          if (v.has(k)) {
            out.set(k, v.get(k));
          }
        }
      }
    }
  }

  /** The run folder's name of a task: as the runner names it, each run of other characters than {@code A-Za-z0-9._()-} as {@code _}. */
  static String folder(String taskId) {
    return taskId.replaceAll("[^A-Za-z0-9._()-]+", "_");
  }

  /** {@code path} relative to the run folder when it is inside it (an absolute path, or one relative to it), else null. */
  private static String relative(Path runDir, String path) {
    if (path.isEmpty()) {
      return null;
    }
    Path p;
    try {
      p = Path.of(path);
    } catch (RuntimeException e) {
      return null;
    }
    Path abs = (p.isAbsolute() ? p : runDir.resolve(p)).normalize();
    if (!abs.startsWith(runDir) || abs.equals(runDir)) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    runDir.relativize(abs).forEach(s -> segments.add(s.toString()));
    return String.join("/", segments);
  }
}
