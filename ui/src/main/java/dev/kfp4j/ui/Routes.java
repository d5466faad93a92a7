package dev.kfp4j.ui;

import dev.kfp4j.graph.PipelineGraph;
import dev.kfp4j.local.WorkflowException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The UI's routes, over Jetty's core handler API (Jetty parses HTTP): the page and its script,
 * and a read-only JSON API over the runs folder, plus {@code POST /api/runs} to start a run.
 *
 * <p>Every request must name a loopback host in {@code Host} (a page elsewhere cannot reach the UI
 * through a DNS name bound to 127.0.0.1), a path with {@code ..} is refused, and files are served
 * only from inside a run's folder. Starting a run takes a JSON body from the UI's own origin, which
 * a form of another site cannot send.
 */
final class Routes extends Handler.Abstract {
  /** The end of a log shown when no offset is asked for. */
  static final int LOG_TAIL = 64 * 1024;
  /** Most of a log sent at once. */
  static final int LOG_CHUNK = 1024 * 1024;

  private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "frame-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** A run's files, such as HTML artifacts, are shown as pages of no origin: their scripts cannot reach the UI. */
  private static final String FILE_POLICY = "sandbox allow-scripts; frame-ancestors 'self'";

  private final RunsFolder runs;
  private final Pipelines pipelines;
  private final RunStarter starter;

  Routes(RunsFolder runs, Pipelines pipelines, RunStarter starter) {
    this.runs = runs;
    this.pipelines = pipelines;
    this.starter = starter;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Reply reply;
    try {
      reply = route(request);
    } catch (RuntimeException | IOException e) {
      reply = Reply.text(500, "kfp4j ui: " + e);
    }
    reply.send(response, callback);
    return true;
  }

  private Reply route(Request request) throws IOException {
    if (!loopback(request.getHeaders().get(HttpHeader.HOST))) {
      return Reply.text(403, "the kfp4j UI answers to 127.0.0.1, localhost and [::1] only");
    }
    String raw = request.getHttpURI().getPath();
    if (raw == null || Arrays.asList(raw.split("/", -1)).stream().anyMatch(s -> s.equals("..") || s.equalsIgnoreCase("%2e%2e"))) {
      return Reply.text(400, "'..' is not allowed in a path");
    }
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (method.equals("POST") && path.equals("/api/runs")) {
      return startRun(request);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Reply.text(405, "the kfp4j UI is read-only: GET only, and POST /api/runs to start a run");
    }
    if (path.equals("/")) {
      return resource("index.html", "text/html; charset=utf-8");
    }
    if (path.equals("/app.js")) {
      return resource("app.js", "text/javascript; charset=utf-8");
    }
    if (path.equals("/app.css")) {
      return resource("app.css", "text/css; charset=utf-8");
    }
    if (path.equals("/api/runs")) {
      return Reply.json(runs.runs());
    }
    if (path.equals("/api/pipelines")) {
      return Reply.json(pipelines.list());
    }
    List<String> parts = List.of(path.substring(1).split("/", -1));
    if (parts.size() >= 4 && parts.get(0).equals("api")) {
      Optional<Path> dir = runs.runDir(parts.get(2), parts.get(3));
      if (dir.isEmpty()) {
        return Reply.text(404, "no run '" + parts.get(3) + "' of pipeline '" + parts.get(2) + "' in " + runs.root());
      }
      String rest = String.join("/", parts.subList(4, parts.size()));
      Fields query = Request.extractQueryParameters(request);
      switch (parts.get(1)) {
        case "run":
          if (parts.size() != 4) {
            return notFound(path);
          }
          Optional<ObjectNode> record = runs.run(parts.get(2), parts.get(3));
          return record.isPresent() ? Reply.json(record.get())
              : Reply.text(404, "the run.json of run '" + parts.get(3) + "' of pipeline '" + parts.get(2) + "' is no run record "
                  + "(not JSON, or no pipeline and runId)");
        case "graph":
          return parts.size() == 4 ? graph(dir.get(), parts.get(2)) : notFound(path);
        case "log":
          return log(dir.get(), rest, query.getValue("offset"), query.getValue("end"));
        case "file":
          return file(dir.get(), rest, query.getValue("name"), query.getValue("type"), query.getValue("download") != null);
        case "view":
          return view(dir.get(), rest, query.getValue("name"), query.getValue("type"));
        default:
          return notFound(path);
      }
    }
    return notFound(path);
  }

