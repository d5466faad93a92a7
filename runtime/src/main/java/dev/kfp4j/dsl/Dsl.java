package dev.kfp4j.dsl;

import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Control flow in {@code @Pipeline} methods, as KFP's {@code dsl.If}/{@code Elif}/{@code Else},
 * {@code dsl.ParallelFor}, {@code dsl.Collected} and {@code dsl.ExitHandler}. The processor reads
 * these calls at compile time; their lambdas hold the tasks of a group. Called from plain Java
 * they simply run the lambdas.
 *
 * <pre>{@code
 * var flip = CoinOps.flipCoin();
 * Dsl.when(Dsl.eq(flip.output(), "heads"), () -> CoinOps.print("it was heads"))
 *     .orWhen(Dsl.eq(flip.output(), "tails"), () -> CoinOps.print("it was tails"))
 *     .otherwise(() -> CoinOps.print("it stood on its edge"));
 * var loop = Dsl.forEach(List.of(1, 2, 3), item -> CalcOps.add(item, 10));
 * CoinOps.print("every item added").after(loop);
 * var squares = Dsl.collect(List.of(1, 2, 3), item -> CalcOps.square(item).output());
 * CalcOps.sum(squares);
 * List<Integer> bigSquares = Dsl.collected();
 * Dsl.forEach(List.of(1, 2), a -> Dsl.forEach(List.of(3, 4), b ->
 *     Dsl.when(Dsl.gt(b, 3), () -> bigSquares.add(CalcOps.square(b).output()))));
 * CalcOps.sum(bigSquares);
 * Dsl.exitHandler(CoinOps.print("done"), () -> { ... });
 * }</pre>
 *
 * <p>A condition, a branch, a loop and an exit handler may have a name of their own, a {@code String} constant that is not
 * blank, written just before the lambda ({@code Dsl.when(c, "big", () -> ...)}, {@code .orWhen(c, "small", () -> ...)},
 * {@code .otherwise("edge", () -> ...)}, {@code Dsl.forEach(items, "loop", item -> ...)}, {@code Dsl.collect(items, 2,
 * "squares", item -> ...)}, {@code Dsl.exitHandler(t, "notify", () -> ...)}), as KFP's {@code dsl.If(c, name='big')},
 * {@code dsl.ParallelFor(items, name='loop')} and {@code dsl.ExitHandler(t, name='notify')}: KFP 2's display name of the
 * group's task ({@code taskInfo.name}), whose key stays {@code condition-1}, {@code for-loop-2}. Called from plain Java the
 * name does nothing.
 *
 * <p>The values of the run that a task may be given, {@link #runId()}, {@link #runStatus()}, {@link #WORKSPACE_PATH} and
 * the others of the kind, and {@link #value} of a file output, are called on this class too ({@code Dsl.runId()}).
 */
public final class Dsl extends RunValues {
  private Dsl() {}

  /** A comparison of two values, a task output, a pipeline parameter or a constant each. */
  public record Condition(Object left, String operator, Object right) {}

  public static Condition eq(Object left, Object right) {
    return new Condition(left, "==", right);
  }

  public static Condition ne(Object left, Object right) {
    return new Condition(left, "!=", right);
  }

  public static Condition lt(Object left, Object right) {
    return new Condition(left, "<", right);
  }

  public static Condition le(Object left, Object right) {
    return new Condition(left, "<=", right);
  }

  public static Condition gt(Object left, Object right) {
    return new Condition(left, ">", right);
  }

  public static Condition ge(Object left, Object right) {
    return new Condition(left, ">=", right);
  }

  /**
   * Runs the tasks of {@code body} only when {@code condition} holds, as KFP's {@code dsl.If};
   * nest calls for "and". Chain {@link When#orWhen} and {@link When#otherwise} for else branches.
   */
  public static When when(Condition condition, Runnable body) {
    Objects.requireNonNull(condition, "condition");
    body.run();
    return new When();
  }

  /**
   * {@link #when(Condition, Runnable)} with a name of its own, KFP's {@code dsl.If(condition, name='big')}: the display
   * name of the condition's group in KFP 2 (its task stays {@code condition-N}). The name is a {@code String} constant, not
   * blank.
   */
  public static When when(Condition condition, String name, Runnable body) {
    Objects.requireNonNull(name, "name");
    return when(condition, body);
  }

  /**
   * A condition written with {@link #when}, which may go on with else branches: the first branch
   * whose condition holds runs, as KFP 2's {@code dsl.If}, {@code dsl.Elif} and {@code dsl.Else}.
   */
  public static final class When {
    private When() {}

    /** Runs the tasks of {@code body} when no earlier branch ran and {@code condition} holds ({@code dsl.Elif}). */
    public When orWhen(Condition condition, Runnable body) {
      Objects.requireNonNull(condition, "condition");
      body.run();
      return this;
    }

    /** {@link #orWhen(Condition, Runnable)} with a name of its own, {@code dsl.Elif(condition, name='small')}. */
    public When orWhen(Condition condition, String name, Runnable body) {
      Objects.requireNonNull(name, "name");
      return orWhen(condition, body);
    }

    /** Runs the tasks of {@code body} when no earlier branch ran ({@code dsl.Else}); the chain ends here. */
    public void otherwise(Runnable body) {
      body.run();
    }

    /** {@link #otherwise(Runnable)} with a name of its own, {@code dsl.Else(name='edge')}. */
    public void otherwise(String name, Runnable body) {
      Objects.requireNonNull(name, "name");
      otherwise(body);
    }
  }

  /**
   * A chain of branches that gives a value, as KFP 2's {@code dsl.If}/{@code dsl.Elif}/{@code
   * dsl.Else} with {@code dsl.OneOf}: each branch's lambda makes its tasks and returns an output of
   * one of them ({@code () -> CoinOps.print("heads").output()}, or a block ending in {@code return
   * t.output();}), and the chain, ended by {@link OneOf#otherwise}, gives the output of the branch
   * that ran:
   *
   * <pre>{@code
   * var said = Dsl.oneOf(Dsl.eq(flip.output(), "heads"), () -> CoinOps.print("heads").output())
   *     .orWhen(Dsl.eq(flip.output(), "tails"), () -> CoinOps.print("tails").output())
   *     .otherwise(() -> CoinOps.print("edge").output());
   * CoinOps.print(said);
   * }</pre>
   *
   * Every branch gives an output of the same KFP type. Only KFP 2 has it: the pipeline needs
   * {@code @Pipeline(formats = Format.KFP2)}.
   */
  public static <V> OneOf<V> oneOf(Condition condition, Supplier<V> body) {
    return new OneOf<V>().orWhen(condition, body);
  }

  /** {@link #oneOf(Condition, Supplier)} with a name of its own for the first branch, as {@link #when(Condition, String, Runnable)}. */
  public static <V> OneOf<V> oneOf(Condition condition, String name, Supplier<V> body) {
    Objects.requireNonNull(name, "name");
    return oneOf(condition, body);
  }

  /**
   * A chain of branches begun with {@link #oneOf}, whose branches each give a value: {@link
   * #otherwise} ends it and gives the value of the branch that ran.
   *
   * @param <V> the Java type of the value every branch gives
   */
  public static final class OneOf<V> {
    private OneOf() {}

    /** The branch that runs when no earlier branch ran and {@code condition} holds ({@code dsl.Elif}), giving {@code body}'s value. */
    public OneOf<V> orWhen(Condition condition, Supplier<V> body) {
      Objects.requireNonNull(condition, "condition");
      body.get();
      return this;
    }

    /** {@link #orWhen(Condition, Supplier)} with a name of its own, {@code dsl.Elif(condition, name='small')}. */
    public OneOf<V> orWhen(Condition condition, String name, Supplier<V> body) {
      Objects.requireNonNull(name, "name");
      return orWhen(condition, body);
    }

    /** The branch that runs when no earlier branch ran ({@code dsl.Else}); the chain ends here and gives the value of the branch that ran. */
    public V otherwise(Supplier<V> body) {
      return body.get();
    }

    /** {@link #otherwise(Supplier)} with a name of its own, {@code dsl.Else(name='edge')}. */
    public V otherwise(String name, Supplier<V> body) {
      Objects.requireNonNull(name, "name");
      return otherwise(body);
    }
  }

  /**
   * Runs the tasks of {@code body} once per item, in parallel: over a constant list (of values, or
   * of records whose components the body reads), a list pipeline parameter or a list task output;
   * or over the artifacts a loop collected ({@code var models = Dsl.collect(rates, r ->
   * TrainOps.train(r).model())}, then {@code Dsl.forEach(models, model -> EvalOps.evaluate(model))}),
   * one artifact an item, given to the body's tasks as an artifact output is, as KFP 2's {@code
   * dsl.ParallelFor} over a list of artifacts ({@code artifactIterator}). Only KFP 2 loops over
   * artifacts: that pipeline needs {@code @Pipeline(formats = Format.KFP2)}.
   *
   * <p>It gives the loop, for tasks written after it to wait for every iteration, as KFP's {@code
   * .after(one)} on a task of a {@code dsl.ParallelFor}: {@code var loop = Dsl.forEach(xs, x ->
   * CalcOps.add(x, 10)); CalcOps.report().after(loop);}.
   */
  public static <T> Loop forEach(List<T> items, Consumer<T> body) {
    items.forEach(body);
    return new Loop();
  }

  /** As {@link #forEach(List, Consumer)}, running at most {@code parallelism} items at once. */
  public static <T> Loop forEach(List<T> items, int parallelism, Consumer<T> body) {
    items.forEach(body);
    return new Loop();
  }

  /**
   * {@link #forEach(List, Consumer)} with a name of its own, KFP's {@code dsl.ParallelFor(items, name='loop')}: the display
   * name of the loop's group in KFP 2 (its task stays {@code for-loop-N}). The name is a {@code String} constant, not blank.
   */
  public static <T> Loop forEach(List<T> items, String name, Consumer<T> body) {
    Objects.requireNonNull(name, "name");
    return forEach(items, body);
  }

  /** {@link #forEach(List, int, Consumer)} with a name of its own, as {@link #forEach(List, String, Consumer)}. */
  public static <T> Loop forEach(List<T> items, int parallelism, String name, Consumer<T> body) {
    Objects.requireNonNull(name, "name");
    return forEach(items, parallelism, body);
  }

  /**
   * A loop {@link #forEach} made, which tasks written after it may wait for: {@code
   * t.after(loop)} runs {@code t} once every iteration of the loop finished, as KFP's {@code
   * .after(task)} on a task of a {@code dsl.ParallelFor} ({@code dependentTasks: [for-loop-N]} in
   * KFP 2, a dependency on the loop's DAG task in Argo). A task waits for a loop, and that is all a
   * loop is for: it is no value to pass to a task. Called from plain Java, {@code forEach} has run
   * every item when it returns, so there is nothing to wait for.
   */
  public static final class Loop {
    private Loop() {}
  }

  /**
   * Runs the tasks of {@code body} once per item, in parallel, as {@link #forEach(List, Consumer)},
   * and gives the values {@code body} returns, one per item in the order of the items, as KFP 2's
   * {@code dsl.Collected}: {@code body} returns an output of a task it makes ({@code item ->
   * CalcOps.square(item).output()}, or a block ending in {@code return t.output();}). Assign the
   * list to a variable and pass it to tasks after the loop, or return it from the pipeline. Only
   * KFP 2 collects a loop's outputs: the pipeline needs {@code @Pipeline(formats = Format.KFP2)}.
   */
  public static <T, V> List<V> collect(List<T> items, Function<T, V> body) {
    List<V> out = new ArrayList<>();
    items.forEach(item -> out.add(body.apply(item)));
    return out;
  }

  /** As {@link #collect(List, Function)}, running at most {@code parallelism} items at once. */
  public static <T, V> List<V> collect(List<T> items, int parallelism, Function<T, V> body) {
    return collect(items, body);
  }

  /** {@link #collect(List, Function)} with a name of its own for its loop, as {@link #forEach(List, String, Consumer)}. */
  public static <T, V> List<V> collect(List<T> items, String name, Function<T, V> body) {
    Objects.requireNonNull(name, "name");
    return collect(items, body);
  }

  /** {@link #collect(List, int, Function)} with a name of its own for its loop, as {@link #forEach(List, String, Consumer)}. */
  public static <T, V> List<V> collect(List<T> items, int parallelism, String name, Function<T, V> body) {
    Objects.requireNonNull(name, "name");
    return collect(items, body);
  }

  /**
   * A list that loops fill, as KFP 2's {@code dsl.Collected} of a task in a nested loop or under a
   * condition inside a loop: declare it before the loops, {@code List<Path> doubled =
   * Dsl.collected();}, add one task output to it once, inside one or more loops ({@code
   * doubled.add(Ops.double_(y).outDataset())}, in {@code Dsl.when} too), and read it after the
   * outermost of those loops, where it holds every output the task gave, flat, the outer loop's
   * items' order first, none from an iteration whose condition was false. It goes wherever a list
   * {@link #collect(List, Function)} gives goes. The loops it is added in are those inside the
   * lambda where it is declared, so a list declared inside an outer loop's lambda collects over
   * the inner loops only, one list per outer item. Only KFP 2 collects: the pipeline needs
   * {@code @Pipeline(formats = Format.KFP2)}. Called from plain Java it is an empty list that the
   * lambdas fill as they run (each of them, as {@link #when} runs its lambda).
   */
  public static <V> List<V> collected() {
    return new ArrayList<>();
  }

  /**
   * Runs {@code exitTask} when the pipeline ends, whatever the outcome of the tasks in {@code
   * body}. Must be the outermost statement of the pipeline; its arguments may be constants,
   * pipeline parameters and values of the run, {@link #runStatus()} among them (only here). In a pipeline
   * written for KFP 2 only ({@code @Pipeline(formats = Format.KFP2)}), several may follow one another, as KFP 2's
   * compiler allows, each {@code exitTask} running once its own {@code body}'s tasks have ended, whatever happened.
   */
  public static void exitHandler(Task<?> exitTask, Runnable body) {
    Objects.requireNonNull(exitTask, "exitTask");
    body.run();
  }

  /**
   * {@link #exitHandler(Task, Runnable)} with a name of its own, KFP's {@code dsl.ExitHandler(exit_task,
   * name='notify')}: the display name of the exit handler's group in KFP 2 (its task stays {@code
   * exit-handler-1}). The name is a {@code String} constant, not empty.
   */
  public static void exitHandler(Task<?> exitTask, String name, Runnable body) {
    Objects.requireNonNull(exitTask, "exitTask");
    Objects.requireNonNull(name, "name");
    body.run();
  }

  /**
   * Runs a pipeline as the exit task (KFP 2's {@code dsl.ExitHandler(exit_op())} where {@code exit_op}
   * is a pipeline): {@code exitPipeline} is one call of a {@code @Pipeline} method, {@code () ->
   * Cleanup.cleanup(Dsl.runStatus())}, whose tasks run when the pipeline ends, whatever the outcome
   * of the tasks in {@code body}; a parameter of type {@link PipelineTaskFinalStatus} of that
   * pipeline takes {@link #runStatus()}. KFP 2 only. Called from plain Java it runs {@code body},
   * then {@code exitPipeline}.
   */
  public static void exitHandler(Runnable exitPipeline, Runnable body) {
    Objects.requireNonNull(exitPipeline, "exitPipeline");
    body.run();
    exitPipeline.run();
  }

  /** {@link #exitHandler(Runnable, Runnable)} with a name of its own, as {@link #exitHandler(Task, String, Runnable)}. */
  public static void exitHandler(Runnable exitPipeline, String name, Runnable body) {
    Objects.requireNonNull(exitPipeline, "exitPipeline");
    Objects.requireNonNull(name, "name");
    body.run();
    exitPipeline.run();
  }

  /**
   * Creates a PersistentVolumeClaim in the run, as KFP's {@code VolumeOp}, with access mode
   * {@code ReadWriteMany}; {@code size} is a quantity such as {@code "1Gi"} (a constant or a
   * pipeline parameter).
   */
  public static VolumeTask volume(String resourceName, String size) {
    return new VolumeTask(new Object[] {"resourceName", resourceName, "size", size});
  }

  /** As {@link #volume(String, String)} with an access mode and a storage class (empty: the default). */
  public static VolumeTask volume(String resourceName, String size, String accessMode, String storageClass) {
    return new VolumeTask(
        new Object[] {"resourceName", resourceName, "size", size, "accessMode", accessMode, "storageClass", storageClass});
  }

  /**
   * Brings an artifact that exists already into the run, as KFP 2's {@code dsl.importer}: the
   * artifact at {@code uri} (a constant, or a pipeline parameter, such as {@code
   * "gs://bucket/data.csv"}), of type {@code type} ({@code Dataset.class}, {@code Model.class}, ...).
   * Pass {@link ImporterTask#artifact()} to a task's input of that type; chain {@code
   * .reimport(true)} and {@code .metadata(Map.of(...))}. KFP v1 has no importer: the pipeline needs
   * {@code @Pipeline(formats = Format.KFP2)}. The local runner imports local files and folders
   * ({@code file:///abs/path}, {@code /abs/path}), copying them into the run.
   */
  public static ImporterTask importer(String uri, Class<? extends dev.kfp4j.artifacts.Artifact> type) {
    return new ImporterTask(new Object[] {"uri", uri});
  }

  /**
   * Acts on a Kubernetes resource, as KFP's {@code ResourceOp}: {@code action} is {@code
   * create}, {@code apply}, {@code patch}, {@code delete}, {@code replace} or {@code get};
   * {@code manifest} is the resource as a YAML constant.
   */
  public static ResourceTask resource(String action, String manifest) {
    return new ResourceTask(new Object[] {"action", action, "manifest", manifest});
  }
}
