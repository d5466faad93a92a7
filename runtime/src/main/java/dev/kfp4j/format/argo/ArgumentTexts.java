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
    List<String> out = new ArrayList<>();
    task.path("dependencies").forEach(d -> out.add(d.asString("")));
    if (task.hasNonNull("depends")) {
      out.addAll(Depends.tasks(task.get("depends").asString(""), where));
    }
    return out;
  }

  /**
   * A loop's constant items ({@code withItems}), typed as KFP v1 writes them; a number as Argo's server writes the YAML
   * number ({@link GoNumbers}), whose text the item keeps: {@code 1e3} is {@code 1000}.
   */
  static Loop.Items constants(JsonNode items) {
    List<Argument.Constant> values = new ArrayList<>();
    for (JsonNode item : items) {
      if (item.isObject()) {
        values.add(new Argument.Constant(Yaml.jsonText(GoNumbers.withGoNumbers(item)), ParameterType.STRUCT));
      } else if (item.isArray()) {
        values.add(new Argument.Constant(Yaml.jsonText(GoNumbers.withGoNumbers(item)), ParameterType.LIST));
      } else if (item.isNumber()) {
        values.add(new Argument.Constant(GoNumbers.text(item), item.isIntegralNumber() ? ParameterType.INTEGER : ParameterType.FLOAT));
      } else {
        values.add(constant(item.asString("")));
      }
    }
    return new Loop.Constants(values);
  }

  /**
   * The items of a constant {@code withParam}, JSON list {@code text} read as {@code list}: each number, an item or inside
   * one, as written, which Argo keeps ({@code Item} holds its raw JSON: {@code 1.50} stays {@code 1.50}).
   */
  static Loop.Items jsonConstants(String text, JsonNode list) {
    List<Argument.Constant> values = new ArrayList<>(((Loop.Constants) constants(list)).values());
    JsonNode raw = Yaml.readJsonKeepingNumbers(text);
    for (int i = 0; i < values.size(); i++) {
      JsonNode item = raw.get(i);
      if (item.isContainer() || Yaml.numberText(item) != null) {
        values.set(i, new Argument.Constant(Yaml.jsonText(item), values.get(i).type()));
      }
    }
    return new Loop.Constants(values);
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
