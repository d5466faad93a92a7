package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.spec.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every task's outcome as it comes: kept for the run's result, written to the run record, counted by the progress line. */
final class Results {
  private record Entry(String order, TaskResult result) {}

  private final RunRecord record;
  private final Progress progress;
  private final Path runDir;
  private final List<Entry> entries = new ArrayList<>();

  Results(RunRecord record, Progress progress, Path runDir) {
    this.record = record;
    this.progress = progress;
    this.runDir = runDir;
  }

  /**
   * Records and keeps {@code r}; {@code restored}: it finished in an earlier attempt at this run. A success ({@link
   * State#ok()}) whose journal line cannot be written is not kept: the {@link UncheckedIOException} saying why is
   * thrown, for its {@link StepRunner} to fail the task. Any other result is kept all the same: the journal only tells a
   * resume which tasks finished well, and one that did not runs again either way.
   */
  void add(TaskId id, TaskResult r, boolean restored) {
    if (restored) {
      record.restored(r);
    } else {
      try {
        record.finished(r);
      } catch (UncheckedIOException e) {
        if (r.state().ok()) {
          throw e;
        }
      }
    }
    synchronized (entries) {
      entries.add(new Entry(id.order(), r));
    }
    if (r.state() != State.Skipped && r.state() != State.Omitted) {
      progress.done(r);
    }
  }

  /** A task that did not run, with why. */
  TaskResult notRun(TaskId id, Plan.Node node, State state, String why) {
    TaskResult r = new TaskResult(id.id(), node.name(), node.template(), state, 0, -1, Map.of(), Map.of(), 0, why, null, null, id.label());
    add(id, r, false);
    return r;
  }

  /**
   * A task that could not run or be followed because of {@code error}: in {@code state} ({@link State#Failed} or {@link
   * State#Error}), with the error's message; anything but a {@link WorkflowException} also leaves its stack trace in the task's log.
   * No attempt at it was made: the error came before it was launched (its plan, say).
   */
  TaskResult failed(TaskId id, Plan.Node node, Throwable error, State state) {
    return failed(id, node.name(), node.template(), error, state, 0);
  }

  /**
   * Task {@code id} (its {@code name} and {@code template}) failed as {@link #failed(TaskId, Plan.Node, Throwable, State)} says,
   * in its {@code attempts}th attempt, which {@code error} ended (as run.json showed it while it ran).
   */
  TaskResult failed(TaskId id, String name, String template, Throwable error, State state, int attempts) {
    String message = error instanceof WorkflowException ? error.getMessage() : "kfp4j could not run it: " + FileErrors.problem(error);
    Path log = null;
    if (!(error instanceof WorkflowException)) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      try {
        log = RunPaths.inside(runDir, RunPaths.taskFolder(id.id()), "log.txt");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "kfp4j: " + trace, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException | RuntimeException e) {
        log = null; // the message says what happened
      }
    }
    TaskResult r = new TaskResult(id.id(), name, template, state, attempts, -1, Map.of(), Map.of(), 0, message, log, null,
        id.label());
    add(id, r, false);
    return r;
  }

  /** Every task so far, in the order the pipeline declares them; the exit handler's last. */
  List<TaskResult> inOrder() {
    List<Entry> copy;
    synchronized (entries) {
      copy = new ArrayList<>(entries);
    }
    copy.sort(Comparator.comparing(Entry::order));
    return copy.stream().map(Entry::result).toList();
  }
}
