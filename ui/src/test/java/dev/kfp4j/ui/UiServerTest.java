package dev.kfp4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.UiLink;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The UI over raw HTTP: its guards (a browser would not send these requests): loopback only, no
 * file outside a run's folder, no run started by another site; and what it tells of runs and logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiServerTest {
  private Path dir;
  private Path root;
  private LocalUi ui;
  private RunResult run;

  @BeforeAll
  void start() throws IOException {
    dir = TestRuns.fresh("ui-server");
    root = dir.resolve("runs");
    run = TestRuns.run(root, TestRuns.example("add-example"), Map.of("value1", "3", "value2", "4"));
    Files.writeString(dir.resolve("secret.txt"), "not for the UI");
    Files.writeString(root.resolve("secret.txt"), "not for the UI either");
    ui = LocalUi.builder().root(root).port(0).pipelines(TestRuns.classes(dir.resolve("classes"), "add-example", "control-flow", "greet")).build()
        .start();
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void refusesToServeOnAnythingButLoopback() {
    for (String host : List.of("0.0.0.0", "::", "192.168.1.10", "example.com")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalUi.builder().host(host));
      assertTrue(e.getMessage().contains("loopback") || e.getMessage().contains("unknown host"), e.getMessage());
    }
    LocalUi.builder().host("localhost").host("::1").host("127.0.0.1");
  }

  @Test
  void servesARunsFiles() throws IOException {
    String base = "/api/file/add-example/" + run.runId() + "/";
    Response r = get(base + "add/log.txt", "127.0.0.1");
    assertEquals(200, r.status, r.body);
    assertTrue(r.head.contains("X-Content-Type-Options: nosniff"), r.head);
    Response json = get("/api/run/add-example/" + run.runId(), "localhost:1");
    assertEquals(200, json.status);
    assertTrue(json.body.contains("\"multiply\""), json.body);
  }

  @Test
  void refusesPathsOutsideARunFolder() throws IOException {
    String base = "/api/file/add-example/" + run.runId() + "/";
    for (String path : List.of(base + "../../secret.txt", base + "../../../secret.txt", base + "%2e%2e/%2e%2e/secret.txt",
        base + "..%2f..%2fsecret.txt", "/api/file/add-example/..%2f/secret.txt", "/api/file/../secret.txt",
        "/api/log/add-example/" + run.runId() + "/..")) {
      Response r = get(path, "127.0.0.1");
      assertTrue(r.status == 400 || r.status == 404, path + " gave " + r.status + ": " + r.body);
      assertFalse(r.body.contains("not for the UI"), path);
    }
    Path link = run.runDir().resolve("add").resolve("link.txt");
    Files.createSymbolicLink(link, dir.resolve("secret.txt"));
    Response r = get(base + "add/link.txt", "127.0.0.1");
    assertEquals(404, r.status);
    assertFalse(r.body.contains("not for the UI"));
  }

  /** Other ways of writing a path out of a run's folder: each encoding of '..', '/' and '\\', NUL, an absolute path. */
  @Test
  void noSpellingOfAPathLeadsOutOfARunFolder() throws IOException {
    String run0 = "add-example/" + run.runId();
    for (String path : List.of("/api/file/" + run0 + "/.%2e/.%2e/secret.txt", "/api/file/" + run0 + "/%2e./%2e./secret.txt",
        "/api/file/" + run0 + "/%2E%2E/%2E%2E/secret.txt", "/api/file/" + run0 + "/..%5c..%5csecret.txt",
        "/api/file/" + run0 + "/add%2f..%2f..%2f..%2fsecret.txt", "/api/file/" + run0 + "/" + dir.resolve("secret.txt"),
        "/api/file/" + run0 + "//" + dir.resolve("secret.txt"), "/api/file/" + run0 + "/%00/../../secret.txt",
        "/api/file/" + run0 + "/add/log.txt/../../../secret.txt", "/api/file/add-example/%2e%2e/secret.txt",
        "/api/view/" + run0 + "/..%2f..%2fsecret.txt", "/api/view/" + run0 + "/%2e%2e/%2e%2e/secret.txt",
        "/api/log/" + run0 + "/..%2f..%2f..", "/api/run/add-example/..%2f..", "/api/graph/%2e%2e/" + run.runId())) {
      Response r = get(path, "127.0.0.1");
      assertTrue(r.status == 400 || r.status == 404, path + " gave " + r.status + ": " + r.body);
      assertFalse(r.body.contains("not for the UI"), path);
    }
  }

  /** Markdown from a component or a metric is rendered with its raw HTML as text and no link that runs script. */
  @Test
  void markdownRunsNoScript() {
    String html = FileView.markdown("[click](javascript:alert(1)) [data](vbscript:x) <img src=x onerror=alert(1)>\n\n<script>alert(2)</script>");
    assertFalse(html.contains("javascript:") || html.contains("vbscript:") || html.contains("<img") || html.contains("<script"), html);
    assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), html);
  }

  /** A run's HTML file is served as a page of no origin (sandboxed), never sniffed; a download is an attachment. */
  @Test
  void aRunsHtmlFileIsServedSandboxedAndADownloadAsAnAttachment() throws IOException {
    Files.writeString(run.runDir().resolve("add/report.html"), "<script>fetch('/api/runs')</script>");
    String file = "/api/file/add-example/" + run.runId() + "/add/report.html";
    Response page = get(file, "127.0.0.1");
    assertEquals(200, page.status);
    assertTrue(page.head.contains("Content-Security-Policy: sandbox allow-scripts; frame-ancestors 'self'"), page.head);
    assertTrue(page.head.contains("X-Content-Type-Options: nosniff"), page.head);
    Response download = get(file + "?download", "127.0.0.1");
    assertTrue(download.head.contains("Content-Type: application/octet-stream"), download.head);
    assertTrue(download.head.contains("Content-Disposition: attachment; filename=\"report.html\""), download.head);
  }

  /**
   * A link in the runs folder, as a run's folder or a pipeline's, to a folder elsewhere holding a
   * run.json is no run: nothing of that folder is served (it was: its files, its record). A run's
   * workflow.json linked out is not read: the run is drawn from the compiled pipeline.
   */
  @Test
  void aLinkToAFolderOutsideTheRunsFolderIsNoRun() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/linked"));
    Files.copy(run.runDir().resolve("run.json"), elsewhere.resolve("run.json"));
    Files.writeString(elsewhere.resolve("secret.txt"), "not for the UI, through a link");
    Files.createSymbolicLink(root.resolve("add-example/linked"), elsewhere);
    Files.createSymbolicLink(root.resolve("linked-pipeline"), elsewhere.getParent());
    for (String path : List.of("/api/file/add-example/linked/secret.txt", "/api/view/add-example/linked/secret.txt",
        "/api/run/add-example/linked", "/api/file/linked-pipeline/linked/secret.txt", "/api/run/linked-pipeline/linked")) {
      Response r = get(path, "127.0.0.1");
      assertEquals(404, r.status, path + ": " + r.body);
      assertFalse(r.body.contains("not for the UI") || r.body.contains(run.runId()), path + ": " + r.body);
    }
    Path copy = Files.createDirectories(root.resolve("add-example/workflow-linked-out"));
    Files.copy(run.runDir().resolve("run.json"), copy.resolve("run.json"));
    Files.writeString(dir.resolve("workflow-secret.json"), "{\"not for the UI\": [");
    Files.createSymbolicLink(copy.resolve(LocalUi.WORKFLOW_FILE), dir.resolve("workflow-secret.json"));
    Response graph = get("/api/graph/add-example/workflow-linked-out", "127.0.0.1");
    assertEquals(200, graph.status, graph.body);
    assertTrue(graph.body.contains(">multiply<"), graph.body);
  }

  /** A run folder whose run.json is no run record (not JSON, or not a run's) is not found, as the list leaves it out; not a 500. */
  @Test
  void aRunJsonThatIsNoRecordIsNotFound() throws IOException {
    for (String json : List.of("{not json", "{\"state\": \"Succeeded\"}", "")) {
      Path folder = Files.createDirectories(root.resolve("add-example/no-record-" + json.length()));
      Files.writeString(folder.resolve("run.json"), json);
      Response r = get("/api/run/add-example/" + folder.getFileName(), "127.0.0.1");
      assertEquals(404, r.status, json + ": " + r.body);
      assertTrue(r.body.contains("is no run record"), r.body);
    }
  }

  @Test
  void answersLoopbackHostsOnly() throws IOException {
    // a page of another site, through a name of its own bound to 127.0.0.1, is refused
    assertEquals(403, get("/api/runs", "attacker.example:8765").status);
    assertEquals(403, get("/api/runs", "10.0.0.1").status);
    for (String rebound : List.of("127.0.0.1.nip.io:8765", "localhost.attacker.example", "localhost.", "[::1].example", "")) {
      int status = get("/api/runs", rebound).status;
      assertTrue(status == 403 || status == 400, rebound + " gave " + status);
    }
    assertEquals(200, get("/api/runs", "[::1]:8765").status);
  }

  @Test
  void startsRunsOnlyFromItsOwnPageWithJson() throws IOException {
    String body = "{\"pipeline\": \"add-example\", \"arguments\": {\"value1\": \"1\", \"value2\": \"2\"}}";
    assertEquals(415, post("text/plain", null, body).status); // what a form of another site can send
    assertEquals(403, post("application/json", "http://attacker.example", body).status);
    Response bad = post("application/json", null, "{\"pipeline\": \"add-example\", \"arguments\": {\"value1\": \"x\"}}");
    assertEquals(400, bad.status);
    // a value left out is said in the form's words: kfp4j run's -a name=value is nothing to write there
    Response missing = post("application/json", null, "{\"pipeline\": \"greet\", \"arguments\": {\"greeting\": \"hi\"}}");
    assertEquals(400, missing.status);
    assertTrue(missing.body.contains("needs a value for [name] (they have no default); pass a value in its field of the form"),
        missing.body);
    Response unknown = post("application/json", null, "{\"pipeline\": \"nope\"}");
    assertEquals(404, unknown.status);
    assertTrue(unknown.body.contains("[add-example, control-flow, greet]"), unknown.body);
    assertEquals(405, request("DELETE /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").status);
  }

  /**
   * A body that is not JSON is refused saying where, not quoting it: Jackson's "Unrecognized token 'hunter2'" gave back a value of
   * the run's arguments.
   */
  @Test
  void aRunThatIsNotJsonIsRefusedWithoutQuotingIt() throws IOException {
    Response r = post("application/json", null, "{\"pipeline\": \"add-example\", \"arguments\": {\"value1\": hunter2}}");
    assertEquals(400, r.status, r.body);
    assertEquals("the body is not JSON (line 1, column 53); send {\"pipeline\": NAME, \"arguments\": {NAME: VALUE}}", r.body.strip());
  }

  /** A key given twice in a run's JSON is refused, not read as its last value, and the message names it. */
  @Test
  void aRunGivingAKeyTwiceIsRefused() throws IOException {
    Response argument = post("application/json", null,
        "{\"pipeline\": \"add-example\", \"arguments\": {\"value1\": \"5\", \"value2\": \"2\", \"value1\": \"1\"}}");
    assertEquals(400, argument.status, argument.body);
    assertEquals("the run gives key 'value1' twice (at /arguments/value1); give each key once", argument.body.strip());
    Response pipeline = post("application/json", null, "{\"pipeline\": \"nope\", \"pipeline\": \"add-example\"}");
    assertEquals(400, pipeline.status, pipeline.body);
    assertEquals("the run gives key 'pipeline' twice (at /pipeline); give each key once", pipeline.body.strip());
  }

  /** The form offers the pipelines of either format, and starts one compiled for KFP 2 only from its spec. */
  @Test
  void offersAndStartsThePipelinesOfEitherFormat() throws Exception {
    String offered = get("/api/pipelines", "127.0.0.1").body;
    assertTrue(offered.contains("{\"name\":\"add-example\",\"parameters\":[{\"name\":\"value1\""), offered);
    assertTrue(offered.contains("{\"name\":\"control-flow\",\"parameters\":[{\"name\":\"numbers\""), offered);
    Path runs = root.resolve("control-flow");
    Set<Path> before = new HashSet<>();
    if (Files.isDirectory(runs)) {
      try (Stream<Path> earlier = Files.list(runs)) {
        earlier.forEach(before::add);
      }
    }
    Response started = post("application/json", null, "{\"pipeline\": \"control-flow\", \"arguments\": {}}");
    assertEquals(200, started.status, started.body);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode record = Yaml.json().createObjectNode();
    while (!record.path("state").asString("").equals("Succeeded") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      try (Stream<Path> now = Files.list(runs)) {
        Optional<Path> run = now.filter(r -> !before.contains(r)).findFirst();
        if (run.isPresent() && Files.exists(run.get().resolve("run.json"))) {
          record = Yaml.json().readTree(Files.readString(run.get().resolve("run.json"))); // written whole, then moved in
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // not made yet
      }
    }
    assertEquals("Succeeded", record.path("state").asString(""), record.toString());
    assertEquals("14", record.at("/tasks/sum/outputs/Output").asString(""), "the sum of the squares of 1, 2 and 3: " + record);
  }

  /**
   * Each run is drawn from the pipeline its folder keeps: an Argo workflow, and KFP 2 specs (one
   * compiled for KFP 2 only, one with a platform document, whose volume mount the picture shows).
   */
  @Test
  void drawsTheRunsOfArgoWorkflowsAndOfKfp2Specs() throws IOException {
    RunResult controlFlow = TestRuns.run(root, TestRuns.workflow("META-INF/kfp4j/kfp2/pipelines/control-flow.yaml"), Map.of());
    RunResult volume = TestRuns.run(root, TestRuns.workflow("META-INF/kfp4j/kfp2/pipelines/volume.yaml"), Map.of());
    for (RunResult r : List.of(run, controlFlow, volume)) {
      assertTrue(r.succeeded(), r.runDir().toString());
      Response graph = get("/api/graph/" + r.runDir().getParent().getFileName() + "/" + r.runId(), "127.0.0.1");
      assertEquals(200, graph.status, graph.body);
      assertTrue(graph.head.contains("Content-Type: image/svg+xml"), graph.head);
      assertTrue(graph.body.startsWith("<svg") || graph.body.startsWith("<?xml"), graph.body);
    }
    assertTrue(get("/api/graph/control-flow/" + controlFlow.runId(), "127.0.0.1").body.contains(">sum<"), "its steps");
    assertTrue(get("/api/graph/volume/" + volume.runId(), "127.0.0.1").body.contains("mounts my-pvc at /mnt"), "its platform document's mount");
  }

  /**
   * A pipeline named {@code volumes} keeps its runs among the claims' folders ({@code <root>/volumes/}): the UI lists them, as
   * it did not, and not a claim's folder, even one holding a run.json a task wrote there.
   */
  @Test
  void theRunsOfAPipelineNamedVolumesAreListedAndTheClaimsAreNot() throws IOException {
    String yaml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/kfp4j/kfp2/pipelines/add-example.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("name: add-example\n", "name: volumes\n");
    }
    RunResult volumes = TestRuns.run(root, dev.kfp4j.local.Workflow.parse(yaml, "volumes.yaml"), Map.of("value1", "1", "value2", "2"));
    assertTrue(volumes.succeeded(), volumes.tasks().toString());
    assertEquals(root.resolve("volumes").resolve(volumes.runId()), volumes.runDir());
    Path claim = Files.createDirectories(root.resolve("volumes/volumes-" + volumes.runId() + "-data"));
    Files.copy(volumes.runDir().resolve("run.json"), claim.resolve("run.json"));
    JsonNode runs = Yaml.json().readTree(get("/api/runs", "127.0.0.1").body);
    List<String> listed = runs.valueStream().filter(r -> r.path("pipeline").asString().equals("volumes"))
        .map(r -> r.path("runId").asString()).toList();
    assertEquals(List.of(volumes.runId()), listed);
    assertEquals(200, get("/api/run/volumes/" + volumes.runId(), "127.0.0.1").status);
    assertEquals(404, get("/api/run/volumes/" + claim.getFileName(), "127.0.0.1").status, "a claim's folder is no run");
  }

  /** A runner killed while multiply ran leaves run.json saying Running: the UI shows the run, and that task, Interrupted. */
  @Test
  void aRunWhoseRunnerWasKilledIsInterruptedNotRunning() throws IOException {
    TestRuns.killedCopy(run, "killed", "multiply");
    String runs = get("/api/runs", "127.0.0.1").body;
    assertTrue(runs.contains("\"runId\":\"killed\",\"state\":\"Interrupted\""), runs);
    JsonNode killed = Yaml.json().readTree(get("/api/run/add-example/killed", "127.0.0.1").body);
    assertEquals("Interrupted", killed.path("state").asString());
    assertEquals("Interrupted", killed.at("/tasks/multiply/state").asString());
    assertEquals("Succeeded", killed.at("/tasks/add/state").asString());
  }

  /** A run going on in this JVM holds its lock: asking about it leaves it Running, and the run ends as it would. */
  @Test
  void aRunInProgressStaysRunningAndEnds() throws Exception {
    Path release = dir.resolve("release-" + System.nanoTime());
    CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
        () -> TestRuns.run(root, TestRuns.workflow("dev/kfp4j/ui/ui-wait.yaml"), Map.of("release", release.toString())));
    try {
      Path runJson = runJson(root.resolve("ui-wait"));
      while (runJson == null && !running.isDone()) {
        Thread.sleep(20);
        runJson = runJson(root.resolve("ui-wait"));
      }
      assertTrue(runJson != null, "the run started");
      String id = runJson.getParent().getFileName().toString();
      for (int i = 0; i < 3; i++) {
        JsonNode shown = Yaml.json().readTree(get("/api/run/ui-wait/" + id, "127.0.0.1").body);
        assertEquals("Running", shown.path("state").asString(), shown.toString());
      }
    } finally {
      Files.writeString(release, "go");
    }
    assertTrue(running.get().succeeded());
  }

  private static Path runJson(Path pipeline) throws IOException {
    if (!Files.isDirectory(pipeline)) {
      return null;
    }
    try (Stream<Path> runs = Files.list(pipeline)) {
      return runs.map(r -> r.resolve("run.json")).filter(Files::exists).findFirst().orElse(null);
    }
  }

  /**
   * A long log is sent from its end, 64 KiB, and the text before it a piece at a time on ask; each
   * piece starts on a character, so the pieces put together are the log (here of 3-byte '€'s,
   * whose 64 KiB from the end starts inside one).
   */
  @Test
  void aLongLogIsSentFromItsEndAndEarlierTextOnAsk() throws IOException {
    Path copy = TestRuns.copy(run, "long-log");
    String text = TestRuns.longLog(8000);
    byte[] log = text.getBytes(StandardCharsets.UTF_8);
    Files.write(copy.resolve("add/log.txt"), log);
    String url = "/api/log/add-example/long-log/add";
    Response tail = get(url, "127.0.0.1");
    long start = Long.parseLong(header(tail, "X-Log-Start"));
    assertTrue(start > 0 && log.length - start <= Routes.LOG_TAIL && log.length - start > Routes.LOG_TAIL - 3, tail.head);
    assertEquals(Long.toString(log.length), header(tail, "X-Log-Offset"));
    String shown = tail.body;
    while (start > 0) {
      Response earlier = get(url + "?end=" + start, "127.0.0.1");
      assertEquals(Long.toString(start), header(earlier, "X-Log-Offset"));
      assertFalse(earlier.body.contains("\uFFFD"), "a piece starts on a character");
      start = Long.parseLong(header(earlier, "X-Log-Start"));
      shown = earlier.body + shown;
    }
    assertEquals(text, shown);
    assertEquals(400, get(url + "?end=-1", "127.0.0.1").status);
  }

  /**
   * A task without a log (a skipped one has no folder) gets no text at all, at offset 0, and so does any offset asked of
   * it: the page, which reads on while a piece brings text, stops at once rather than ask again and again, a line end
   * added to the log each time.
   */
  @Test
  void aTaskWithoutALogGetsNoText() throws IOException {
    for (String query : List.of("", "?offset=0", "?offset=5")) {
      Response none = get("/api/log/add-example/" + run.runId() + "/condition-1" + query, "127.0.0.1");
      assertEquals(200, none.status, none.head);
      assertEquals("", none.body, query);
      assertEquals("0", header(none, "X-Log-Offset"));
    }
  }

  private static String header(Response r, String name) {
    for (String line : r.head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    throw new AssertionError("no " + name + " in " + r.head);
  }

  @Test
  void writesItsAddressForRunsToLinkTo() throws IOException {
    assertEquals(List.of(ui.url().toString(), Long.toString(ProcessHandle.current().pid()),
        Long.toString(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli())), Files.readAllLines(root.resolve(UiLink.FILE)));
    assertEquals(ui.url().resolve("/#/run/add-example/" + run.runId()),
        UiLink.runPage(root, "add-example", run.runId()).orElseThrow());
    Files.writeString(dir.resolve(UiLink.FILE), "http://127.0.0.1:1/\n" + Long.MAX_VALUE + "\n");
    assertTrue(UiLink.runPage(dir, "add-example", "x").isEmpty(), "a UI that is gone links nothing");
  }

  private Response get(String path, String host) throws IOException {
    return request("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  private Response post(String type, String origin, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return request("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + ui.url().getPort() + "\r\nContent-Type: " + type + "\r\n"
        + (origin != null ? "Origin: " + origin + "\r\n" : "") + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
  }

  /** One request as written, the response as read: the test speaks HTTP itself to send what no client would. */
  private Response request(String text) throws IOException {
    try (Socket s = new Socket("127.0.0.1", ui.url().getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String head = split < 0 ? all : all.substring(0, split);
      return new Response(Integer.parseInt(head.split(" ")[1]), head, split < 0 ? "" : all.substring(split + 4));
    }
  }

  private record Response(int status, String head, String body) {}
}
