package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;

/**
 * A Kubernetes step ({@code Dsl.volume}, {@code Dsl.resource}) runs no container of its own: of
 * the task settings it takes only its display name, retries and timeout. Nor does an importer
 * ({@code Dsl.importer}): it takes its display name, caching and retries, as KFP 2 writes them in
 * the task.
 */
final class ResourceStepSettingsCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      if (step instanceof TaskBuilder) {
        continue;
      }
      boolean importer = step instanceof dev.kfp4j.processor.graph.ImporterBuilder;
      for (SettingCall call : step.settings()) {
        if (importer && !appliesToImporter(call.setting())) {
          reporter.error(call.position(), Message.IMPORTER_SETTING, call.method());
        } else if (!importer && !applies(call.setting())) {
          reporter.error(call.position(), Message.RESOURCE_STEP_SETTING, call.method());
        }
      }
    }
  }

  private static boolean appliesToImporter(TaskSetting s) {
    return s instanceof TaskSetting.DisplayName || s instanceof RunSetting.Caching || s instanceof RunSetting.Retry
        || s instanceof RunSetting.RetryBackoff;
  }

  private static boolean applies(TaskSetting s) {
    return s instanceof TaskSetting.DisplayName || s instanceof RunSetting.Retry || s instanceof RunSetting.RetryBackoff
        || s instanceof RunSetting.Timeout;
  }
}
