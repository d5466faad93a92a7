package dev.kfp4j.local;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What to run, as the {@link Scheduler} sees it: graphs of tasks with their dependencies, and for
 * each task in a scope its loop, its condition and its work (a nested graph or a {@link Step}).
 * {@link ModelPlan} makes one from the pipeline model (a KFP 2 spec or an Argo workflow, as their
 * formats read them).
 */
interface Plan {
  /** The graph the run starts with. */
  Graph main();

  /** What the main graph sees: the pipeline's arguments. */
  Scope mainScope();

  /**
   * The pipeline's outputs once the main graph ran in {@code scope} (KFP 2's pipeline outputs), by name, in the order the
   * pipeline declares them: a value as its text, an artifact as its file, a list of artifacts as a JSON list of their files.
   * An output whose task gave nothing (it failed, or did not run) is left out; none for a pipeline without outputs.
   */
  default Map<String, String> outputs(Scope scope) {
    return Map.of();
  }

  /** The exit handler's graph, run whatever happened, or null. */
  Graph exitHandler();

  /** The loop of {@code node} in {@code scope}, or null when it runs once. */
  Loop loop(Node node, Scope scope);

  /** Why {@code node} does not run (its condition is false), or null when it runs. */
  String skipReason(Node node, Scope scope, JsonNode item);

  /** What {@code node} runs, as task {@code id}; {@code item} is its loop item or null. */
  Work work(Node node, Scope scope, JsonNode item, TaskId id);

  /**
   * What is known of {@code node}'s Java process before its upstream tasks finished, as task
   * {@code id}, or null: none when it is not one task run once as a Java subprocess.
   */
  default Prelaunch prelaunch(Node node, TaskId id) {
    return null;
  }

  /** Whether {@code node} runs when a task it waits for failed (KFP's {@code ignore_upstream_failure()}). */
  default boolean runsAfterFailure(Node node) {
    return false;
  }

  /**
   * Whether {@code node}, run whatever happened to the tasks it waits for ({@link #runsAfterFailure}), runs as KFP's backend runs
   * a KFP 2 task of {@code ALL_UPSTREAM_TASKS_COMPLETED}: as an Argo exit hook of each of them ({@code DAG} in {@code
   * backend/src/v2/compiler/argocompiler/dag.go}), which Argo fires only for a task that ran, succeeded or failed (a skipped or
   * omitted node is not {@code Completed()}), and only where {@link #hooks} says the compiler puts it.
   */
  default boolean runsAsExitHook(Node node) {
    return false;
  }

  /** Whether KFP's compiler puts the exit hook of a task run whatever happened ({@link #runsAsExitHook}) on {@code dep}. */
  default boolean hooks(Node dep) {
    return true;
  }

  /** Tasks that run in dependency order. */
  record Graph(String name, List<Node> nodes) {}

  /** A task of a graph: its name, what it runs (for people), the tasks it waits for, and the format's own description. */
  record Node(String name, String template, List<String> dependencies, Object source) {}

  /**
   * A task run once per item, at most {@code parallelism} at once (0: no limit); {@code shown}, when not null, how each
   * item shows in the run's labels (an artifact's file, not the JSON the run keeps of it), else the item itself; {@code
   * skippedEmpty}: no items skip the task, {@code skipped} saying why (null: the list is empty).
   */
  record Loop(List<JsonNode> items, int parallelism, List<String> shown, boolean skippedEmpty, String skipped) {
    Loop(List<JsonNode> items, int parallelism, List<String> shown, boolean skippedEmpty) {
      this(items, parallelism, shown, skippedEmpty, null);
    }

    Loop(List<JsonNode> items, int parallelism, List<String> shown) {
      this(items, parallelism, shown, false);
    }

    /** A loop that runs nothing, its task skipped because {@code why}. */
    static Loop skipped(String why) {
      return new Loop(List.of(), 0, null, true, why);
    }

    Loop(List<JsonNode> items, int parallelism) {
      this(items, parallelism, null);
    }

    /** How item {@code i} shows in the run's labels. */
    String shown(int i) {
      return shown != null ? shown.get(i) : TaskId.itemText(items.get(i));
    }
  }

  /** A task's work: a nested graph or a {@link Step}. */
  sealed interface Work permits SubGraph, Step {}

  /** A nested graph and what its tasks see. */
  record SubGraph(Graph graph, Scope scope) implements Work {}
}
