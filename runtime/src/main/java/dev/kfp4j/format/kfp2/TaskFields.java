package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a DAG's task ({@code PipelineTaskSpec}) and of an executor's container ({@code
 * PipelineContainerSpec}) that kfp4j reads into its model; any other is refused with one line naming it, so that a spec
 * read and written again, or run, never loses a field without a word (a container's {@code lifecycle}). A task's inputs are read, or refused, value by value by the DAG's reader.
 */
final class TaskFields {
  private static final KnownFields TASK = new KnownFields(Map.ofEntries(
      Map.entry("", Set.of("taskInfo", "inputs", "dependentTasks", "cachingOptions", "componentRef", "triggerPolicy",
          "artifactIterator", "parameterIterator", "retryPolicy", "iteratorPolicy")),
      Map.entry("taskInfo", Set.of("name")),
      Map.entry("cachingOptions", Set.of("enableCache", "cacheKey")),
      Map.entry("componentRef", Set.of("name")),
      Map.entry("triggerPolicy", Set.of("condition", "strategy")),
      Map.entry("parameterIterator", Set.of("items", "itemInput")),
      Map.entry("parameterIterator.items", Set.of("raw", "inputParameter")),
      Map.entry("retryPolicy", Set.of("maxRetryCount", "backoffDuration", "backoffFactor", "backoffMaxDuration")),
      Map.entry("iteratorPolicy", Set.of("parallelismLimit"))));
  private static final KnownFields CONTAINER = new KnownFields(Map.ofEntries(
      Map.entry("", Set.of("image", "command", "args", "resources", "env")),
      Map.entry("resources", Set.of("cpuLimit", "memoryLimit", "cpuRequest", "memoryRequest", "resourceCpuLimit",
          "resourceMemoryLimit", "resourceCpuRequest", "resourceMemoryRequest", "accelerator")),
      Map.entry("resources.accelerator", Set.of("type", "count", "resourceType", "resourceCount")),
      Map.entry("env", Set.of("name", "value"))));
  /** The numbers KFP's SDK writes beside each resource's quantity (deprecated), which kfp4j writes again from the quantity. */
  private static final Map<String, String> NUMBERS = Map.of("cpuLimit", "resourceCpuLimit", "memoryLimit", "resourceMemoryLimit",
      "cpuRequest", "resourceCpuRequest", "memoryRequest", "resourceMemoryRequest");

  private TaskFields() {}

  /** Refuses a field of {@code task} ({@code where} names it in {@code source}) that kfp4j does not read. */
  static void task(String source, String where, JsonNode task) {
    KnownFields.Unknown u = TASK.first(task);
    if (u != null) {
      throw new FormatException(source + ": " + where + ": its " + u.at() + " is not in kfp4j's model, which would lose it (" + u.reads()
          + ")");
    }
    if (task.has("iteratorPolicy") && !task.has("parameterIterator") && !task.has("artifactIterator")) {
      throw new FormatException(source + ": " + where + ": its iteratorPolicy " + task.get("iteratorPolicy") + " limits the "
          + "iterations of a task that loops over nothing (no parameterIterator); kfp4j's model, and KFP's compiler, give a loop's "
          + "task alone a parallelismLimit");
    }
  }

  /** Refuses a field of executor {@code label}'s {@code container} that kfp4j does not read. */
  static void container(String source, String label, JsonNode container) {
    KnownFields.Unknown u = CONTAINER.first(container);
    if (u != null) {
      throw new FormatException(source + ": executor '" + label + "': its container's " + u.at() + " is not in kfp4j's model, which "
          + "would lose it (" + u.reads() + ")");
    }
    NUMBERS.forEach((number, quantity) -> {
      if (container.path("resources").has(number) && !container.path("resources").has(quantity)) {
        throw new FormatException(source + ": executor '" + label + "': its container's resources." + number + " comes without "
            + "resources." + quantity + ", which kfp4j reads (KFP's SDK of today writes both; compile the pipeline again with it)");
      }
    });
  }
}
