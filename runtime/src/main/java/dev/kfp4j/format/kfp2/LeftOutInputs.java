package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline input a run leaves out (optional, without a default) passed into a DAG of its own: a condition, a loop, an exit
 * handler's body or a pipeline used as a component. KFP gives the root DAG such an input as null ({@code Compile} in {@code
 * backend/src/v2/compiler/argocompiler/argo.go}), and a task of the root that takes it as an optional input goes without it;
 * but the driver of a DAG given it ({@code resolveInputs} in {@code backend/src/v2/driver/resolve.go}) fails on the null
 * ({@code ErrResolvedParameterNull}) when the DAG's input is not optional, and else skips it, so that a task inside reading it
 * fails ({@code resolveInputParameter}: "parent DAG does not have input parameter"). A local run would pass the task inside
 * nothing and run it; it refuses the run before anything runs instead, naming the task.
 */
final class LeftOutInputs {
  private LeftOutInputs() {}

  static void check(JsonNode spec, Set<String> leftOut, String source) {
    JsonNode components = spec.path("components");
    JsonNode tasks = spec.path("root").path("dag").path("tasks");
    for (String name : new TreeSet<>(tasks.propertyNames())) {
      JsonNode task = tasks.get(name);
      JsonNode comp = components.path(task.path("componentRef").path("name").asString(""));
      if (!comp.has("dag")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> p : task.path("inputs").path("parameters").properties()) {
        String parameter = p.getValue().path("componentInputParameter").asString("");
        if (!leftOut.contains(parameter)) {
          continue;
        }
        String input = p.getKey();
        boolean optional = comp.path("inputDefinitions").path("parameters").path(input).path("isOptional").asBoolean(false);
        Map.Entry<String, String> read = optional ? reader(comp.get("dag"), "parameters", input) : null;
        String reader = read == null ? null : read.getKey();
        if (!optional || reader != null) {
          throw new FormatException(source + ": pipeline input '" + parameter + "' is left out (optional, no default), and root "
              + "task '" + name + "' passes it into its DAG as input '" + input + "'; KFP's driver fails such a run (resolveInputs "
              + "in backend/src/v2/driver/resolve.go: " + (optional ? "the DAG's optional input is skipped, and its task '"
              + reader + "' reading it finds none" : "a null input the DAG does not declare optional is refused")
              + "), where a local run would pass the tasks inside nothing: give '" + parameter + "' a value");
        }
      }
    }
  }

  /**
   * The first task of {@code dag}, by name, that reads the DAG's input {@code input} of {@code kind} ({@code parameters}:
   * by {@code componentInputParameter}, {@code artifacts}: by {@code componentInputArtifact}), with the name of its input
   * that does; null when none does.
   */
  static Map.Entry<String, String> reader(JsonNode dag, String kind, String input) {
    String ref = kind.equals("artifacts") ? "componentInputArtifact" : "componentInputParameter";
    JsonNode tasks = dag.path("tasks");
    for (String name : new TreeSet<>(tasks.propertyNames())) {
      for (Map.Entry<String, JsonNode> in : tasks.get(name).path("inputs").path(kind).properties()) {
        if (input.equals(in.getValue().path(ref).asString(null))) {
          return Map.entry(name, in.getKey());
        }
      }
    }
    return null;
  }
}
