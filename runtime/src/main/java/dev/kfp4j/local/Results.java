package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
   * State#Error}), with {@link RunnerFault#message its message}; anything but a {@link WorkflowException} also leaves its stack
   * trace in the task's log. No attempt at it was made: the error came before it was launched (its plan, say). One the runner
   * failed in an attempt is {@link StepRunner}'s, with the attempt's time and log.
   */
  TaskResult failed(TaskId id, Plan.Node node, Throwable error, State state) {
    Path log;
    try {
      log = RunPaths.inside(runDir, RunPaths.taskFolder(id.id()), "log.txt");
    } catch (RuntimeException e) {
      log = null; // the message says what happened
    }
    TaskResult r = new TaskResult(id.id(), node.name(), node.template(), state, 0, -1, Map.of(), Map.of(), 0,
        RunnerFault.message(error), log != null && RunnerFault.traced(log, error) ? log : null, null, id.label());
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
