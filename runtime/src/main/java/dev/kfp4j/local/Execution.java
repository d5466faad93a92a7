package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** One run of a workflow: walks the DAG, runs containers here, records everything. */
final class Execution {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

  private final LocalRunner runner;
  private final Workflow workflow;
  private final Map<String, String> parameters;
  private final Path runDir;
  private final String runId;
  private final RunRecord record;
  private final RunRecord previous;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "kfp4j-task");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore slots;
  private final List<TaskResult> results = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private final long started = System.nanoTime();
  private final Progress progress;
  /** Argo's {@code {{workflow.status}}}: Running, then the DAG's outcome while the exit handler runs. */
  private volatile String status = "Running";
  /** Subprocesses running now, stopped if this JVM stops. */
  private final java.util.Set<Process> live = ConcurrentHashMap.newKeySet();
  private final Thread stopper = new Thread(() -> live.forEach(p -> {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }), "kfp4j-stop-tasks");

  Execution(LocalRunner runner, Workflow workflow, Map<String, String> parameters, Path runDir, String runId,
      RunRecord record, RunRecord previous) {
    this.runner = runner;
    this.workflow = workflow;
    this.parameters = parameters;
    this.runDir = runDir;
    this.runId = runId;
    this.record = record;
    this.previous = previous;
    this.slots = new Semaphore(runner.parallelism());
    this.progress = new Progress(runner.console(), runner.showProgress());
  }

  /** What a template's body sees: its inputs, and the outputs of its DAG's tasks. */
  private static final class Scope {
    final Map<String, String> inputs;
    final Map<String, Path> inputArtifacts;
    final Map<String, Map<String, String>> taskOutputs = new ConcurrentHashMap<>();
    final Map<String, Map<String, Path>> taskArtifacts = new ConcurrentHashMap<>();

    Scope(Map<String, String> inputs, Map<String, Path> inputArtifacts) {
      this.inputs = inputs;
      this.inputArtifacts = inputArtifacts;
    }
  }

  RunResult run() {
    boolean ok;
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      // As Argo, the workflow's arguments are the entrypoint template's inputs.
      JsonNode entry = workflow.template(workflow.entrypoint());
      Map<String, String> inputs = new LinkedHashMap<>();
      for (JsonNode p : entry.at("/inputs/parameters")) {
        String n = p.path("name").asString();
        String v = parameters.containsKey(n) ? parameters.get(n) : p.hasNonNull("value") ? p.get("value").asString() : null;
        if (v == null) {
          throw new WorkflowException("the entrypoint template '" + workflow.entrypoint() + "' needs input '" + n + "', which no workflow parameter gives");
        }
        inputs.put(n, v);
      }
      ok = runTemplate(entry, new Scope(inputs, Map.of()), "", workflow.entrypoint()).state().ok();
      status = ok ? "Succeeded" : "Failed";
      if (!workflow.onExit().isEmpty()) {
        // The exit handler runs whatever happened, as Argo's onExit.
        boolean exitOk = runTemplate(workflow.template(workflow.onExit()), new Scope(Map.of(), Map.of()), "onExit/", "onExit").state().ok();
        ok &= exitOk;
      }
    } finally {
      pool.shutdownNow();
      if (runLoader instanceof java.io.Closeable c) {
        try {
          c.close();
        } catch (IOException ignored) {
          // best effort
        }
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException stopping) {
        // the JVM is already stopping: the hook runs
      }
    }
    record.done(ok);
    List<TaskResult> tasks;
    synchronized (results) {
      tasks = new ArrayList<>(results);
    }
    tasks.sort(Comparator.comparing(t -> declaredOrder(t.id())));
    progress.finish();
    RunResult result = new RunResult(workflow.name(), runId, ok, runDir, List.copyOf(tasks));
    Console.summary(runner.console(), result, runner.showProgress() || runner.summary());
    return result;
  }

  /** A sort key that orders task ids as the workflow declares them; the exit handler last. */
  private String declaredOrder(String id) {
    StringBuilder key = new StringBuilder();
    JsonNode template = workflow.template(workflow.entrypoint());
    String rest = id;
    if (rest.startsWith("onExit/")) {
      key.append("~");
      template = workflow.template(workflow.onExit());
      rest = rest.substring("onExit/".length());
    }
    for (String segment : rest.split("/")) {
      String name = segment.replaceAll("\\(\\d+\\)$", "");
      String loop = segment.length() > name.length() ? segment.substring(name.length() + 1, segment.length() - 1) : "";
      int index = 0;
      JsonNode next = null;
      for (JsonNode t : template == null ? List.<JsonNode>of() : toList(template.at("/dag/tasks"))) {
        if (t.path("name").asString().equals(name)) {
          next = workflow.template(t.path("template").asString());
          break;
        }
        index++;
      }
      key.append(String.format("%05d", index)).append(loop.isEmpty() ? "" : String.format("(%07d)", Integer.parseInt(loop))).append('/');
      template = next;
    }
    return key.toString();
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  // ------------------------------------------------------------------ templates and DAGs

  /** Runs a template as task {@code id}; for a DAG, the result is the DAG's. */
  private TaskResult runTemplate(JsonNode template, Scope scope, String prefix, String id) {
    if (template.has("dag")) {
      return runDag(template, scope, prefix, id);
    }
    throw new IllegalStateException("not a dag: " + template.path("name"));
  }

  private TaskResult runDag(JsonNode template, Scope scope, String prefix, String id) {
    long start = System.nanoTime();
    Map<String, JsonNode> tasks = new LinkedHashMap<>();
    for (JsonNode t : template.at("/dag/tasks")) {
      tasks.put(t.path("name").asString(), t);
    }
    Map<String, CompletableFuture<State>> futures = new HashMap<>();
    for (String name : tasks.keySet()) {
      future(name, tasks, futures, scope, prefix, new ArrayList<>());
    }
    boolean ok = true;
    for (CompletableFuture<State> f : futures.values()) {
      State s = f.join();
      ok &= s != State.Failed && s != State.Omitted;
    }
    return new TaskResult(id, template.path("name").asString(), template.path("name").asString(), ok ? State.Succeeded : State.Failed,
        0, -1, Map.of(), Map.of(), (System.nanoTime() - start) / 1_000_000, null, null, null);
  }

  private CompletableFuture<State> future(String name, Map<String, JsonNode> tasks, Map<String, CompletableFuture<State>> futures,
      Scope scope, String prefix, List<String> visiting) {
    CompletableFuture<State> existing = futures.get(name);
    if (existing != null) {
      return existing;
    }
    if (visiting.contains(name)) {
      throw new WorkflowException("tasks depend on each other in a cycle: " + String.join(" -> ", visiting) + " -> " + name);
    }
    visiting.add(name);
    JsonNode task = tasks.get(name);
    List<CompletableFuture<State>> deps = new ArrayList<>();
    for (JsonNode d : task.path("dependencies")) {
      deps.add(future(d.asString(), tasks, futures, scope, prefix, visiting));
    }
    visiting.remove(name);
    CompletableFuture<State> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      for (CompletableFuture<State> d : deps) {
        State s = d.join();
        if (s == State.Failed || s == State.Omitted) {
          TaskResult omitted = skipped(prefix + name, name, task, State.Omitted, "a task it depends on failed");
          results.add(omitted);
          record.finished(omitted);
          return State.Omitted;
        }
      }
      return runTask(task, scope, prefix);
    }, pool);
    futures.put(name, f);
    return f;
  }

  private TaskResult skipped(String id, String name, JsonNode task, State state, String why) {
    return new TaskResult(id, name, task.path("template").asString(), state, 0, -1, Map.of(), Map.of(), 0, why, null, null);
  }

  /** Runs one DAG task: its loop items, its condition, then its template. */
  private State runTask(JsonNode task, Scope scope, String prefix) {
    String name = task.path("name").asString();
    List<JsonNode> items = items(task, scope, name);
    if (items == null) {
      return runInstance(task, scope, prefix + name, null);
    }
    JsonNode child = workflow.template(task.path("template").asString());
    int limit = child.path("parallelism").asInt(0);
    Semaphore loopSlots = new Semaphore(limit > 0 ? limit : Integer.MAX_VALUE);
    List<CompletableFuture<State>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String id = prefix + name + "(" + i + ")";
      all.add(CompletableFuture.supplyAsync(() -> {
        loopSlots.acquireUninterruptibly();
        try {
          return runInstance(task, scope, id, item);
        } finally {
          loopSlots.release();
        }
      }, pool));
    }
    boolean ok = true;
    for (CompletableFuture<State> f : all) {
      State s = f.join();
      ok &= s.ok() || s == State.Skipped;
    }
    return ok ? State.Succeeded : State.Failed;
  }

  private List<JsonNode> items(JsonNode task, Scope scope, String name) {
    if (task.has("withItems")) {
      List<JsonNode> out = new ArrayList<>();
      task.get("withItems").forEach(out::add);
      return out;
    }
    if (task.has("withParam")) {
      String json = substitute(task.get("withParam").asString(), scope, null, "task '" + name + "' withParam");
      JsonNode list;
      try {
        list = Yaml.json().readTree(json);
      } catch (RuntimeException e) {
        throw new WorkflowException("task '" + name + "': withParam is not a JSON list: " + json);
      }
      if (!list.isArray()) {
        throw new WorkflowException("task '" + name + "': withParam is not a JSON list: " + json);
      }
      List<JsonNode> out = new ArrayList<>();
      list.forEach(out::add);
      return out;
    }
    return null;
  }

  private State runInstance(JsonNode task, Scope scope, String id, JsonNode item) {
    String name = task.path("name").asString();
    if (task.has("when")) {
      String condition = substitute(task.get("when").asString(), scope, item, "task '" + name + "' when");
      if (!Expressions.evaluate(condition)) {
        TaskResult r = skipped(id, name, task, State.Skipped, "when '" + condition + "' is false");
        results.add(r);
        record.finished(r);
        return State.Skipped;
      }
    }
    JsonNode template = workflow.template(task.path("template").asString());
    Map<String, String> inputs = new LinkedHashMap<>();
    Map<String, Path> artifacts = new LinkedHashMap<>();
    Path taskDir = taskDir(id);
    for (JsonNode p : task.at("/arguments/parameters")) {
      inputs.put(p.path("name").asString(), substitute(p.path("value").asString(""), scope, item, "task '" + name + "'"));
    }
    for (JsonNode p : template.at("/inputs/parameters")) {
      String n = p.path("name").asString();
      if (!inputs.containsKey(n)) {
        if (p.has("value") || p.has("default")) {
          inputs.put(n, p.has("value") ? p.get("value").asString() : p.get("default").asString());
        } else {
          throw new WorkflowException("task '" + name + "' gives no value for input '" + n + "' of template '" + template.path("name").asString() + "'");
        }
      }
    }
    for (JsonNode a : task.at("/arguments/artifacts")) {
      String n = a.path("name").asString();
      if (a.has("from")) {
        artifacts.put(n, artifact(a.get("from").asString(), scope, "task '" + name + "' artifact '" + n + "'"));
      } else if (a.has("raw")) {
        Path raw = taskDir.resolve("inputs").resolve(n).resolve("data");
        write(raw, substitute(a.at("/raw/data").asString(""), scope, item, "task '" + name + "'"));
        artifacts.put(n, raw);
      } else {
        throw new WorkflowException("task '" + name + "' passes artifact '" + n + "' without 'from' or 'raw'");
      }
    }
    Scope inner = new Scope(inputs, artifacts);
    TaskResult result;
    if (template.has("dag")) {
      result = runDag(template, inner, id + "/", id);
      // a DAG task's own outputs are not used by KFP v1 pipelines
    } else {
      result = runContainer(template, inner, id, name, taskDir);
      results.add(result);
    }
    if (result.state().ok()) {
      scope.taskOutputs.put(name, result.outputs());
      scope.taskArtifacts.put(name, result.artifacts());
    }
    return result.state();
  }

  private Path taskDir(String id) {
    return runDir.resolve(id.replaceAll("[^A-Za-z0-9._()-]+", "_"));
  }

  // ------------------------------------------------------------------ containers

  private TaskResult runContainer(JsonNode template, Scope scope, String id, String name, Path taskDir) {
    String templateName = template.path("name").asString();
    JsonNode done = previous == null ? null : previous.finished(id);
    if (done != null) {
      TaskResult r = restored(done, id, name, templateName, taskDir);
      record.finished(r);
      progress.done(r);
      return r;
    }
    JsonNode container = template.get("container");
    List<String> command = new ArrayList<>();
    for (JsonNode c : container.path("command")) {
      command.add(substitute(c.asString(), scope, null, "template '" + templateName + "'"));
    }
    for (JsonNode a : container.path("args")) {
      command.add(substitute(a.asString(), scope, null, "template '" + templateName + "'"));
    }
    if (command.isEmpty()) {
      throw new WorkflowException("template '" + templateName + "' has no command: the local runner ignores images, so it needs one");
    }
    // Container paths → files in the task's folder.
    Map<String, Path> paths = new LinkedHashMap<>();
    Map<String, Path> outputFiles = new LinkedHashMap<>();
    Map<String, Path> artifactFiles = new LinkedHashMap<>();
    for (JsonNode p : template.at("/outputs/parameters")) {
      String n = p.path("name").asString();
      String path = p.at("/valueFrom/path").asString("");
      if (path.isEmpty()) {
        throw new WorkflowException("template '" + templateName + "' output '" + n + "' has no valueFrom.path; the local runner reads outputs from files");
      }
      Path local = paths.computeIfAbsent(path, k -> taskDir.resolve("outputs").resolve(n).resolve("data"));
      outputFiles.put(n, local);
    }
    for (JsonNode a : template.at("/outputs/artifacts")) {
      String n = a.path("name").asString();
      Path local = paths.computeIfAbsent(a.path("path").asString(), k -> taskDir.resolve("outputs").resolve(n).resolve("data"));
      artifactFiles.put(n, local);
    }
    for (JsonNode a : template.at("/inputs/artifacts")) {
      String n = a.path("name").asString();
      Path source = scope.inputArtifacts.get(n);
      if (source == null) {
        throw new WorkflowException("template '" + templateName + "' needs input artifact '" + n + "', which its task does not pass");
      }
      paths.put(a.path("path").asString(), source);
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (JsonNode m : container.path("volumeMounts")) {
      String volume = m.path("name").asString();
      String claim = volume;
      for (JsonNode v : template.path("volumes")) {
        if (v.path("name").asString().equals(volume) && v.has("persistentVolumeClaim")) {
          claim = substitute(v.at("/persistentVolumeClaim/claimName").asString(), scope, null, "template '" + templateName + "'");
        }
      }
      Path local = runner.root().resolve("volumes").resolve(claim.replaceAll("[^A-Za-z0-9._-]+", "_"));
      mounts.put(m.path("mountPath").asString(), local);
    }
    List<String> resolved = mapMounts(mapPaths(command, paths), mounts);
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : container.path("env")) {
      if (e.has("value")) {
        env.put(e.path("name").asString(), substitute(e.path("value").asString(), scope, null, "template '" + templateName + "'"));
      }
    }
    boolean caching = runner.caching()
        && !"P0D".equals(template.at("/metadata/annotations").path("pipelines.kubeflow.org/max_cache_staleness").asString(""));
    String key = caching ? cacheKey(template, command, scope) : null;
    if (key != null) {
      TaskResult cached = fromCache(key, id, name, templateName, outputFiles, artifactFiles, taskDir, resolved);
      if (cached != null) {
        record.finished(cached);
        progress.done(cached);
        return cached;
      }
    }
    int limit = template.at("/retryStrategy/limit").asInt(0);
    if (template.at("/retryStrategy/limit").isString()) {
      limit = Integer.parseInt(template.at("/retryStrategy/limit").asString());
    }
    long backoffMillis = duration(template.at("/retryStrategy/backoff/duration").asString(""));
    int factor = Integer.parseInt(template.at("/retryStrategy/backoff/factor").asString("1"));
    long maxBackoff = duration(template.at("/retryStrategy/backoff/maxDuration").asString(""));
    long timeoutSeconds = Long.parseLong(template.path("activeDeadlineSeconds").asString("0"));
    Path log = taskDir.resolve("log.txt");
    long start = System.nanoTime();
    int attempt = 0;
    int exit = -1;
    String message = null;
    while (true) {
      attempt++;
      record.running(id, name, attempt);
      progress.started();
      slots.acquireUninterruptibly();
      running.incrementAndGet();
      try {
        prepare(taskDir, outputFiles, artifactFiles);
        exit = execute(resolved, env, taskDir, log, timeoutSeconds, attempt, javaMode(template));
        message = exit == 0 ? missingOutput(outputFiles, artifactFiles) : (exit == TIMED_OUT
            ? "timed out after " + timeoutSeconds + " s" : "exit code " + exit);
      } finally {
        running.decrementAndGet();
        slots.release();
      }
      if (message == null || attempt > limit) {
        break;
      }
      appendLog(log, "kfp4j: attempt " + attempt + " failed (" + message + "); retrying\n");
      if (backoffMillis > 0) {
        long wait = backoffMillis;
        for (int i = 1; i < attempt; i++) {
          wait *= factor;
        }
        if (maxBackoff > 0) {
          wait = Math.min(wait, maxBackoff);
        }
        sleep(wait);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    TaskResult result;
    if (message == null) {
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Map.Entry<String, Path> e : outputFiles.entrySet()) {
        outputs.put(e.getKey(), read(e.getValue()));
      }
      result = new TaskResult(id, name, templateName, State.Succeeded, attempt, exit, outputs, artifactFiles, millis, null, log, resolved);
      if (key != null) {
        toCache(key, outputFiles, artifactFiles);
      }
    } else {
      result = new TaskResult(id, name, templateName, State.Failed, attempt, exit == TIMED_OUT ? -1 : exit, Map.of(), Map.of(),
          millis, message, log, resolved);
    }
    record.finished(result);
    progress.done(result);
    return result;
  }

  static final int TIMED_OUT = Integer.MIN_VALUE;

  private static void prepare(Path taskDir, Map<String, Path> outputs, Map<String, Path> artifacts) {
    try {
      Files.createDirectories(taskDir);
      for (Path p : outputs.values()) {
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
      }
      for (Path p : artifacts.values()) {
        Files.createDirectories(p.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String missingOutput(Map<String, Path> outputs, Map<String, Path> artifacts) {
    for (Map.Entry<String, Path> e : outputs.entrySet()) {
      if (!Files.exists(e.getValue())) {
        return "it wrote no output '" + e.getKey() + "' (expected a file at " + e.getValue() + ")";
      }
    }
    for (Map.Entry<String, Path> e : artifacts.entrySet()) {
      if (!Files.exists(e.getValue())) {
        return "it wrote no output artifact '" + e.getKey() + "' (expected a file at " + e.getValue() + ")";
      }
    }
    return null;
  }

  /** Replaces container paths inside arguments with their local files, longest first. */
  static List<String> mapPaths(List<String> args, Map<String, Path> paths) {
    List<String> keys = new ArrayList<>(paths.keySet());
    keys.removeIf(String::isEmpty);
    keys.sort(Comparator.comparingInt(String::length).reversed());
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String s = a;
      for (String k : keys) {
        if (s.contains(k)) {
          s = s.replace(k, paths.get(k).toString());
        }
      }
      out.add(s);
    }
    return out;
  }

  /** Arguments that are paths under a mount point move to the mount's local folder. */
  static List<String> mapMounts(List<String> args, Map<String, Path> mounts) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String s = a;
      for (Map.Entry<String, Path> m : mounts.entrySet()) {
        String mount = m.getKey().endsWith("/") ? m.getKey().substring(0, m.getKey().length() - 1) : m.getKey();
        if (s.equals(mount) || s.startsWith(mount + "/")) {
          s = m.getValue() + s.substring(mount.length());
          try {
            Files.createDirectories(m.getValue());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      out.add(s);
    }
    return out;
  }

  // ------------------------------------------------------------------ running a command

  /** Annotation on a template choosing how its Java component runs locally: {@code in-process} or {@code subprocess}. */
  static final String JAVA_MODE = "kfp4j.dev/local-java-mode";

  /**
   * How a template's Java component runs: the runner's mode, unless the template says otherwise
   * (annotation {@value #JAVA_MODE}); in-process by default, but a subprocess where that is what
   * works: a task with a timeout (so it can be killed) or with environment variables.
   */
  private LocalRunner.JavaMode javaMode(JsonNode template) {
    return javaMode(template, runner.javaMode());
  }

  static LocalRunner.JavaMode javaMode(JsonNode template, LocalRunner.JavaMode runnerMode) {
    String chosen = template.at("/metadata/annotations").path(JAVA_MODE).asString("");
    if (chosen.equals("subprocess")) {
      return LocalRunner.JavaMode.SUBPROCESS;
    }
    if (chosen.equals("in-process")) {
      return LocalRunner.JavaMode.IN_PROCESS;
    }
    if (runnerMode == LocalRunner.JavaMode.SUBPROCESS
        || Long.parseLong(template.path("activeDeadlineSeconds").asString("0")) > 0
        || !template.at("/container/env").isEmpty()) {
      return LocalRunner.JavaMode.SUBPROCESS;
    }
    return LocalRunner.JavaMode.IN_PROCESS;
  }

  private int execute(List<String> command, Map<String, String> env, Path taskDir, Path log, long timeoutSeconds, int attempt,
      LocalRunner.JavaMode mode) throws UncheckedIOException {
    String javaMain = javaMain(command);
    if (javaMain != null && mode == LocalRunner.JavaMode.IN_PROCESS) {
      Method run = entrypoint(javaMain);
      if (run != null) {
        return inProcess(run, command.subList(command.indexOf(javaMain) + 1, command.size()), log, timeoutSeconds, attempt);
      }
    }
    List<String> cmd = new ArrayList<>(command);
    if (javaMain != null) {
      int cp = cmd.indexOf("-cp") >= 0 ? cmd.indexOf("-cp") : cmd.indexOf("-classpath");
      cmd.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.set(cp + 1, runner.classpath());
    }
    return subprocess(cmd, env, taskDir, log, timeoutSeconds, attempt);
  }

  /** The main class of a {@code java -cp <path> <Main> ...} command, or null. */
  static String javaMain(List<String> command) {
    if (command.size() < 4 || !(command.get(0).equals("java") || command.get(0).endsWith("/java"))) {
      return null;
    }
    int cp = command.indexOf("-cp") >= 0 ? command.indexOf("-cp") : command.indexOf("-classpath");
    if (cp != 1 || cp + 2 >= command.size()) {
      return null;
    }
    return command.get(cp + 2);
  }

  private final Map<String, Method> entrypoints = new ConcurrentHashMap<>();
  private volatile ClassLoader runLoader;

  /**
   * The run's own class loader over the runner's classpath (so a run's components do not share
   * static state with the caller or with other runs), created at the first in-process task.
   */
  private ClassLoader runLoader() {
    if (runLoader == null) {
      synchronized (this) {
        if (runLoader == null) {
          List<java.net.URL> urls = new ArrayList<>();
          for (String entry : runner.classpath().split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
              try {
                urls.add(Path.of(entry).toUri().toURL());
              } catch (java.net.MalformedURLException | RuntimeException ignored) {
                // not a usable classpath entry
              }
            }
          }
          runLoader = new java.net.URLClassLoader("kfp4j-run-" + runId, urls.toArray(java.net.URL[]::new),
              ClassLoader.getPlatformClassLoader());
        }
      }
    }
    return runLoader;
  }

  /** {@code run(String[])} of a generated entrypoint, from the run's own loader, else the runner's. */
  private Method entrypoint(String mainClass) {
    return entrypoints.computeIfAbsent(mainClass, c -> {
      for (ClassLoader loader : new ClassLoader[] {runLoader(), runner.classLoader()}) {
        try {
          Class<?> cls = Class.forName(c, true, loader);
          Method m = cls.getMethod("run", String[].class);
          if (m.getReturnType() == int.class) {
            return m;
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          // try the next loader
        }
      }
      return null;
    });
  }

  private int inProcess(Method run, List<String> args, Path log, long timeoutSeconds, int attempt) {
    TaskOutput.install();
    try (PrintStream out = new PrintStream(Files.newOutputStream(log, attempt == 1
        ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE}
        : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND}), true,
        StandardCharsets.UTF_8)) {
      Future<Integer> f = pool.submit(() -> {
        TaskOutput.route(out);
        Thread.currentThread().setContextClassLoader(run.getDeclaringClass().getClassLoader());
        try {
          return (Integer) run.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
          e.getCause().printStackTrace(out);
          return 1;
        } finally {
          TaskOutput.clear();
        }
      });
      try {
        return timeoutSeconds > 0 ? f.get(timeoutSeconds, TimeUnit.SECONDS) : f.get();
      } catch (TimeoutException e) {
        f.cancel(true); // an in-process task can only be interrupted; use subprocesses for hard stops
        return TIMED_OUT;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      } catch (ExecutionException e) {
        e.getCause().printStackTrace(out);
        return 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int subprocess(List<String> command, Map<String, String> env, Path taskDir, Path log, long timeoutSeconds,
      int attempt) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(taskDir.toFile()).redirectErrorStream(true)
        .redirectOutput(attempt == 1 ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      appendLog(log, "kfp4j: cannot start " + command.get(0) + ": " + e.getMessage() + "\n");
      return 127;
    }
    live.add(p);
    try {
      if (timeoutSeconds > 0 && !p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        // stop the whole process tree
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return TIMED_OUT;
      }
      return p.waitFor();
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      live.remove(p);
    }
  }

  // ------------------------------------------------------------------ caching

  private String cacheKey(JsonNode template, List<String> command, Scope scope) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(template.at("/container/image").asString("").getBytes(StandardCharsets.UTF_8));
      for (String c : command) {
        d.update((c + "\u0000").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, Path> e : new java.util.TreeMap<>(scope.inputArtifacts).entrySet()) {
        d.update((e.getKey() + "=").getBytes(StandardCharsets.UTF_8));
        hashTree(d, e.getValue());
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void hashTree(MessageDigest d, Path p) {
    try {
      if (Files.isDirectory(p)) {
        try (var walk = Files.walk(p)) {
          for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
            d.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
              d.update(in.readAllBytes());
            }
          }
        }
      } else if (Files.exists(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          d.update(in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TaskResult fromCache(String key, String id, String name, String template, Map<String, Path> outputs,
      Map<String, Path> artifacts, Path taskDir, List<String> command) {
    Path entry = runner.root().resolve(".cache").resolve(key);
    if (!Files.exists(entry.resolve("complete"))) {
      return null;
    }
    prepare(taskDir, outputs, artifacts);
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : outputs.entrySet()) {
      copy(entry.resolve("parameters").resolve(e.getKey()), e.getValue());
      values.put(e.getKey(), read(e.getValue()));
    }
    for (Map.Entry<String, Path> e : artifacts.entrySet()) {
      if (!Files.exists(e.getValue())) {
        copy(entry.resolve("artifacts").resolve(e.getKey()), e.getValue());
      }
    }
    return new TaskResult(id, name, template, State.Cached, 0, 0, values, artifacts, 0, "reused cached outputs", null, command);
  }

  private void toCache(String key, Map<String, Path> outputs, Map<String, Path> artifacts) {
    Path cache = runner.root().resolve(".cache");
    try {
      Files.createDirectories(cache);
      Path temp = Files.createTempDirectory(cache, ".entry");
      for (Map.Entry<String, Path> e : outputs.entrySet()) {
        copy(e.getValue(), temp.resolve("parameters").resolve(e.getKey()));
      }
      for (Map.Entry<String, Path> e : artifacts.entrySet()) {
        copy(e.getValue(), temp.resolve("artifacts").resolve(e.getKey()));
      }
      Files.writeString(temp.resolve("complete"), "");
      try {
        Files.move(temp, cache.resolve(key), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        delete(temp); // another task stored the same entry first
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TaskResult restored(JsonNode done, String id, String name, String template, Path taskDir) {
    Map<String, String> outputs = new LinkedHashMap<>();
    done.path("outputs").properties().forEach(e -> outputs.put(e.getKey(), e.getValue().asString()));
    Map<String, Path> artifacts = new LinkedHashMap<>();
    done.path("artifacts").properties().forEach(e -> artifacts.put(e.getKey(), Path.of(e.getValue().asString())));
    List<String> command = new ArrayList<>();
    done.path("command").forEach(c -> command.add(c.asString()));
    return new TaskResult(id, name, template, State.valueOf(done.path("state").asString()), done.path("attempts").asInt(),
        done.path("exitCode").asInt(0), outputs, artifacts, done.path("millis").asLong(), "completed before the run was resumed",
        taskDir.resolve("log.txt"), command);
  }

  // ------------------------------------------------------------------ variables

  private String substitute(String text, Scope scope, JsonNode item, String where) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1), scope, item, where)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String lookup(String name, Scope scope, JsonNode item, String where) {
    if (name.startsWith("workflow.parameters.")) {
      String v = parameters.get(name.substring("workflow.parameters.".length()));
      if (v != null) {
        return v;
      }
    } else if (name.equals("workflow.status")) {
      return status;
    } else if (name.equals("workflow.name")) {
      return workflow.name() + "-" + runId;
    } else if (name.equals("workflow.uid")) {
      return runId;
    } else if (name.startsWith("inputs.parameters.")) {
      String v = scope.inputs.get(name.substring("inputs.parameters.".length()));
      if (v != null) {
        return v;
      }
    } else if (name.startsWith("inputs.artifacts.")) {
      Path p = scope.inputArtifacts.get(name.substring("inputs.artifacts.".length()));
      if (p != null) {
        return p.toString();
      }
    } else if (name.startsWith("tasks.")) {
      String[] parts = name.split("\\.", 5);
      if (parts.length == 5 && parts[2].equals("outputs")) {
        if (parts[3].equals("parameters")) {
          Map<String, String> outs = scope.taskOutputs.get(parts[1]);
          if (outs != null && outs.get(parts[4]) != null) {
            return outs.get(parts[4]);
          }
        } else if (parts[3].equals("artifacts")) {
          Map<String, Path> outs = scope.taskArtifacts.get(parts[1]);
          if (outs != null && outs.get(parts[4]) != null) {
            return outs.get(parts[4]).toString();
          }
        }
      }
    } else if (name.equals("item") && item != null) {
      return item.isValueNode() ? item.asString() : item.toString();
    } else if (name.startsWith("item.") && item != null) {
      JsonNode v = item.path(name.substring(5));
      if (!v.isMissingNode()) {
        return v.isValueNode() ? v.asString() : v.toString();
      }
    }
    throw new WorkflowException(where + ": cannot resolve {{" + name + "}}");
  }

  private Path artifact(String from, Scope scope, String where) {
    return Path.of(substitute(from, scope, null, where));
  }

  // ------------------------------------------------------------------ files and time

  static long duration(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    if (text.matches("\\d+")) {
      return Long.parseLong(text) * 1000;
    }
    Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)").matcher(text);
    double millis = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      millis += switch (m.group(2)) {
        case "ms" -> v;
        case "s" -> v * 1000;
        case "m" -> v * 60_000;
        default -> v * 3_600_000;
      };
    }
    return (long) millis;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An output parameter file's text; like Argo's executor, one trailing newline is dropped. */
  private static String read(Path p) {
    try {
      String s = Files.readString(p);
      return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void appendLog(Path log, String text) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      if (Files.isDirectory(from)) {
        try (var walk = Files.walk(from)) {
          for (Path f : walk.toList()) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(target);
            } else {
              Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try (var walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException ignored) {
      // best effort
    }
  }

  // ------------------------------------------------------------------ progress

  private final class Progress {
    private final PrintStream console;
    private final boolean show;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Progress(PrintStream console, boolean show) {
      this.console = console;
      this.show = show;
    }

    void started() {
      print();
    }

    void done(TaskResult r) {
      if (r.state() == State.Failed) {
        failed.incrementAndGet();
      } else {
        done.incrementAndGet();
      }
      print();
    }

    private void print() {
      if (show) {
        synchronized (console) {
          console.printf("\r%s: %d done, %d running, %d failed, %.1f s   ", workflow.name(), done.get(), running.get(), failed.get(),
              (System.nanoTime() - started) / 1e9);
          console.flush();
        }
      }
    }

    void finish() {
      if (show) {
        console.println();
      }
    }
  }
}
