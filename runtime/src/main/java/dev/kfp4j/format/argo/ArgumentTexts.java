package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What an Argo workflow's texts hold that needs no scope to read: constants typed as numbers or text, loop items, a task's waits. */
final class ArgumentTexts {
  private ArgumentTexts() {}

  /** The tasks an Argo DAG task waits for: its {@code dependencies}, or those its {@code depends} names ({@link Depends}). */
  static List<String> dependencies(JsonNode task, String where) {
    return dependencies(task, task.hasNonNull("depends") ? Depends.tasks(task.get("depends").asString(""), where) : List.of());
  }

  /** The tasks an Argo DAG task waits for: its {@code dependencies}, then {@code depends}, the tasks its {@code depends} names. */
  static List<String> dependencies(JsonNode task, java.util.Collection<String> depends) {
    List<String> out = new ArrayList<>();
    task.path("dependencies").forEach(d -> out.add(d.asString("")));
    out.addAll(depends);
    return out;
  }

  /**
   * A loop's constant items ({@code withItems}), typed as KFP v1 writes them; a number as Argo's server writes the YAML
   * number ({@link GoNumbers}), whose text the item keeps: {@code 1e3} is {@code 1000}.
   */
  static Loop.Items constants(JsonNode items) {
    List<Argument.Constant> values = new ArrayList<>();
    for (JsonNode item : items) {
      values.add(item.isContainer() ? new Argument.Constant(Yaml.jsonText(GoNumbers.withGoNumbers(item)), containerType(item))
          : item(item));
    }
    return new Loop.Constants(values);
  }

  /**
   * The items of a constant {@code withParam}, a JSON list read with its numbers kept as written ({@link
   * Yaml#readJsonAsRaw}): each number, an item or inside one, as written, which Argo keeps ({@code Item} holds its raw
   * JSON: {@code 1.50} stays {@code 1.50}).
   */
  static Loop.Items jsonConstants(JsonNode list) {
    List<Argument.Constant> values = new ArrayList<>();
    for (JsonNode item : list) {
      String number = Yaml.rawText(item);
      values.add(number != null ? new Argument.Constant(number, digits(number, number.startsWith("-") ? 1 : 0)
          ? ParameterType.INTEGER : ParameterType.FLOAT)
          : item.isContainer() ? new Argument.Constant(Yaml.jsonText(item), containerType(item)) : item(item));
    }
    return new Loop.Constants(values);
  }

  private static ParameterType containerType(JsonNode item) {
    return item.isObject() ? ParameterType.STRUCT : ParameterType.LIST;
  }

  /** A scalar item: a number as Argo's server writes the YAML number ({@link GoNumbers}), else as {@link #constant} reads it. */
  private static Argument.Constant item(JsonNode item) {
    return item.isNumber() ? new Argument.Constant(GoNumbers.text(item), item.isIntegralNumber() ? ParameterType.INTEGER
        : ParameterType.FLOAT) : constant(item.asString(""));
  }

  /** A constant read from text: a number where it is one, else text. */
  static Argument.Constant constant(String text) {
    if (digits(text, text.startsWith("-") ? 1 : 0)) {
      return new Argument.Constant(text, ParameterType.INTEGER);
    }
    try {
      Double.parseDouble(text);
      return new Argument.Constant(text, ParameterType.FLOAT);
    } catch (NumberFormatException e) {
      return Argument.Constant.of(text);
    }
  }

  /** Whether {@code text} has a digit from {@code from} on, and only ASCII digits (a regular expression's {@code \\d+} there). */
  static boolean digits(String text, int from) {
    if (from >= text.length()) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
