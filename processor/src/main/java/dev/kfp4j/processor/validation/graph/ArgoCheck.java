package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import dev.kfp4j.spec.Placeholder;
import java.util.List;
import java.util.Map;

/**
 * When a pipeline is written as an Argo Workflow (KFP v1), it uses only what KFP v1 can run: no
 * loop outputs collected ({@code Dsl.collect}), no branch's output ({@code Dsl.oneOf}), no importer
 * ({@code Dsl.importer}), no run value Argo has no variable for ({@code Dsl.taskName()}, {@code
 * Dsl.taskId()}, {@code Dsl.runScheduleTimeUtc()}), no component that takes KFP 2's executor input ({@code {{$}}}) other than
 * kfp4j's own Java components, which speak both protocols, and none that uses an artifact's URI
 * ({@code {{$.inputs.artifacts['x'].uri}}}, {@code {inputUri: x}}) or metadata ({@code
 * {{$.inputs.artifacts['x'].metadata}}}, from a KFP 2 spec).
 */
public final class ArgoCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    if (!graph.pipeline().writes(Format.ARGO) || graph.pipeline().takesStatus()) {
      return; // a pipeline taking the final status is no workflow of its own: it runs as the exit task of a KFP 2 pipeline
    }
    if (graph.exitsByPipeline()) {
      Position at = graph.exitHandlerAt();
      reporter.error(at == null ? graph.exitTask().position() : at, FormatMessage.ARGO_EXIT_PIPELINE, graph.exitTask().pipelineCall().pipelineName());
    }
    for (dev.kfp4j.processor.graph.ComparisonCall call : graph.comparisons()) {
      if (call.comparison().left() instanceof Argument.OneOf || call.comparison().right() instanceof Argument.OneOf) {
        reporter.error(call.position(), FormatMessage.ARGO_ONE_OF);
      }
    }
    for (StepBuilder step : graph.steps()) {
      for (Map.Entry<String, Argument> e : step.arguments().values().entrySet()) {
        Argument.TaskOutput called = ArtifactLists.called(graph, e.getValue());
        if (called != null) { // the List<Path> a called pipeline returns: KFP 2's isArtifactList output
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, FormatMessage.ARGO_CALLED_ARTIFACT_LIST, called.output(),
              ((TaskBuilder) graph.step(called.task())).pipelineCall().pipelineName());
        }
        if (e.getValue() instanceof Argument.Collected) {
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, FormatMessage.ARGO_COLLECTED);
        }
        if (e.getValue() instanceof Argument.OneOf) {
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, FormatMessage.ARGO_ONE_OF);
        }
        if (e.getValue() instanceof Argument.RunValue r && !inArgo(r.kind())) {
          Position at = step.arguments().position(e.getKey());
          reporter.error(at == null ? step.position() : at, FormatMessage.ARGO_RUN_VALUE, call(r.kind()));
        }
      }
      for (dev.kfp4j.processor.graph.SettingCall s : step.settings()) {
        if (s.setting() instanceof dev.kfp4j.model.RunSetting.CacheKey) {
          reporter.error(s.position(), FormatMessage.ARGO_CACHE_KEY);
        }
      }
      if (step instanceof dev.kfp4j.processor.graph.ImporterBuilder) {
        reporter.error(step.position(), FormatMessage.ARGO_IMPORTER);
      }
      if (step instanceof TaskBuilder task && takesExecutorInput(task.component())) {
        reporter.error(task.position(), FormatMessage.ARGO_EXECUTOR_INPUT, task.component().name());
      }
      if (step instanceof TaskBuilder task && task.component().container() != null) {
        Placeholder uri = firstUri(task.component().container().command());
        uri = uri != null ? uri : firstUri(task.component().container().args());
        if (uri instanceof Placeholder.InputUri in) {
          reporter.error(task.position(), FormatMessage.ARGO_ARTIFACT_URI, task.component().name(), "input '" + in.input() + "'", "inputs",
              in.input(), "input", in.input());
        } else if (uri instanceof Placeholder.OutputUri out) {
          reporter.error(task.position(), FormatMessage.ARGO_ARTIFACT_URI, task.component().name(), "output '" + out.output() + "'", "outputs",
              out.output(), "output", out.output());
        } else if (uri instanceof Placeholder.InputMetadata in) {
          reporter.error(task.position(), FormatMessage.ARGO_ARTIFACT_METADATA, task.component().name(), "input '" + in.input() + "'", "inputs",
              in.input());
        } else if (uri instanceof Placeholder.OutputMetadata out) {
          reporter.error(task.position(), FormatMessage.ARGO_ARTIFACT_METADATA, task.component().name(), "output '" + out.output() + "'", "outputs",
              out.output());
        }
      }
    }
  }

  /** Whether Argo has a variable for the run value: all but the task's name and id and the schedule time. */
  private static boolean inArgo(Argument.RunValue.Kind kind) {
    return kind != Argument.RunValue.Kind.TASK_NAME && kind != Argument.RunValue.Kind.TASK_ID
        && kind != Argument.RunValue.Kind.SCHEDULE_TIME;
  }

  /** The {@code Dsl} call that gives the run value. */
  private static String call(Argument.RunValue.Kind kind) {
    return switch (kind) {
      case TASK_NAME -> "Dsl.taskName()";
      case TASK_ID -> "Dsl.taskId()";
      default -> "Dsl.runScheduleTimeUtc()";
    };
  }

  /**
   * What in {@code spec} KFP v1 (Argo) cannot run, as a clause ({@code runs KFP 2's executor protocol ({{$}})}), or null:
   * the checks of a task called in a body, for a task of a KFP 2 pipeline file that a call runs.
   */
  public static String notInArgo(ComponentSpec spec) {
    if (takesExecutorInput(spec)) {
      return "runs KFP 2's executor protocol ({{$}}) (component '" + spec.name() + "')";
    }
    if (spec.container() == null) {
      return null;
    }
    Placeholder uri = firstUri(spec.container().command());
    uri = uri != null ? uri : firstUri(spec.container().args());
    return uri == null ? null : "uses an artifact's URI or metadata, which only KFP 2 gives (component '" + spec.name() + "')";
  }

  /** Whether the component reads KFP 2's executor input and is not a kfp4j Java entrypoint. */
  private static boolean takesExecutorInput(ComponentSpec spec) {
    if (spec.container() == null || JavaEntrypoint.of(spec.container()).isPresent()) {
      return false;
    }
    return mentions(spec.container().command()) || mentions(spec.container().args());
  }

  /** The first artifact URI ({@code inputUri}, {@code outputUri}) or metadata (KFP 2's {@code .metadata}) the items use, or null. */
  private static Placeholder firstUri(List<Placeholder> items) {
    for (Placeholder p : items) {
      Placeholder found = p instanceof Placeholder.InputUri || p instanceof Placeholder.OutputUri
          || p instanceof Placeholder.InputMetadata || p instanceof Placeholder.OutputMetadata ? p
          : p instanceof Placeholder.Concat c ? firstUri(c.items())
          : p instanceof Placeholder.If i ? (firstUri(i.then()) != null ? firstUri(i.then()) : firstUri(i.otherwise()))
          : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static boolean mentions(List<Placeholder> items) {
    for (Placeholder p : items) {
      if (p instanceof Placeholder.ExecutorInput) {
        return true;
      }
      if (p instanceof Placeholder.Concat c && mentions(c.items())) {
        return true;
      }
      if (p instanceof Placeholder.If i && (mentions(i.then()) || mentions(i.otherwise()))) {
        return true;
      }
    }
    return false;
  }
}
