package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * What a task input receives: a constant, a pipeline parameter, another task's output, the item
 * (or one field of the item) of an enclosing loop, the outputs of a task in a loop, collected
 * into a list once the loop is done, the output of whichever branch of a chain ran, or a value of
 * the run itself.
 */
public sealed interface Argument {

  /**
   * A compile-time constant in KFP's text form ({@code 3}, {@code 0.5}, {@code True}, {@code
   * [1, 2]}, {@code {"a": 1}}, text as is) and the type of the Java value it came from.
   */
  record Constant(String text, ParameterType type) implements Argument {
    public Constant {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(type, "type");
    }

    /** A text constant. */
    public static Constant of(String text) {
      return new Constant(text, ParameterType.STRING);
    }
  }

  /** The value of a pipeline parameter. */
  record PipelineParameter(String name) implements Argument {
    public PipelineParameter {
      Objects.requireNonNull(name, "name");
    }
  }

  /** An output of another task ({@code task}: its name), a value or a file. */
  record TaskOutput(String task, String output) implements Argument {
    public TaskOutput {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * The current item of the enclosing loop named {@code loop}, or one field of it when the items
   * are records or JSON objects ({@code field} null for the whole item).
   */
  record LoopItem(String loop, String field) implements Argument {
    public LoopItem {
      Objects.requireNonNull(loop, "loop");
    }
  }

  /**
   * Output {@code output} of task {@code task}, which runs once per item of the loop {@code loop},
   * collected into a list when the loop is done, in the order of the items, as KFP 2's {@code
   * dsl.Collected}. The task is in the loop's body, or in loops and conditions inside it: then the
   * list is flat, as KFP's driver gathers it, every value the task gave, the outer loop's items'
   * order first, none from an iteration where a condition around the task was false. Read outside
   * the loop, where the loop is visible. (Read from a KFP 2 spec, {@code loop} may name a condition
   * in no loop: KFP's compiler writes {@code dsl.Collected} of a task there as an output of the
   * condition's DAG; no writer takes it, and each says so.)
   */
  record Collected(String loop, String task, String output) implements Argument {
    public Collected {
      Objects.requireNonNull(loop, "loop");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * The output of whichever branch ran of the chain of branches {@code branches}, as KFP 2's {@code
   * dsl.OneOf}: {@code outputs} holds one output per branch, in the branches' order, each of a task
   * in that branch's own body. The chain ends with an else branch, so one always runs. Read outside
   * the chain, where it is visible.
   */
  record OneOf(String branches, List<TaskOutput> outputs) implements Argument {
    public OneOf {
      Objects.requireNonNull(branches, "branches");
      outputs = List.copyOf(outputs);
      if (outputs.size() < 2) {
        throw new IllegalArgumentException("one of the outputs of '" + branches + "': give one output per branch, at least two");
      }
    }
  }

  /**
   * A value of the run itself, known only when it runs: its id, its name, or its status
   * ({@code Succeeded}, {@code Failed} or {@code Error} in the exit task, which runs after the
   * rest; {@code Running} anywhere else); or, as KFP 2's backend gives them, its resource name,
   * the time it was created or scheduled, and the name and id of the task that reads it.
   */
  record RunValue(Kind kind) implements Argument {
    /** Which value of the run, each as KFP's {@code dsl} placeholder of the same name. */
    public enum Kind {
      /** {@code PIPELINE_JOB_ID_PLACEHOLDER}. */
      RUN_ID,
      /** {@code PIPELINE_JOB_NAME_PLACEHOLDER}. */
      RUN_NAME,
      /** {@code dsl.PipelineTaskFinalStatus}'s state, to the exit task. */
      STATUS,
      /** {@code PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER}: the name of the run's Kubernetes object. */
      RESOURCE_NAME,
      /** {@code PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER}: RFC 3339, in UTC. */
      CREATE_TIME,
      /** {@code PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER}: a recurring run's scheduled time, else its creation's. */
      SCHEDULE_TIME,
      /** {@code PIPELINE_TASK_NAME_PLACEHOLDER}: the name of the task given it. */
      TASK_NAME,
      /** {@code PIPELINE_TASK_ID_PLACEHOLDER}: an id of the task given it, unique in the run. */
      TASK_ID
    }

    public RunValue {
      Objects.requireNonNull(kind, "kind");
    }

    /** Whether {@code a} is the pipeline's final status ({@code Dsl.runStatus()}, KFP's {@code PipelineTaskFinalStatus}). */
    public static boolean isStatus(Argument a) {
      return a instanceof RunValue r && r.kind() == Kind.STATUS;
    }
  }
}
