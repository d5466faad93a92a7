package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a local run of a KFP 2 spec checks before anything runs, beyond what reading it into the model checks: shapes KFP's
 * backend runs otherwise than the model would ({@link UpstreamFailureHooks}). A file that only goes to a cluster is not
 * refused for them.
 */
public final class Kfp2RunChecks {
  private Kfp2RunChecks() {}

  /**
   * Checks that a local run of {@code spec} runs its tasks as KFP's backend would.
   *
   * @throws FormatException naming {@code source}, the DAG and the task when it would not
   */
  public static void runnable(JsonNode spec, String source) {
    JsonNode components = spec.path("components");
    JsonNode executors = spec.path("deploymentSpec").path("executors");
    UpstreamFailureHooks.check(source, spec.path("root").path("dag"), components, executors, "root");
    for (Map.Entry<String, JsonNode> c : components.properties()) {
      if (c.getValue().has("dag")) {
        UpstreamFailureHooks.check(source, c.getValue().get("dag"), components, executors, "component '" + c.getKey() + "'");
      }
    }
  }
}
