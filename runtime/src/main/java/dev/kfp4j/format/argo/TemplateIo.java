package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What kfp4j makes of each key of a template's inputs and outputs, and of the workflow's arguments
 * (the entrypoint's inputs): Argo's {@code Parameter} and {@code Artifact}, schemas v3.3.10 and
 * v4.0.8. A key is held by the model (read, written, read again the same), or it is not:
 *
 * <ul>
 *   <li>a key without which a run on one machine would not do what Argo does ({@code enum}, an
 *       input's {@code valueFrom}, a file's mode) is refused when read ({@link #checkRun}, {@link
 *       #checkArgumentsRun});
 *   <li>an output parameter's {@code valueFrom.default} and an output artifact's {@code optional}, which
 *       a run here does as Argo's executor does ({@link MissingOutputs}), are refused where the
 *       workflow is to be written again ({@link #checkCarried}): the model does not carry them;
 *   <li>an input artifact's own source of its file ({@code s3}, {@code http}, ..., {@code optional})
 *       is refused when read where a task gives no file instead ({@link #checkGiven});
 *   <li>any other key changes nothing on one machine ({@code globalName}, {@code archive}, where an
 *       output is stored, a DAG's outputs, ...) but the workflow written again would lose it, so
 *       {@link ArgoReader#readToWrite} refuses it ({@link #checkCarried}).
 * </ul>
 *
 * An input artifact's {@code raw} text is held as the input's default (each task that gives no
 * file is given it, as the KFP SDK's compiler writes a constant given to a file input); the
 * descriptions of a container template's parameters as the component's, a workflow parameter's as
 * the pipeline's. An input parameter's {@code value} is held as its default; a {@code default}
 * beside it is dropped, as harmless: Argo uses it only where there is no value.
 */
final class TemplateIo {
  /** The lists of a template's inputs and outputs. */
  private static final List<String> LISTS = List.of("inputs.parameters", "inputs.artifacts", "outputs.parameters", "outputs.artifacts");

  /**
   * The keys the model holds, by kind of template and list. An output parameter's {@code
   * valueFrom} is held with its {@code path} (a container's) or {@code jsonPath} (a resource's)
   * alone; a DAG's outputs are not held.
   */
  private static final Map<String, Map<String, Set<String>>> HELD = Map.of(
      "container", Map.of(
          "inputs.parameters", Set.of("name", "default", "value", "description"),
          "inputs.artifacts", Set.of("name", "path", "raw"),
          "outputs.parameters", Set.of("name", "valueFrom", "description"),
          "outputs.artifacts", Set.of("name", "path")),
      "dag", Map.of(
          "inputs.parameters", Set.of("name", "default", "value"),
          "inputs.artifacts", Set.of("name"),
          "outputs.parameters", Set.of(),
          "outputs.artifacts", Set.of()),
      "resource", Map.of(
          "inputs.parameters", Set.of("name"),
          "inputs.artifacts", Set.of(),
          "outputs.parameters", Set.of("name", "valueFrom"),
          "outputs.artifacts", Set.of()));

  /** The one key of an output parameter's {@code valueFrom} that the model holds, by kind of template. */
  private static final Map<String, String> VALUE_FROM = Map.of("container", "path", "resource", "jsonPath");

  /** The keys without which a run here would differ from Argo's, by list: why, and what to do. */
  private static final Map<String, Map<String, String>> CHANGES_RUN = Map.of(
      "inputs.parameters", Map.of(
          "enum", "a run here would not check the value against it. Remove it, or check the value in the template's command",
          "valueFrom", "a run here would not take the value from it. Give the value as an argument of each task, or as the input's default"),
      "inputs.artifacts", Map.of(
          "mode", "a run here gives the file the mode it has. Set the mode in the template's command (chmod)",
          "recurseMode", "a run here gives the files the mode they have. Set the mode in the template's command (chmod -R)",
          "subPath", "a run here gives the whole artifact. Give the file itself"),
      "outputs.parameters", Map.of(),
      "outputs.artifacts", Map.of());

  /** The keys of an input artifact that give its file where a task gives none: what a run here would not do. */
  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    for (String s : List.of("s3", "gcs", "git", "hdfs", "http", "oss", "artifactory", "azure", "plugin", "from", "fromExpression")) {
      SOURCES.put(s, "a run here would not load the file from it");
    }
    SOURCES.put("optional", "a run here would not run the template without the file");
  }

  /** The keys of a workflow parameter ({@code spec.arguments.parameters}) that the model holds. */
  private static final Set<String> HELD_ARGUMENT = Set.of("name", "value", "description");

  private TemplateIo() {}

  /**
   * Refuses a key of the inputs or outputs of {@code template}, a container or DAG template,
   * without which a run here would not do what Argo does.
   */
  static void checkRun(JsonNode template, String where) {
    for (String list : LISTS) {
      for (JsonNode item : items(template, list)) {
        for (String key : item.propertyNames()) {
          String why = CHANGES_RUN.get(list).get(key);
          if (why != null) {
            throw unheld(where + ": " + list + " '" + item.path("name").asString("") + "'", "'" + key + "'", why);
          }
        }
      }
    }
    for (JsonNode p : items(template, "outputs.parameters")) {
      for (String key : p.path("valueFrom").propertyNames()) {
        // a default is the value where the file cannot be read (MissingOutputs), as Argo's SaveParameters takes it
        if (template.has("container") && !key.equals("path") && !key.equals("default") && p.path("valueFrom").has("path")) {
          throw unheld(where + ": outputs.parameters '" + p.path("name").asString("") + "'", "'valueFrom." + key + "'",
              "a run here reads an output parameter from its file (valueFrom.path) alone. Write the value to the file");
        }
      }
    }
  }

  /** The input artifacts of {@code template} that have a source of their own ({@link #SOURCES}): name to its key. */
  static Map<String, String> sources(JsonNode template) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode a : items(template, "inputs.artifacts")) {
      for (String key : SOURCES.keySet()) {
        if (a.has(key) && !a.path(key).isNull()) {
          out.putIfAbsent(a.path("name").asString(""), key);
        }
      }
    }
    return out;
  }

  /**
   * Refuses a source of an input artifact ({@link #sources}) where a task gives no file instead:
   * {@code given} are the inputs it gives; {@code who} says who runs the template ({@code task 't'
   * of template 'main'}).
   */
  static void checkGiven(Map<String, String> sources, Set<String> given, String where, String who) {
    sources.forEach((input, key) -> {
      if (!given.contains(input)) {
        throw unheld(where + ": inputs.artifacts '" + input + "'", "'" + key + "'",
            SOURCES.get(key) + ", and " + who + " gives none. Give the file as an argument of each task that runs the template");
      }
    });
  }

  /**
   * Refuses a key of the inputs or outputs of {@code template} (a container, DAG or resource
   * template) that a run here does without but that the model does not carry, so that the
   * workflow written again would lose it. Other kinds of template are refused when read.
   */
  static void checkCarried(JsonNode template, String where) {
    String kind = template.has("container") ? "container" : template.has("dag") ? "dag" : template.has("resource") ? "resource" : null;
    if (kind == null) {
      return;
    }
    if (kind.equals("dag") && !template.path("outputs").isEmpty()) {
      throw notCarried(where, "outputs");
    }
    for (String side : List.of("inputs", "outputs")) {
      for (String key : template.path(side).propertyNames()) {
        if (!key.equals("parameters") && !key.equals("artifacts")) {
          throw notCarried(where + ": " + side, key);
        }
      }
    }
    for (String list : LISTS) {
      for (JsonNode item : items(template, list)) {
        String what = where + ": " + list + " '" + item.path("name").asString("") + "'";
        for (String key : item.propertyNames()) {
          if (!HELD.get(kind).get(list).contains(key) && !CHANGES_RUN.get(list).containsKey(key)) {
            throw notCarried(what, key);
          }
        }
        if (list.equals("outputs.parameters")) {
          for (String key : item.path("valueFrom").propertyNames()) {
            if (!key.equals(VALUE_FROM.get(kind))) {
              throw notCarried(what, "valueFrom." + key);
            }
          }
        }
      }
    }
  }

  /** Refuses a key of the workflow's parameters without which a run here would not do what Argo does. */
  static void checkArgumentsRun(JsonNode spec, String source) {
    for (JsonNode p : spec.path("arguments").path("parameters")) {
      for (String key : List.of("enum", "valueFrom")) {
        if (p.has(key)) {
          throw unheld(source + ": spec.arguments.parameters '" + p.path("name").asString("") + "'", "'" + key + "'",
              key.equals("enum") ? "a run here would not check the value given against it. Remove it, or check the value in a template"
                  : "a run here would not take the value from it. Give the parameter a value");
        }
      }
    }
  }

  /** Refuses a key of the workflow's arguments that a run here does without but the model does not carry. */
  static void checkArgumentsCarried(JsonNode spec, String source) {
    for (String key : spec.path("arguments").propertyNames()) {
      if (!key.equals("parameters")) {
        throw notCarried(source + ": spec.arguments", key);
      }
    }
    for (JsonNode p : spec.path("arguments").path("parameters")) {
      for (String key : p.propertyNames()) {
        if (!HELD_ARGUMENT.contains(key) && !key.equals("enum") && !key.equals("valueFrom")) {
          throw notCarried(source + ": spec.arguments.parameters '" + p.path("name").asString("") + "'", key);
        }
      }
    }
  }

  /** The parameters a task gives a DAG template, and the value (else default) of each input it does not give, as in Argo. */
  static Map<String, Argument> withDefaults(Map<String, Argument> given, JsonNode template) {
    Map<String, Argument> out = new LinkedHashMap<>(given);
    for (JsonNode p : template.path("inputs").path("parameters")) {
      String n = p.path("name").asString("");
      String value = valueElseDefault(p);
      if (!out.containsKey(n) && value != null) {
        out.put(n, Argument.Constant.of(value));
      }
    }
    return out;
  }

  /** An input parameter's {@code value}, else its {@code default}, else null: a value wins, as in Argo. */
  static String valueElseDefault(JsonNode parameter) {
    String value = text(parameter, "value");
    return value != null ? value : text(parameter, "default");
  }

  /** The text of {@code node}'s {@code key}, or null. */
  static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asString() : null;
  }

  private static Iterable<JsonNode> items(JsonNode template, String list) {
    String[] path = list.split("\\.");
    return template.path(path[0]).path(path[1]);
  }

  private static FormatException unheld(String what, String key, String why) {
    return new FormatException(what + " uses " + key + ", which kfp4j's model does not hold: " + why);
  }

  /** The refusal of key {@code key} of {@code what}, another tool's template or workflow, which the workflow written again would lose. */
  static FormatException notCarried(String what, String key) {
    return notCarried(what, key, "Run it locally, or submit the file with Argo's own tools");
  }

  /**
   * The refusal of key {@code key} of {@code what} (a template, or a part of it), which the workflow written again would lose;
   * {@code instead} says what to do instead.
   */
  static FormatException notCarried(String what, String key, String instead) {
    return new FormatException(what + " uses '" + key + "', which kfp4j's model does not carry: the workflow written again would lose it. "
        + instead);
  }
}
