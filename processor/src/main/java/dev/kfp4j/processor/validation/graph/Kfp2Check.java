package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.ResourceBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.Use;
import dev.kfp4j.processor.graph.VolumeBuilder;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.validation.PipelineValidator;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.Placeholder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;

/**
 * When a pipeline is written in KFP 2's format, it uses only what KFP 2 can express: no
 * Kubernetes resource step, files passed only as artifacts (a file input takes a task's file
 * output, a value input no file), retries without a policy other than KFP's ({@code OnFailure}) and backoffs of whole
 * seconds, command lines in KFP 2's placeholders, no run setting KFP 2 has no place for ({@code podGc}, {@code parallelism},
 * {@code serviceAccount}), and of a volume only its name (KFP 2's {@code createpvc} gives no size).
 * Each is an error where it is written, naming the alternative.
 */
final class Kfp2Check implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    PipelineModel pipeline = graph.pipeline();
    if (!pipeline.writes(Format.KFP2)) {
      return;
    }
    settings(pipeline, reporter);
    for (Use use : graph.uses()) {
      if (use.task() instanceof VolumeBuilder volume && !use.isAfter() && !use.output().equals("name")) {
        reporter.error(use.position(), FormatMessage.KFP2_VOLUME_OUTPUT, use.output(), volume.name());
      }
    }
    for (StepBuilder step : graph.steps()) {
      if (step instanceof ResourceBuilder) {
        reporter.error(step.position(), FormatMessage.KFP2_RESOURCE_STEP);
        continue;
      }
      for (SettingCall call : step.settings()) {
        retry(call, reporter);
      }
      if (step instanceof TaskBuilder task) {
        arguments(graph, task, reporter);
        String placeholder = unsupported(task.component());
        if (placeholder != null) {
          reporter.error(task.position(), FormatMessage.KFP2_COMPONENT, task.component().name(), placeholder);
        }
      }
    }
  }

  /**
   * KFP 2 retries a task that failed: KFP's backend gives Argo no retry policy (Argo's default, {@code OnFailure}), and
   * of a backoff only its whole seconds ({@code Duration.Seconds}), so {@code "500ms"} would wait 0 s on KFP.
   */
  private static void retry(SettingCall call, Reporter reporter) {
    if (call.setting() instanceof RunSetting.Retry r && r.policy() != null && !r.policy().equals("OnFailure")) {
      reporter.error(call.position(), FormatMessage.KFP2_RETRY_POLICY, r.limit(), r.policy(), r.limit());
    }
    if (call.setting() instanceof RunSetting.RetryBackoff b) {
      for (String duration : List.of(b.duration(), b.maxDuration())) {
        BigDecimal seconds = duration.isEmpty() ? BigDecimal.ZERO : Kfp2Writer.backoffSeconds(duration);
        if (seconds.signum() > 0 && seconds.stripTrailingZeros().scale() > 0) {
          long whole = seconds.longValue(); // what KFP's backend keeps
          reporter.error(call.position(), FormatMessage.KFP2_BACKOFF_SECONDS, b.duration(), b.factor(), b.maxDuration(), duration, whole,
              whole + 1);
          return;
        }
      }
    }
  }

  private static void settings(PipelineModel pipeline, Reporter reporter) {
    PipelineSettings s = pipeline.settings();
    AnnotationMirror a = Annotations.annotation(pipeline.element(), PipelineValidator.PIPELINE);
    if (!s.podGc().isEmpty()) {
      reporter.error(pipeline.element(), a, "podGc", FormatMessage.KFP2_PIPELINE_SETTING, "podGc",
          "KFP 2 deletes a run's pods after ttlSecondsAfterFinished: set that instead");
    }
    if (s.parallelism() > 0) {
      reporter.error(pipeline.element(), a, "parallelism", FormatMessage.KFP2_PIPELINE_SETTING, "parallelism",
          "limit a loop's parallelism instead, with Dsl.forEach(items, parallelism, ...)");
    }
    if (!s.serviceAccount().equals(PipelineSettings.PIPELINE_RUNNER)) {
      reporter.error(pipeline.element(), a, "serviceAccount", FormatMessage.KFP2_PIPELINE_SETTING, "serviceAccount",
          "KFP 2 takes the service account when a run is created, not in the pipeline spec: give it to the run");
    }
  }

  /** KFP 2 passes files as artifacts: a file input takes a file output, and a value input no file. */
  private static void arguments(PipelineBuilder graph, TaskBuilder task, Reporter reporter) {
    ComponentSpec spec = task.component();
    for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
      String input = e.getKey();
      if (spec.input(input).isEmpty()) {
        continue; // InputCheck's
      }
      if (ArgumentTypeCheck.collectedArtifacts(graph, e.getValue()) != null || spec.input(input).get().isArtifactList()
          || ArtifactLists.called(graph, e.getValue()) != null
          || ArgumentTypeCheck.isArtifactListParameter(graph, e.getValue())) {
        continue; // lists of artifacts: ArgumentTypeCheck's
      }
      Argument a = e.getValue() instanceof Argument.OneOf one ? one.outputs().get(0) : e.getValue(); // all of one kind
      Argument.Collected list = ArgumentTypeCheck.artifactItemOf(graph, a);
      a = list != null ? new Argument.TaskOutput(list.task(), list.output()) : a; // an artifact of the list a loop iterates over
      Argument.PipelineParameter listed = ArgumentTypeCheck.listParameterOf(graph, a); // of @InputPath List<Path>
      a = listed != null ? listed : a;
      Argument.TaskOutput calledList = ArtifactLists.calledItemOf(graph, a); // of the List<Path> a called pipeline returns
      a = calledList != null ? calledList : a;
      if (calledList == null && task.graphCall() == null && ArgumentTypeCheck.outputTypeMismatch(graph, task, input, a)) {
        continue; // ArgumentTypeCheck's TypeMismatch: an output of the input's type is what to pass, in either format
      }
      boolean artifactParameter = ArgumentTypeCheck.artifactParameter(graph, a) != null; // @InputPath("Dataset") Path, KFP's Input[Dataset]
      boolean file = artifactParameter || calledList != null || a instanceof Argument.TaskOutput o && (graph.step(o.task()) instanceof TaskBuilder producer
          && producer.component().outputIsArtifact(o.output()) || graph.step(o.task()) instanceof ImporterBuilder);
      Position at = task.arguments().position(input) == null ? task.position() : task.arguments().position(input);
      TaskBuilder called = calledPipelineItems(graph, a);
      if (spec.inputIsArtifact(input) && !file && called != null) {
        reporter.error(at, Message.LOOP_OVER_CALLED_PIPELINE, input, spec.name(), ((Argument.LoopItem) a).loop(),
            called.pipelineCall().pipelineName());
      } else if (spec.inputIsArtifact(input) && !file) {
        reporter.error(at, FormatMessage.KFP2_VALUE_TO_FILE, input, spec.name(), describe(a));
      } else if (!spec.inputIsArtifact(input) && artifactParameter) {
        reporter.error(at, FormatMessage.KFP2_ARTIFACT_PARAMETER_TO_VALUE, input, spec.name(), ((Argument.PipelineParameter) a).name());
      } else if (!spec.inputIsArtifact(input) && file) {
        Argument.TaskOutput o = (Argument.TaskOutput) a;
        reporter.error(at, FormatMessage.KFP2_FILE_TO_VALUE, input, spec.name(), o.output(), o.task());
      } else if (a instanceof Argument.Constant c) {
        constant(c, spec, input, at, reporter);
      }
    }
  }

  /**
   * A constant given to a value input is a value KFP 2 holds: a protobuf {@code Value}, whose numbers are doubles, has no
   * nan and no whole number a double does not hold exactly (9007199254740993, 2^53 + 1, would reach the task as 2^53). Said on
   * the argument; the writer refused them too, on the pipeline method, and took the big number.
   */
  private static void constant(Argument.Constant c, ComponentSpec spec, String input, Position at, Reporter reporter) {
    dev.kfp4j.spec.TypeSpec type = spec.input(input).get().type();
    dev.kfp4j.model.ParameterType kind = type == null ? null : dev.kfp4j.model.ParameterType.ofV1Name(type.name());
    try {
      dev.kfp4j.format.kfp2.Kfp2Writer.value(c.text(), kind, "task '" + spec.name() + "', input '" + input + "'");
    } catch (dev.kfp4j.format.FormatException e) {
      reporter.error(at, FormatMessage.KFP2_NOT_WRITTEN, e.getMessage());
    }
  }

  /** The call of another pipeline whose output the loop of item {@code a} iterates over, or null. */
  private static TaskBuilder calledPipelineItems(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.LoopItem item && graph.group(item.loop()) != null
        && graph.group(item.loop()).items() instanceof dev.kfp4j.model.Loop.Over over && over.source() instanceof Argument.TaskOutput o
        && graph.step(o.task()) instanceof TaskBuilder t && t.pipelineCall() != null) {
      return t;
    }
    return null;
  }

  private static String describe(Argument a) {
    if (a instanceof Argument.Constant c) {
      return "the constant '" + c.text() + "'";
    }
    if (a instanceof Argument.PipelineParameter p) {
      return "pipeline parameter '" + p.name() + "'";
    }
    if (a instanceof Argument.TaskOutput o) {
      return "output '" + o.output() + "' of '" + o.task() + "' (a value)";
    }
    if (a instanceof Argument.Collected c) {
      return "the outputs of '" + c.task() + "' collected from '" + c.loop() + "'";
    }
    if (a instanceof Argument.OneOf o) {
      return "the output of whichever branch of '" + o.branches() + "' ran";
    }
    if (a instanceof Argument.RunValue) {
      return "a value of the run";
    }
    return "the loop item";
  }

  /**
   * The first placeholder of the component's command line that KFP 2 has none for, or null: KFP 2
   * takes values, paths, {@code concat} and an {@code if} on {@code isPresent}.
   */
  static String unsupported(ComponentSpec spec) {
    if (spec.container() == null) {
      return null;
    }
    List<Placeholder> all = new ArrayList<>(spec.container().command());
    all.addAll(spec.container().args());
    all.addAll(spec.container().env().values());
    return unsupported(all);
  }

  private static String unsupported(List<Placeholder> items) {
    for (Placeholder p : items) {
      String found = null;
      if (p instanceof Placeholder.Concat c) {
        found = unsupported(c.items());
      } else if (p instanceof Placeholder.If i) {
        if (!(i.cond() instanceof Placeholder.IsPresent)) {
          return "its command line has an 'if' on " + i.cond() + ", and KFP 2's only condition is isPresent";
        }
        List<Placeholder> branches = new ArrayList<>(i.then());
        branches.addAll(i.otherwise());
        found = unsupported(branches);
      } else if (p instanceof Placeholder.IsPresent present) {
        return "its command line passes isPresent of '" + present.input() + "' as a value, which KFP 2 has no placeholder for";
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