  private static Reply notFound(String path) {
    return Reply.text(404, "nothing at " + path);
  }

  private Reply startRun(Request request) throws IOException {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      return Reply.text(415, "send the run as application/json: {\"pipeline\": NAME, \"arguments\": {NAME: VALUE}}");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && !origin.equals("http://" + request.getHeaders().get(HttpHeader.HOST))) {
      return Reply.text(403, "runs are started from the kfp4j UI's own page only");
    }
    JsonNode body;
    try {
      String text = Content.Source.asString(request, StandardCharsets.UTF_8);
      body = Yaml.json().readTree(text);
      String twice = keyGivenTwice(text);
      if (twice != null) {
        return Reply.text(400, "the run gives key '" + twice.substring(twice.lastIndexOf('/') + 1) + "' twice (at " + twice
            + "); give each key once");
      }
    } catch (JacksonException e) { // where, not Jackson's words, which quote what they could not read: an argument's value
      tools.jackson.core.TokenStreamLocation at = e.getLocation();
      return Reply.text(400, "the body is not JSON" + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr()
          + ", column " + at.getColumnNr() + ")") + "; send {\"pipeline\": NAME, \"arguments\": {NAME: VALUE}}");
    }
    String name = body.path("pipeline").asString("");
    Map<String, String> arguments = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> a : body.path("arguments").properties()) {
      arguments.put(a.getKey(), a.getValue().isString() ? a.getValue().asString() : a.getValue().toString());
    }
    Optional<dev.kfp4j.local.Workflow> workflow = pipelines.workflow(name);
    if (workflow.isEmpty()) {
      return Reply.text(404, "no compiled pipeline '" + name + "'; the pipelines are " + pipelines.names());
    }
    try {
      starter.start(workflow.get(), arguments);
    } catch (WorkflowException | IllegalArgumentException e) {
      return Reply.text(400, e.getMessage());
    }
    return Reply.json(Yaml.json().createObjectNode().put("started", name));
  }

  /**
   * The JSON pointer of the first key {@code json} gives twice in one object, else null: Jackson's
   * tree keeps the last value, which a run must not take in silence.
   */
  static String keyGivenTwice(String json) {
    try (JsonParser p = Yaml.json().createParser(json)) {
      Deque<Set<String>> objects = new ArrayDeque<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          objects.push(new HashSet<>());
        } else if (t == JsonToken.END_OBJECT) {
          objects.pop();
        } else if (t == JsonToken.PROPERTY_NAME && !objects.peek().add(p.currentName())) {
          return p.streamReadContext().pathAsPointer().toString();
        }
      }
    }
    return null;
  }

  private Reply graph(Path runDir, String pipeline) {
    Optional<Path> own = RunsFolder.file(runDir, LocalUi.WORKFLOW_FILE); // not a link out of the run's folder
    String yaml;
    String source;
    try {
      if (own.isPresent()) {
        yaml = Files.readString(own.get());
        source = own.get().toString();
      } else {
        Optional<String> compiled = pipelines.yaml(pipeline);
        if (compiled.isEmpty()) {
          return Reply.text(404, "no picture: the run folder has no " + LocalUi.WORKFLOW_FILE + " and no compiled pipeline '"
              + pipeline + "' is known (--classes)");
        }
        yaml = compiled.get();
        source = pipeline;
      }
      return new Reply(200, "image/svg+xml; charset=utf-8", PipelineGraph.svg(PipelineGraph.read(yaml, source))
          .getBytes(StandardCharsets.UTF_8), null);
    } catch (IOException | RuntimeException e) {
      return Reply.text(500, "cannot draw the pipeline: " + e.getMessage());
    }
  }

  /**
   * A piece of a task's log: from {@code offset} on, at most {@value #LOG_CHUNK} bytes (what a
   * running task wrote since); else the last {@value #LOG_TAIL} bytes before {@code end} (the
   * log's end when not given), so that a long log is shown from its end and earlier text on ask.
   * A piece read back from an end starts on a UTF-8 character. Headers: {@code X-Log-Start}, where
   * the piece starts; {@code X-Log-Offset}, where it ends. A task without a log (skipped, or not
   * started yet) gets an empty piece ending at 0.
   */
  private static Reply log(Path runDir, String folder, String offset, String end) throws IOException {
    Optional<Path> file = RunsFolder.plain(folder) ? RunsFolder.file(runDir, folder + "/log.txt") : Optional.empty();
    if (file.isEmpty()) {
      // no text at all (not Reply.text's line end): the page reads on while a piece brings bytes
      Reply none = new Reply(200, "text/plain; charset=utf-8", new byte[0], null);
      none.headers.put("X-Log-Offset", "0");
      return none;
    }
    try (RandomAccessFile f = new RandomAccessFile(file.get().toFile(), "r")) {
      long size = f.length();
      long from;
      long to;
      try {
        if (offset != null) {
          from = Math.min(position("offset", offset), size);
          to = Math.min(size, from + LOG_CHUNK);
        } else {
          to = end == null ? size : Math.min(position("end", end), size);
          from = characterStart(f, Math.max(0, to - LOG_TAIL), to);
        }
      } catch (IllegalArgumentException e) {
        return Reply.text(400, e.getMessage());
      }
      byte[] bytes = new byte[(int) (to - from)];
      f.seek(from);
      f.readFully(bytes);
      Reply r = new Reply(200, "text/plain; charset=utf-8", bytes, null);
      r.headers.put("X-Log-Start", Long.toString(from));
      r.headers.put("X-Log-Offset", Long.toString(to));
      return r;
    }
  }

  /** A byte position of the query: a whole number, 0 or more. */
  private static long position(String name, String value) {
    try {
      long p = Long.parseLong(value);
      if (p >= 0) {
        return p;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(name + " must be a number of bytes, not '" + value + "'");
  }

  /** {@code from}, or past the UTF-8 continuation bytes there (at most three, and not past {@code to}). */
  private static long characterStart(RandomAccessFile f, long from, long to) throws IOException {
    long at = from;
    if (at > 0) {
      f.seek(at);
      while (at < to && at < from + 3 && (f.read() & 0xC0) == 0x80) {
        at++;
      }
    }
    return at;
  }

  private static Reply file(Path runDir, String relative, String fileName, String artifactType, boolean download)
      throws IOException {
    Optional<Path> file = RunsFolder.file(runDir, relative);
    if (file.isEmpty()) {
      return Reply.text(404, "no file '" + relative + "' in the run folder");
    }
    String name = fileName != null && RunsFolder.plain(fileName) ? fileName : file.get().getFileName().toString();
    byte[] head = FileView.head(file.get());
    String type = download ? "application/octet-stream"
        : FileView.kind(name, artifactType, head) == FileView.Kind.html ? "text/html; charset=utf-8" : FileView.contentType(name, head);
    Reply r = new Reply(200, type, Files.readAllBytes(file.get()), FILE_POLICY);
    if (download) {
      r.headers.put("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }
    return r;
  }

  private static Reply view(Path runDir, String relative, String fileName, String artifactType) throws IOException {
    Optional<Path> file = RunsFolder.file(runDir, relative);
    if (file.isEmpty()) {
      return Reply.text(404, "no file '" + relative + "' in the run folder");
    }
    return Reply.json(FileView.of(file.get(), fileName == null || !RunsFolder.plain(fileName) ? null : fileName, artifactType));
  }

  private Reply resource(String name, String type) throws IOException {
    try (InputStream in = Routes.class.getResourceAsStream(name)) {
      if (in == null) {
        return Reply.text(500, "the UI's " + name + " is missing from its jar");
      }
      return new Reply(200, type, in.readAllBytes(), PAGE_POLICY);
    }
  }

  /** A {@code Host} header naming a loopback address: 127.0.0.1, localhost or [::1], with any port. */
  static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, Math.max(1, host.indexOf(']'))) : host.replaceFirst(":\\d+$", "");
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: only localhost, which no DNS answer can change
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** One response: status, media type, body, and the headers every response of the UI has. */
  static final class Reply {
    final int status;
    final String type;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    Reply(int status, String type, byte[] body, String policy) {
      this.status = status;
      this.type = type;
      this.body = body;
      headers.put("X-Content-Type-Options", "nosniff");
      headers.put("Referrer-Policy", "no-referrer");
      headers.put("Cache-Control", "no-store");
      headers.put("Content-Security-Policy", policy != null ? policy : "default-src 'none'; frame-ancestors 'none'");
    }

    static Reply text(int status, String text) {
      return new Reply(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    static Reply json(JsonNode node) {
      return new Reply(200, "application/json", Yaml.json().writeValueAsBytes(node), null);
    }

    void send(Response response, Callback callback) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      headers.forEach((k, v) -> response.getHeaders().put(k, v));
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }
}
