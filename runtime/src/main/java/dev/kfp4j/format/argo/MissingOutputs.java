package dev.kfp4j.format.argo;

import dev.kfp4j.spec.ComponentSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a run of an Argo workflow does where a container template of another tool does not write an output's file, as
 * Argo's executor does: an output parameter's {@code valueFrom.default} is its value when its file cannot be read ({@code
 * SaveParameters}), and an output artifact with {@code optional: true} whose file is not there is not saved, the step
 * succeeding ({@code saveArtifact}). Keyed by template (the name of its component, {@link ComponentReader}) and output.
 * The model does not carry them: a workflow read to be written again refuses them ({@link TemplateIo#checkCarried}).
 */
public record MissingOutputs(Map<List<String>, String> defaults, Set<List<String>> optional) {
  /** A run of a pipeline whose every output's file must be written (a KFP 2 spec's). */
  public static final MissingOutputs NONE = new MissingOutputs(Map.of(), Set.of());

  public MissingOutputs {
    defaults = Map.copyOf(defaults);
    optional = Set.copyOf(optional);
  }

  /** The templates' defaults and optional outputs of workflow {@code root}. */
  public static MissingOutputs of(JsonNode root) {
    Map<List<String>, String> defaults = new HashMap<>();
    Map<List<String>, Boolean> optional = new LinkedHashMap<>();
    for (JsonNode t : root.path("spec").path("templates")) {
      if (!t.has("container") || ComponentReader.writtenByKfp4j(t)) {
        continue;
      }
      String template = t.path("name").asString("");
      Set<String> parameterPaths = new java.util.HashSet<>();
      for (JsonNode p : t.path("outputs").path("parameters")) {
        parameterPaths.add(p.path("valueFrom").path("path").asString(""));
        JsonNode dflt = p.path("valueFrom").path("default");
        if (!dflt.isMissingNode() && !dflt.isNull()) { // a number as Argo's AnyString has it: 7.0 is 7
          defaults.putIfAbsent(List.of(template, p.path("name").asString("")), dflt.isNumber() ? GoNumbers.text(dflt) : dflt.asString());
        }
      }
      // the output an artifact's file is (the first artifact at its path: ComponentReader's), optional when each artifact
      // saved from that file is: Argo saves each, and fails the step on one that is not optional
      Map<String, String> owners = new HashMap<>();
      for (JsonNode a : t.path("outputs").path("artifacts")) {
        String path = a.path("path").asString("");
        if (!parameterPaths.contains(path)) {
          String owner = owners.computeIfAbsent(path, x -> a.path("name").asString(""));
          optional.merge(List.of(template, owner), a.path("optional").asBoolean(false), Boolean::logicalAnd);
        }
      }
    }
    Set<List<String>> optionals = new java.util.HashSet<>();
    optional.forEach((k, v) -> {
      if (v) {
        optionals.add(k);
      }
    });
    return new MissingOutputs(defaults, optionals);
  }

  /**
   * Refuses an output of {@code template}, a template kfp4j wrote, that says what kfp4j does not write and a run would do: a
   * parameter's {@code valueFrom} key beside {@code path} ({@code default}), an artifact's {@code optional}. Such a template's
   * component annotation defines its component, so a run would ignore the key, not give the default or let the file be
   * missing, where Argo would; {@code where} names the template.
   */
  static void checkWrittenByKfp4j(JsonNode template, String where) {
    for (String list : List.of("parameters", "artifacts")) {
      for (JsonNode o : template.path("outputs").path(list)) {
        List<String> keys = new java.util.ArrayList<>();
        o.path("valueFrom").properties().stream().filter(e -> !e.getKey().equals("path") && !e.getValue().isNull())
            .forEach(e -> keys.add("valueFrom." + e.getKey()));
        if (o.path("optional").asBoolean(false)) { // optional: false is Argo's default
          keys.add("optional");
        }
        if (!keys.isEmpty()) {
          throw new dev.kfp4j.format.FormatException(where + ": outputs." + list + " '" + o.path("name").asString("") + "' uses '"
              + keys.get(0) + "', which kfp4j does not write: the template carries kfp4j's component annotation (" + Argo.COMPONENT_SPEC
              + "), which defines its component, so a run would ignore it. Remove it (the component writes each of its outputs), or"
              + " change the component and compile the pipeline again");
        }
      }
    }
  }

  /** Whether output parameter {@code output} of container template {@code template} has a {@code valueFrom.default}. */
  static boolean defaulted(JsonNode template, String output) {
    for (JsonNode p : template.path("outputs").path("parameters")) {
      if (p.path("name").asString("").equals(output) && TemplateIo.text(p.path("valueFrom"), "default") != null) {
        return true;
      }
    }
    return false;
  }

  /** The value of {@code output} of {@code spec} where its file cannot be read, or null when it has none. */
  public String defaultOf(ComponentSpec spec, String output) {
    return defaults.get(List.of(spec.name(), output));
  }

  /** Whether {@code output} of {@code spec} is an artifact that a step that does not write it lacks, and succeeds. */
  public boolean optional(ComponentSpec spec, String output) {
    return optional.contains(List.of(spec.name(), output));
  }
}
