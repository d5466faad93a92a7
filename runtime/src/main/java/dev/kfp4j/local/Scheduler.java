package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Runs the graphs of a {@link Plan}: each task once the tasks it depends on finished well, in
 * parallel; a task whose dependency failed is omitted, unless it runs after failures; loops run once per item, conditions are
 * checked first, nested graphs run as tasks. Whatever goes wrong inside one task (an exception in
 * the runner too) fails that task with a message and never escapes; where the plan cannot say how the task runs (its loop, its
 * condition, its work), the task ends in the plan's fault state: {@link State#Error} for an Argo workflow, as Argo's controller
 * marks a DAG task it cannot proceed with ({@code executeDAGTask} in {@code workflow/controller/dag.go}).
 */
final class Scheduler {
  private final Plan plan;
  private final StepRunner steps;
  private final Results results;
  private final ExecutorService pool;
  private final Prestarts prestarts;
  /** The state of a task the plan cannot say how to run: {@link State#Error} (Argo) or {@link State#Failed} (KFP 2's driver). */
  private final State fault;

  /** {@code prestarts}: where Java tasks' JVMs start ahead ({@link LookAhead}), or null; {@code fault}: as {@link #fault}. */
  Scheduler(Plan plan, StepRunner steps, Results results, ExecutorService pool, Prestarts prestarts, State fault) {
    this.plan = plan;
    this.steps = steps;
    this.results = results;
    this.pool = pool;
    this.prestarts = prestarts;
    this.fault = fault;
  }

  /** Thrown where the plan cannot say how a task runs: the task ends in the {@link #fault} state. */
  private static final class NotPlanned extends RuntimeException {
    NotPlanned(RuntimeException cause) {
      super(cause);
    }
  }

  /** {@code part} of the plan for a task; what it throws as {@link NotPlanned}. */
  private static <T> T planned(Supplier<T> part) {
    try {
      return part.get();
    } catch (RuntimeException e) {
      throw new NotPlanned(e);
    }
  }

  /**
   * Runs {@code graph}'s tasks under {@code parent}; its phase: {@link State#Succeeded} when none failed, else as {@link
   * GraphPhase} assesses it, {@link State#Failed} or {@link State#Error}.
   */
  State run(Plan.Graph graph, Scope scope, TaskId parent) {
    Map<String, Plan.Node> nodes = new LinkedHashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (Plan.Node n : graph.nodes()) {
      nodes.put(n.name(), n);
      index.put(n.name(), index.size());
    }
    Map<String, TaskId> ids = new HashMap<>();
    nodes.keySet().forEach(name -> ids.put(name, parent.child(name, index.get(name))));
    LookAhead ahead = prestarts == null ? null : new LookAhead(plan, prestarts, nodes, ids);
    Map<String, CompletableFuture<State>> futures = new HashMap<>();
    for (String name : nodes.keySet()) {
      future(name, nodes, ids, futures, scope, ahead, new ArrayList<>());
    }
    Map<String, State> states = new HashMap<>();
    futures.forEach((name, f) -> states.put(name, outcome(f)));
    return GraphPhase.of(graph, states);
  }

  /** A task's state; Failed if even its failure could not be recorded (the run record cannot be written). */
  private static State outcome(CompletableFuture<State> f) {
    return f.handle((s, error) -> error == null ? s : State.Failed).join();
  }

