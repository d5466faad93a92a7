package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a local run of a KFP 2 spec checks before anything runs, beyond what reading it into the model checks: shapes KFP's
 * backend runs otherwise than the model would ({@link UpstreamFailureHooks}, {@link DagInputTypes}, {@link
 * LeftOutArtifacts}), and, once the run's values are known, a value left out that KFP's driver would fail on ({@link
 * LeftOutInputs}). A file that only goes to a cluster is not refused for them.
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
    DagInputTypes.check(spec, source);
    LeftOutArtifacts.check(spec, source);
    for (Map.Entry<String, JsonNode> c : components.properties()) {
      if (c.getValue().has("dag")) {
        UpstreamFailureHooks.check(source, c.getValue().get("dag"), components, executors, "component '" + c.getKey() + "'");
      }
    }
  }

  /**
   * Checks that the pipeline inputs a run leaves out ({@code leftOut}: optional, without a default, not given) go nowhere KFP's
   * driver fails on them.
   *
   * @throws FormatException naming {@code source}, the input and the task that passes it
   */
  public static void leftOut(JsonNode spec, Set<String> leftOut, String source) {
    LeftOutInputs.check(spec, leftOut, source);
  }
}
