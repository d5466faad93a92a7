package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.InputSpec;
import java.util.Map;

/**
 * A task run after a failure ({@code ignoreUpstreamFailure()}, KFP's {@code ignore_upstream_failure()}) gives each
 * input that reads a task's output a default, which KFP passes when that task failed, as KFP's compiler requires; and
 * it is KFP 2's alone.
 */
final class UpstreamFailureCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      SettingCall call = setting(step);
      if (call == null || !(step instanceof TaskBuilder task)) {
        continue;
      }
      if (step == graph.exitTask()) {
        reporter.error(call.position(), Message.UPSTREAM_FAILURE_EXIT_TASK);
        continue;
      }
      if (graph.pipeline().writes(Format.ARGO)) {
        reporter.error(call.position(), FormatMessage.ARGO_IGNORE_UPSTREAM_FAILURE);
      }
      for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
        InputSpec in = task.component().input(e.getKey()).orElse(null);
        String producer = e.getValue() instanceof Argument.TaskOutput o ? o.task()
            : e.getValue() instanceof Argument.Collected c ? c.task()
            : e.getValue() instanceof Argument.OneOf o ? o.branches() : null;
        if (in != null && producer != null && !in.optional() && in.defaultValue() == null) {
          reporter.error(task.arguments().position(e.getKey()), Message.UPSTREAM_FAILURE_INPUT_REQUIRED, task.name(), in.name(),
              producer);
        }
      }
    }
  }

  /** The step's {@code ignoreUpstreamFailure()} call, or null. */
  static SettingCall setting(StepBuilder step) {
    for (SettingCall s : step.settings()) {
      if (s.setting() instanceof RunSetting.IgnoreUpstreamFailure) {
        return s;
      }
    }
    return null;
  }
}
