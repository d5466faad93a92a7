package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.TaskConfigs;
import java.util.List;

/**
 * A task of a component that takes its task's configuration or lists passthroughs (KFP 2's {@code
 * dsl.TaskConfig}, {@code task_config_passthroughs}): Argo (KFP v1) has none of it, so a pipeline
 * written for Argo cannot call it; and, as KFP's compiler checks ({@code
 * _validate_task_config_passthroughs_for_container_settings} and {@code ..._for_kubernetes_settings}),
 * a component with passthroughs takes no setting of a field it does not list: an error on the
 * setting's call.
 */
final class TaskConfigCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    boolean argo = graph.pipeline().writes(Format.ARGO) && !graph.pipeline().takesStatus();
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof TaskBuilder task) || !TaskConfigs.uses(task.component())) {
        continue;
      }
      ComponentSpec c = task.component();
      if (argo) {
        boolean input = c.inputs().stream().anyMatch(TaskConfigs::isTaskConfig);
        reporter.error(task.position(), FormatMessage.ARGO_TASK_CONFIG, c.name(),
            input ? "takes its task's configuration (TaskConfig)" : "passes its task's settings through");
      }
      List<TaskConfigs.Passthrough> passthroughs = TaskConfigs.of(c);
      if (passthroughs.isEmpty()) {
        continue; // KFP checks the settings of a component with passthroughs only
      }
      List<String> listed = passthroughs.stream().map(TaskConfigs.Passthrough::field).toList();
      for (SettingCall s : step.settings()) {
        String field = TaskConfigs.field(s.setting());
        if (field != null && !listed.contains(field)) {
          reporter.error(s.position(), Message.PASSTHROUGH_NOT_LISTED, method(s), what(field), c.name(), listed, field, field);
        }
      }
    }
  }

  /** The setting's call as the message names it. */
  private static String method(SettingCall s) {
    return s.method() + "(...)";
  }

  /** The field as a user reads it. */
  private static String what(String field) {
    return switch (field) {
      case "RESOURCES" -> "resources (CPU, memory, accelerators)";
      case "ENV" -> "env variables";
      case "KUBERNETES_AFFINITY" -> "affinity";
      case "KUBERNETES_TOLERATIONS" -> "tolerations";
      case "KUBERNETES_NODE_SELECTOR" -> "node selector";
      default -> "volumes (claims, secrets and config maps mounted)";
    };
  }
}
