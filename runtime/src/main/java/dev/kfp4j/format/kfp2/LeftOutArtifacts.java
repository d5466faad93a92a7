package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * An input artifact of a DAG (a pipeline used as a component) that the task running the DAG does not give, read by a task
 * inside. KFP's driver finds a task's input artifact only among its DAG's ({@code resolveInputArtifact} in {@code
 * backend/src/v2/driver/resolve.go}: "parent DAG does not have input artifact"), and {@code resolveInputs} asks {@code
 * isOptional} of parameters only, so the task fails though its input is optional (KFP's {@code
 * components_with_optional_artifacts.py} calls {@code inner_pipeline()} so). The model leaves the artifact out of such a
 * task ({@link GroupInputs}); a local run is refused before anything runs, naming both tasks.
 */
final class LeftOutArtifacts {
  private LeftOutArtifacts() {}

  static void check(JsonNode spec, String source) {
    JsonNode components = spec.path("components");
    dag(spec.path("root").path("dag"), "root", components, source);
    for (String name : new TreeSet<>(components.propertyNames())) {
      dag(components.get(name).path("dag"), "component '" + name + "'", components, source);
    }
  }

  /** Checks the tasks of {@code dag} (in {@code where}) that run a DAG. */
  private static void dag(JsonNode dag, String where, JsonNode components, String source) {
    JsonNode tasks = dag.path("tasks");
    for (String caller : new TreeSet<>(tasks.propertyNames())) {
      JsonNode task = tasks.get(caller);
      String compName = task.path("componentRef").path("name").asString("");
      JsonNode comp = components.path(compName);
      if (!comp.has("dag")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> def : comp.path("inputDefinitions").path("artifacts").properties()) {
        String input = def.getKey();
        if (task.path("inputs").path("artifacts").has(input) || !def.getValue().path("isOptional").asBoolean(false)
            || input.equals(task.path("artifactIterator").path("itemInput").asString(null))) {
          continue; // given; else required (the reader refuses it); or a loop's item, which the iteration's driver gives
        }
        Map.Entry<String, String> reader = LeftOutInputs.reader(comp.path("dag"), "artifacts", input);
        if (reader != null) {
          throw new FormatException(source + ": component '" + compName + "', task '" + reader.getKey() + "', input '"
              + reader.getValue() + "': it reads artifact '" + input + "' of its DAG, which task '" + caller + "' (" + where
              + ") running that DAG leaves out; KFP's driver fails the task though its input is optional (resolveInputArtifact in "
              + "backend/src/v2/driver/resolve.go: \"parent DAG does not have input artifact\"): have task '" + caller
              + "' pass an artifact");
        }
      }
    }
  }
}
