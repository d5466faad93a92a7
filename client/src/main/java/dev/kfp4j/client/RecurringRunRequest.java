package dev.kfp4j.client;

import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A recurring run of a pipeline version on a {@link Schedule}. Its arguments are sent as {@link
 * RunRequest}'s are: typed by {@link #withParameterTypes} for v2beta1.
 *
 * @param maxConcurrency how many of its runs may run at once, 1 to 10 as KFP allows
 * @param noCatchup when true, runs missed while disabled or behind are skipped, not made up
 */
public record RecurringRunRequest(String name, String description, String experimentId, String pipelineId,
    String versionId, Map<String, String> arguments, Map<String, ParameterType> parameterTypes, Schedule schedule,
    int maxConcurrency, boolean noCatchup, boolean enabled, String serviceAccount, String pipelineRoot) {
  public RecurringRunRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(schedule, "schedule");
    if (maxConcurrency < 1 || maxConcurrency > 10) {
      throw new IllegalArgumentException("max concurrency " + maxConcurrency + " must be 1 to 10");
    }
    arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    parameterTypes = parameterTypes == null ? Map.of() : Map.copyOf(parameterTypes);
    pipelineRoot = pipelineRoot == null || pipelineRoot.isBlank() ? null : pipelineRoot;
  }

  /** Enabled, one run at a time, catching up missed runs: KFP's defaults. */
  public static RecurringRunRequest of(String name, String experimentId, String pipelineId, String versionId,
      Schedule schedule, Map<String, String> arguments) {
    return new RecurringRunRequest(name, null, experimentId, pipelineId, versionId, arguments, null, schedule, 1, false, true, null, null);
  }

  public RecurringRunRequest withMaxConcurrency(int maxConcurrency) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments, parameterTypes, schedule,
        maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }

  public RecurringRunRequest withNoCatchup(boolean noCatchup) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments, parameterTypes, schedule,
        maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }

  public RecurringRunRequest withEnabled(boolean enabled) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments, parameterTypes, schedule,
        maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }

  public RecurringRunRequest withDescription(String description) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments, parameterTypes, schedule,
        maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }

  /** The pipeline's parameters, whose types v2beta1 sends the arguments as. */
  public RecurringRunRequest withParameterTypes(List<Parameter> parameters) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments,
        RunRequest.typesOf(parameters), schedule, maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }

  /** Where its runs keep their artifacts, in the place of the pipeline's own root (v2beta1 only); null or blank: the pipeline's. */
  public RecurringRunRequest withPipelineRoot(String pipelineRoot) {
    return new RecurringRunRequest(name, description, experimentId, pipelineId, versionId, arguments, parameterTypes, schedule,
        maxConcurrency, noCatchup, enabled, serviceAccount, pipelineRoot);
  }
}