  private CompletableFuture<State> future(String name, Map<String, Plan.Node> nodes, Map<String, TaskId> ids,
      Map<String, CompletableFuture<State>> futures, Scope scope, LookAhead ahead, List<String> visiting) {
    CompletableFuture<State> existing = futures.get(name);
    if (existing != null) {
      return existing;
    }
    if (visiting.contains(name)) {
      throw new WorkflowException("tasks depend on each other in a cycle: " + String.join(" -> ", visiting) + " -> " + name);
    }
    visiting.add(name);
    Plan.Node node = nodes.get(name);
    List<CompletableFuture<State>> deps = new ArrayList<>();
    for (String d : node.dependencies()) {
      deps.add(future(d, nodes, ids, futures, scope, ahead, visiting));
    }
    visiting.remove(name);
    TaskId id = ids.get(name);
    CompletableFuture<State> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      try {
        boolean upstreamFailed = false;
        for (CompletableFuture<State> d : deps) {
          State s = outcome(d);
          upstreamFailed |= s.failed() || s == State.Omitted;
        }
        if (upstreamFailed && !plan.runsAfterFailure(node)) {
          return results.notRun(id, node, State.Omitted, "a task it depends on failed").state();
        }
        if (plan.runsAsExitHook(node) && !hookFires(node, nodes, deps)) {
          return results.notRun(id, node, State.Skipped, "KFP runs it as an exit hook of the tasks it waits for, and none of them "
              + "ran (each was skipped by its condition or not run after a failure, or is a loop, an importer or makes a claim, "
              + "which get no hook)").state();
        }
        if (upstreamFailed) {
          scope.upstreamFailed.add(node.name());
        }
        if (ahead != null) {
          ahead.started(name);
        }
        return guarded(id, node, () -> runNode(node, scope, id));
      } finally {
        if (ahead != null) {
          ahead.ended(name);
        }
      }
    }, pool);
    futures.put(name, f);
    return f;
  }

  /** Whether one of the tasks {@code node} waits for, whose states {@code deps} give, ran and fires its exit hook. */
  private boolean hookFires(Plan.Node node, Map<String, Plan.Node> nodes, List<CompletableFuture<State>> deps) {
    for (int i = 0; i < deps.size(); i++) {
      State s = outcome(deps.get(i));
      if ((s.ok() || s.failed()) && plan.hooks(nodes.get(node.dependencies().get(i)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code work}'s state, or Failed (the {@link #fault} state where the plan failed) with a result saying why when it throws. */
  private State guarded(TaskId id, Plan.Node node, Supplier<State> work) {
    try {
      return work.get();
    } catch (NotPlanned e) {
      return results.failed(id, node, e.getCause(), fault).state();
    } catch (Throwable e) { // NOPMD: one task's fault, whatever it is, stays that task's
      return results.failed(id, node, e, State.Failed).state();
    }
  }

  /** A task: once, or once per item of its loop. */
  private State runNode(Plan.Node node, Scope scope, TaskId id) {
    Plan.Loop loop = planned(() -> plan.loop(node, scope));
    if (loop == null) {
      return runOnce(node, scope, id, null);
    }
    if (loop.items().isEmpty() && loop.skippedEmpty()) {
      return results.notRun(id, node, State.Skipped, loop.skipped() != null ? loop.skipped() : "its list of items is empty").state();
    }
    Semaphore slots = new Semaphore(loop.parallelism() > 0 ? loop.parallelism() : Integer.MAX_VALUE);
    List<CompletableFuture<State>> all = new ArrayList<>();
    for (int i = 0; i < loop.items().size(); i++) {
      JsonNode item = loop.items().get(i);
      TaskId iteration = id.iteration(i, loop.shown(i));
      all.add(CompletableFuture.supplyAsync(() -> {
        slots.acquireUninterruptibly();
        try {
          return guarded(iteration, node, () -> runOnce(node, scope, iteration, item));
        } finally {
          slots.release();
        }
      }, pool));
    }
    // as Argo's TaskGroup: the phase of its last item that failed or ended in error, else Succeeded
    State phase = State.Succeeded;
    for (CompletableFuture<State> f : all) {
      State s = outcome(f);
      phase = s.failed() ? s : phase;
    }
    return phase;
  }

  /** A task (or one iteration): its condition, then its nested graph or its step. */
  private State runOnce(Plan.Node node, Scope scope, TaskId id, JsonNode item) {
    String skip = planned(() -> plan.skipReason(node, scope, item));
    if (skip != null) {
      return results.notRun(id, node, State.Skipped, skip).state();
    }
    Plan.Work work = planned(() -> plan.work(node, scope, item, id));
    if (work instanceof Plan.SubGraph sub) {
      // a nested graph's own outputs are not used by KFP v1 pipelines
      return run(sub.graph(), sub.scope(), id);
    }
    TaskResult r = steps.run((Step) work);
    if (r.state().ok()) {
      scope.finished(node.name(), r);
    }
    return r.state();
  }
}
