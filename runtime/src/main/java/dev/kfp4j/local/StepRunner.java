package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.local.TaskResult.State;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Runs one {@link Step} to its end: reused as it finished in an earlier attempt at the run, or
 * from the cache; else launched, again after each failure while its retry policy allows, at most
 * as many at once as the run's slots; its outputs read and stored in the cache. A failed
 * attempt's outputs are deleted as it ends (its log is kept), so a failed task leaves no
 * half-written output: nor does a task retried, whose outputs are those of the attempt that
 * succeeded. (A container's launcher moves its outputs into place only when it exits 0.) An
 * attempt run here as a process has a temporary folder of its own in the task's folder ({@link
 * TaskTemp}), gone before it starts and deleted as it ends, however it ends.
 */
final class StepRunner {
  /** Signal names by number (Linux), for an exit code that says its process was killed by one. */
  private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 8, "SIGFPE",
      9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 14, "SIGALRM", 15, "SIGTERM");

  private final PreviousRun previous;
  private final RunRecord record;
  private final TaskCache cache;
  private final Launcher launcher;
  private final Results results;
  private final Progress progress;
  private final Semaphore slots;
  private final PrintStream echo;
  private final LogBounds logBounds;
  private final boolean valuesAsWritten;
  /** How the notes name the command's options ({@link LocalRunner.Builder#options}). */
  private final BinaryOperator<String> options;

  /**
   * {@code previous}, {@code cache} (caching off) and {@code echo} (task output not shown) may be null; {@code logBounds}:
   * what of a task's output its log.txt keeps; {@code valuesAsWritten} for a KFP 2 run, whose launcher takes an output
   * value's file as it is (Argo's executor drops one trailing newline); {@code options}: how the notes name the command's
   * options.
   */
  StepRunner(PreviousRun previous, RunRecord record, TaskCache cache, Launcher launcher, Results results, Progress progress,
      Semaphore slots, PrintStream echo, LogBounds logBounds, boolean valuesAsWritten, BinaryOperator<String> options) {
    this.previous = previous;
    this.record = record;
    this.cache = cache;
    this.launcher = launcher;
    this.results = results;
    this.progress = progress;
    this.slots = slots;
    this.echo = echo;
    this.logBounds = logBounds;
    this.valuesAsWritten = valuesAsWritten;
    this.options = options;
  }

  TaskResult run(Step step) {
    String id = step.id().id();
    JsonNode done = previous == null ? null : previous.finished(id);
    if (done != null) {
      TaskResult r = restored(done, step);
      results.add(step.id(), r, true);
      return r;
    }
    long start = System.nanoTime();
    TaskLog log = new TaskLog(step.log(), step.id().label(), echo, logBounds);
    String key = cacheKey(step, log);
    TaskResult cached = key == null ? null : fromCache(step, key, log, start);
    if (cached != null) {
      return cached;
    }
    int attempt = 0;
    int exit;
    String message;
    Map<String, String> values = null;
    boolean error = false; // Argo's Error: it exited 0, its outputs could not be saved (its executor's wait container failed)
    boolean unrecorded = false; // its start could not be journaled: stopped, and not retried
    RuntimeException fault = null; // what stopped the runner running the attempt
    long millis; // since the first attempt started, as the last one ended: what stops a retry, and the task's time
    while (true) {
      attempt++;
      record.running(id, step.name(), attempt);
      progress.waiting();
      slots.acquireUninterruptibly();
      Object slot = new Object();
      progress.running(slot, step.id().label());
      try {
        prepare(step);
        Path tmp = launcher.containers() ? null : TaskTemp.of(step.dir()); // a container has its own /tmp
        long timeout = step.retry().timeoutSeconds(attempt, millisSince(start), step.timeoutSeconds());
        exit = launcher.launch(new Launcher.Launch(step.localCommand(), step.env(), step.dir(), tmp, log, attempt, timeout,
            step.javaMode() == LocalRunner.JavaMode.IN_PROCESS, p -> journaled(id, p),
            container(step)));
        if (exit == 0 && step.executorOutput() != null) {
          ExecutorOutput.complete(step, launcher.containers());
        }
        message = exit == 0 ? missingOutput(step)
            : exit == Launcher.TIMED_OUT ? timedOut(step, timeout) : exitCode(exit);
        if (exit == 0 && message == null) {
          try {
            values = values(step);
          } catch (OutputException e) {
            message = e.getMessage();
          }
        }
        error = exit == 0 && message != null && !valuesAsWritten; // KFP 2's launcher fails in the task's container
        String lost = log.takeUnwritten(); // what it printed, lost
        if (lost != null) {
          message = message == null ? lost : message + "; " + lost;
        }
        if (message != null) {
          discard(step, log);
          if (ExitWatch.jvmEnding()) { // stopped with the runner, not failed: nothing recorded, nothing said
            ExitWatch.awaitEnd();
          }
        }
      } catch (StartNotRecorded e) { // its launcher stopped it: a process the journal lacks is one a resume cannot stop
        exit = -1;
        message = "it was stopped as it started, as its start could not be recorded: " + e.getMessage();
        unrecorded = true;
        discard(step, log);
        log.note("kfp4j: " + message + "\n");
      } catch (RuntimeException e) { // its folder cannot be made, its executor output is not JSON, say: it fails, leaving no output
        discard(step, log);
        fault = e;
        exit = -1;
        message = null; // the fault's, said by its result
      } finally {
        sweep(step, log);
        progress.stopped(slot);
        slots.release();
      }
      if (fault != null) { // not retried; failed in the attempt it was in, as run.json showed it running, with its time and log
        boolean traced = RunnerFault.traced(log.file(), fault);
        TaskResult r = failure(step, State.Failed, attempt, -1, millisSince(start), RunnerFault.message(fault),
            traced || log.written() ? log.file() : null);
        results.add(step.id(), r, false);
        return r;
      }
      millis = millisSince(start);
      if (message == null || unrecorded || !step.retry().retries(attempt, error)) {
        break;
      }
      String stop = step.retry().stop(attempt, millis);
      if (stop != null) {
        log.note("kfp4j: attempt " + attempt + " failed (" + message + "); not retrying: " + stop + "\n");
        break;
      }
      log.note("kfp4j: attempt " + attempt + " failed (" + message + "); retrying\n");
      sleep(step.retry().delayAfter(attempt));
    }
    String unmapped = message == null || launcher.containers() ? null
        : ContainerPaths.unmappedMountNote(step.command(), step.mounts().volumes(), options.apply("--containers", null));
    if (unmapped != null) {
      log.note(unmapped);
    }
    if (message != null) {
      TaskResult r = failure(step, error ? State.Error : State.Failed, attempt, exit == Launcher.TIMED_OUT ? -1 : exit, millis,
          message, log.file());
      results.add(step.id(), r, false);
      return r;
    }
    Step kept = written(step);
    TaskResult r = recorded(step, log, result(kept, State.Succeeded, attempt, exit, values, millis, null, log.file()));
    if (key != null && r.state().ok()) { // cached once its run has it: never outputs a run failed for want of its record
      try {
        cache.store(key, cachedValues(step), kept.artifactFiles());
      } catch (IOException | RuntimeException e) {
        log.note("kfp4j: its outputs were not cached: " + FileErrors.problem(e) + "\n");
      }
    }
    return r;
  }

  /**
   * The task's result from cache entry {@code key}, or null when it has none (a miss: it runs). A hit is {@link State#Cached},
   * its time 0 and no log, as nothing ran. A damaged entry ({@link TaskCache.Damaged}), or one holding a value this run cannot
   * read, is removed and a miss, the task's log beginning with why it ran. One that cannot be taken fails the task, no attempt
   * made, with the time spent and a log saying why, its outputs deleted: its folder cannot be made, or an output cannot be
   * written into it (a full disk, a file in the way), which is the run's failure, the entry kept.
   */
  private TaskResult fromCache(Step step, String key, TaskLog log, long start) {
    String why;
    try {
      prepare(step);
      if (!cache.restore(key, cachedValues(step), step.artifactFiles(), step.optionalArtifacts())) {
        return null;
      }
      launcher.cached(container(step)); // the image it would have run in, as a task that ran has it
      return recorded(step, log, result(written(step), State.Cached, 0, 0, values(step), 0, "reused cached outputs", null));
    } catch (WorkflowException e) { // its folder
      why = e.getMessage();
    } catch (TaskCache.Damaged e) { // the files restored so far are the run's to replace
      log.lead("kfp4j: " + e.getMessage() + "\n");
      return null;
    } catch (IOException e) {
      why = "cannot write its outputs from the cache: " + FileErrors.why(e);
    } catch (OutputException e) { // a value the entry holds that this run cannot read: the entry's, as a damaged one
      cache.remove(key);
      log.lead("kfp4j: the cache entry's outputs cannot be reused (" + e.getMessage() + "); it was removed, and the task runs "
          + "afresh\n");
      return null;
    }
    discard(step, log);
    log.note("kfp4j: " + why + "\n");
    TaskResult r = failure(step, State.Failed, 0, -1, millisSince(start), why, log.file());
    results.add(step.id(), r, false);
    return r;
  }

  /**
   * {@code r}, the task's success, recorded ({@link Results#add}): its journal line written first. A success that cannot be
   * recorded (a full disk) fails the task instead, its outputs deleted, and is not cached: no run shows outputs as its own, nor
   * reuses them from the cache, that its record lacks; the message ends with the file and the system's reason.
   */
  private TaskResult recorded(Step step, TaskLog log, TaskResult r) {
    try {
      results.add(step.id(), r, false);
      return r;
    } catch (UncheckedIOException e) {
      discard(step, log);
      String message = "its outputs were deleted, as its result could not be recorded: " + e.getMessage();
      log.note("kfp4j: " + message + "\n");
      TaskResult failed = failure(step, State.Failed, r.attempts(), r.exitCode(), r.millis(), message, log.file());
      results.add(step.id(), failed, false);
      return failed;
    }
  }

  /**
   * Journals process {@code p} of task {@code id} as it starts ({@link RunRecord#process}); one that cannot be (a full disk) is a
   * {@link StartNotRecorded} with the file and the system's reason, for its launcher to stop the process.
   */
  private void journaled(String id, ProcessHandle p) {
    try {
      record.process(id, p);
    } catch (UncheckedIOException e) {
      throw new StartNotRecorded(e.getMessage());
    }
  }

  /** A failure of {@code step} after {@code millis}, its log at {@code log} (null: none of this run's). */
  private TaskResult failure(Step step, State state, int attempts, int exit, long millis, String message, Path log) {
    return new TaskResult(step.id().id(), step.name(), step.template(), state, attempts, exit, Map.of(), Map.of(), millis,
        message, log, shownCommand(step), step.id().label());
  }

  private TaskResult result(Step step, State state, int attempts, int exit, Map<String, String> values, long millis, String message,
      Path log) {
    ArtifactReader.Details d = ArtifactReader.read(step);
    return new TaskResult(step.id().id(), step.name(), step.template(), state, attempts, exit, values, step.artifactFiles(), millis,
        message, log, shownCommand(step), step.id().label(), d.artifacts(), d.metrics(), d.visualizations());
  }

  /** {@code step} without the optional artifacts it did not write: what its result and its cache entry hold. */
  private static Step written(Step step) {
    Map<String, Path> files = new LinkedHashMap<>(step.artifactFiles());
    return files.entrySet().removeIf(e -> step.optionalArtifacts().contains(e.getKey()) && !Files.exists(e.getValue()))
        ? step.withArtifactFiles(files) : step;
  }

  /** The files a cache entry keeps besides the artifacts: the values, and the executor output (artifact metadata). */
  private static Map<String, Path> cachedValues(Step step) {
    if (step.executorOutput() == null) {
      return step.parameterFiles();
    }
    Map<String, Path> files = new LinkedHashMap<>(step.parameterFiles());
    files.put(ExecutorOutput.CACHED_AS, step.executorOutput());
    return files;
  }

  /** What the task runs, as run.json shows it: the container's command in a container, else the command run here. */
  private List<String> shownCommand(Step step) {
    return launcher.containers() ? step.command() : step.localCommand();
  }

  /** The container {@code step} runs in, for a launcher that runs containers. */
  private static Launcher.Container container(Step step) {
    return new Launcher.Container(step.id().id(), step.image(), step.command(), step.mounts(), step.limits());
  }

  /** The step's cache key, or null when it is not cached (the runner's or the task's choice, or its inputs cannot be read). */
  private String cacheKey(Step step, TaskLog log) {
    if (cache == null || !step.caching()) {
      return null;
    }
    if (step.cacheKey() != null) { // as KFP's driver keys it: the component's name and the task's own key alone
      return cache.scoped(dev.kfp4j.spec.Sha256.hexOf("cache key\u0000" + step.template() + "\u0000" + step.cacheKey()));
    }
    try {
      // an importer or a volume step runs here in a run in containers too (it has no image): keyed as it runs
      String image = launcher.containers() && !HereSteps.runsHere(step.command()) ? "container " + launcher.cacheImage(step.image())
          : Launchers.javaMain(step.command()) != null ? step.image() + "\u0000classes " + cache.classes() : step.image();
      // what else of its template keys it (another tool's outputs, an Argo task's env, its volumes): with none, its key as before
      String template = step.templateKey().isEmpty() ? "" : "\u0000template " + step.templateKey();
      return cache.scoped(TaskCache.key(image + template, step.command(), step.inputFiles()));
    } catch (IOException | UncheckedIOException e) {
      log.note("kfp4j: not cached, its input files cannot be read: " + FileErrors.problem(e) + "\n");
      return null;
    }
  }

  /**
   * A clean start: the task's folder, no outputs or temporary files from an earlier attempt (or a
   * killed one's leftovers), its volumes' folders. One that cannot be made fails the task, saying
   * which file and why ({@link FileErrors#why}).
   */
  private static void prepare(Step step) {
    try {
      Files.createDirectories(step.dir());
      RunPaths.deleteTree(step.dir(), step.dir().resolve("outputs"));
      TaskTemp.delete(step.dir());
      for (Path p : step.parameterFiles().values()) {
        Files.createDirectories(p.getParent());
      }
      for (Path p : step.artifactFiles().values()) {
        Files.createDirectories(p.getParent());
      }
      for (Path v : step.volumes()) {
        Files.createDirectories(v);
      }
    } catch (IOException e) { // said as the task's failure: which file, and what was wrong with it
      throw new WorkflowException("cannot prepare its folder: " + FileErrors.why(e));
    }
  }

  /** Deletes the attempt's temporary folder as it ends, however it ended: nothing it left there stays. */
  private static void sweep(Step step, TaskLog log) {
    try {
      TaskTemp.delete(step.dir());
    } catch (IOException e) {
      log.note("kfp4j: cannot delete its temporary folder: " + FileErrors.why(e) + "\n");
    }
  }

  /**
   * Deletes the outputs of a failed attempt, whole or half-written, and their folder: a failed
   * task's folder keeps its log, not a file to be taken for a result. Only failures pay for it.
   */
  private static void discard(Step step, TaskLog log) {
    try {
      RunPaths.deleteTree(step.dir(), step.dir().resolve("outputs"));
    } catch (IOException e) {
      log.note("kfp4j: cannot delete the outputs of its failed attempt: " + FileErrors.why(e) + "\n");
    }
  }

  /**
   * {@code exit code N}, and for 128 + a signal's number, as Java, a shell and a container engine give a process a signal
   * killed, which signal: {@code exit code 137 (killed by SIGKILL, signal 9: out of memory, or kill -9)}, SIGKILL being
   * what the kernel's out-of-memory killer sends.
   */
  static String exitCode(int exit) {
    String signal = SIGNALS.get(exit - 128);
    if (signal == null) {
      return "exit code " + exit;
    }
    return "exit code " + exit + " (killed by " + signal + ", signal " + (exit - 128) + (exit - 128 == 9 ? ": out of memory, or kill -9)" : ")");
  }

  /** Why an attempt stopped after {@code timeout} seconds: the task's own timeout, or the end of its retries' maximum duration. */
  private static String timedOut(Step step, long timeout) {
    return timeout == step.timeoutSeconds() ? "timed out after " + timeout + " s"
        : "stopped after " + timeout + " s: the retries' maximum duration (" + step.retry().maxDurationMillis() + " ms) is over";
  }

  /**
   * Why the attempt's outputs are not all there, or null. An output value with a default ({@link Step#parameterDefaults})
   * whose file it did not write, or that cannot be read (a folder), is first given its default as its file: Argo's executor
   * takes the default where it cannot read the file ({@code SaveParameters}). An optional artifact it did not write is not
   * missing: Argo's executor skips it ({@code saveArtifact}).
   */
  private static String missingOutput(Step step) {
    for (Map.Entry<String, String> d : step.parameterDefaults().entrySet()) {
      Path p = step.parameterFiles().get(d.getKey());
      if (p != null && !(Files.isRegularFile(p) && Files.isReadable(p))) {
        try {
          RunPaths.deleteTree(step.dir(), p);
          Files.writeString(p, d.getValue());
        } catch (IOException e) {
          return "cannot write the default of its output '" + d.getKey() + "': " + FileErrors.why(e);
        }
      }
    }
    for (Map.Entry<String, Path> e : step.parameterFiles().entrySet()) {
      if (!Files.exists(e.getValue())) {
        return "it wrote no output '" + e.getKey() + "' (expected a file at " + e.getValue() + ")";
      }
    }
    for (Map.Entry<String, Path> e : step.artifactFiles().entrySet()) {
      if (!Files.exists(e.getValue()) && !step.optionalArtifacts().contains(e.getKey())) {
        return "it wrote no output artifact '" + e.getKey() + "' (expected a file at " + e.getValue() + ")";
      }
    }
    return null;
  }

  /**
   * The step's output values: in a KFP 2 run as KFP 2's launcher reads an output parameter's file (a {@code STRING} is
   * the file's text, a number, boolean, list or struct its value without the white space around it; {@code
   * metadata.TextToPbValue}); in an Argo run one trailing newline dropped, as Argo's
   * executor reads a {@code valueFrom.path}.
   */
  private Map<String, String> values(Step step) throws OutputException {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : step.parameterFiles().entrySet()) {
      Path p = e.getValue();
      if (!Files.isRegularFile(p)) {
        throw new OutputException("its output '" + e.getKey() + "' at " + p + " is not a file");
      }
      try {
        // Argo passes bytes that are not UTF-8 on, each as U+FFFD (GoUtf8); KFP 2's launcher fails on them (a STRING's proto)
        String s = valuesAsWritten ? Files.readString(p) : GoUtf8.text(Files.readAllBytes(p));
        dev.kfp4j.model.ParameterType type = step.parameterTypes().get(e.getKey());
        String problem = valuesAsWritten && type != null ? LauncherValues.problem(s, type) : null;
        if (problem != null) {
          String shown = dev.kfp4j.yaml.Yaml.pyJson(dev.kfp4j.yaml.Yaml.nodes().stringNode(s.length() > 200 ? s.substring(0, 200) + "..." : s));
          throw new OutputException("its output '" + e.getKey() + "' at " + p + " is " + problem + ", which KFP 2's launcher "
              + "does not read as a " + type.v2Name() + ": " + shown);
        }
        values.put(e.getKey(), valuesAsWritten ? LauncherValues.held(s, type) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
      } catch (CharacterCodingException bad) {
        throw new OutputException("its output '" + e.getKey() + "' at " + p + " is not UTF-8 text");
      } catch (IOException bad) {
        throw new OutputException("cannot read its output '" + e.getKey() + "' at " + p + ": " + FileErrors.why(p, bad));
      }
    }
    return values;
  }

  private TaskResult restored(JsonNode done, Step step) {
    Map<String, String> outputs = new LinkedHashMap<>();
    done.path("outputs").properties().forEach(e -> outputs.put(e.getKey(), e.getValue().asString()));
    ArtifactReader.Details details = ArtifactReader.fromRecord(done, record.runDir());
    Map<String, Path> artifacts = new LinkedHashMap<>();
    done.path("artifacts").properties().forEach(e -> artifacts.put(e.getKey(), e.getValue().isObject()
        ? details.artifacts().get(e.getKey()).path() : Path.of(e.getValue().asString())));
    List<String> command = new ArrayList<>();
    done.path("command").forEach(c -> command.add(c.asString()));
    return new TaskResult(step.id().id(), step.name(), step.template(), State.valueOf(done.path("state").asString()),
        done.path("attempts").asInt(), done.path("exitCode").asInt(0), outputs, artifacts, done.path("millis").asLong(),
        "completed before the run was resumed", step.log(), command, step.id().label(), details.artifacts(), details.metrics(),
        details.visualizations());
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task process whose start could not be journaled: its launcher stops it ({@link Launcher.Launch#started}). */
  private static final class StartNotRecorded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartNotRecorded(String message) {
      super(message, null, false, false);
    }
  }

  /** An output that cannot be read as a value. */
  private static final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    OutputException(String message) {
      super(message);
    }
  }
}
