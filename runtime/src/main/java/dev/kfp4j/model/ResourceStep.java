package dev.kfp4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action on a Kubernetes resource, as KFP v1's {@code ResourceOp}: {@code action} ({@code
 * create}, {@code apply}, {@code patch}, {@code delete}, ...) on {@code manifest} (YAML, which may
 * use the step's arguments), succeeding or failing when a condition on the resource holds, with
 * outputs read from the resource by JSON path ({@code manifest}: the whole resource). KFP 2 has
 * no such step.
 */
public record ResourceStep(
    String name,
    String action,
    String manifest,
    Map<String, Argument> arguments,
    String successCondition,
    String failureCondition,
    Map<String, String> outputs,
    List<String> after,
    List<TaskSetting> settings)
    implements Step {
  public ResourceStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(manifest, "manifest");
    arguments = Models.copy(arguments);
    outputs = Models.copy(outputs);
    after = List.copyOf(after);
    settings = List.copyOf(settings);
  }
}
