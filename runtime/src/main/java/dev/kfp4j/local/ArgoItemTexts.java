package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.yaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * A loop item's text as Argo's controller gives it ({@code processItem} in {@code
 * workflow/controller/operator.go}, {@code Item.String} in {@code pkg/apis/workflow/v1alpha1/item.go}):
 * {@code {{item}}} of a text item is the text; of a number or true/false its JSON; of a map Go's
 * {@code json.Marshal} of it (no spaces, keys sorted, {@code <}, {@code >}, {@code &} escaped); of a
 * list the same in its order; a number in either as the item's text has it ({@code Item} keeps its raw JSON, which
 * {@code json.Marshal} compacts). {@code {{item.key}}} is the field's JSON without spaces, a text field
 * without its quotes but with its escapes ({@code a"b} is {@code a\"b}, a line break {@code \n}); a text of a map or list item
 * its item's text wrote with escapes JSON does not need ({@code "a\/b"}) as written there, as {@code Item} keeps it.
 */
final class ArgoItemTexts {
  private ArgoItemTexts() {}

  /**
   * A constant item ({@code withItems}, a constant {@code withParam}) as Argo gives it: a value as its text, which the
   * reader took as Argo has it (a text item as written, {@code '1.50'}; a number as Argo's server wrote the YAML
   * number); a list or map as its JSON.
   */
  static JsonNode constant(Argument.Constant c) {
    return c.type() == ParameterType.LIST || c.type() == ParameterType.STRUCT
        ? Yaml.readJsonAsRaw(c.text(), 1) : Yaml.nodes().stringNode(c.text());
  }

  /**
   * The items of an Argo loop over {@code text} ({@code withParam}), as Argo's controller reads them ({@code expandTask}:
   * {@code json.Unmarshal} into its items, so {@code null} is none; each {@code Item} holds its raw JSON): every number, an
   * item or inside one, as its text there, which Argo keeps ({@code 1.50} and {@code 1e-05} stay so in {@code {{item}}} and
   * {@code {{item.x}}}).
   */
  static List<JsonNode> list(String text, String where) {
    if (text.strip().equals("null")) {
      return List.of();
    }
    JsonNode list;
    try {
      list = Yaml.readJsonAsRaw(text, 2);
    } catch (RuntimeException e) {
      list = null;
    }
    if (list == null || !list.isArray()) {
      throw new WorkflowException(where + ": its items are not a JSON list: " + text);
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : list) {
      String number = Yaml.rawText(item);
      items.add(number != null ? Yaml.nodes().stringNode(number) : item);
    }
    return items;
  }

  /**
   * The items of an Argo loop over {@code text} ({@link #list}), or null when the task is skipped: where {@code text} is no
   * JSON list, Argo's {@code expandTask} tests the task's own {@code when} ({@code own}, or null) as written, its item not
   * given, and skips the task when that is false ("Skipped, empty params"); it fails the task when the {@code when} is true,
   * cannot be read without the item, or there is none.
   */
  static List<JsonNode> items(String text, String where, dev.kfp4j.model.Condition own, ArgumentValues values, Scope scope) {
    try {
      return list(text, where);
    } catch (WorkflowException notList) {
      if (own == null || own.predicate() == null) {
        throw notList;
      }
      boolean holds;
      try {
        holds = values.holds(own.predicate(), scope, "condition '" + own.name() + "'");
      } catch (WorkflowException withItem) {
        throw notList;
      }
      if (holds) {
        throw notList;
      }
      return null;
    }
  }

  /** {@code {{item}}}. */
  static String whole(JsonNode item) {
    if (item.isString()) {
      return item.asString();
    }
    StringBuilder out = new StringBuilder();
    write(item, true, true, out);
    return out.toString();
  }

  /**
   * {@code {{item.key}}}, of a field's value: {@code Item.String}, Go's compact JSON of the field's raw text, a text without its
   * quotes, then {@code jsonutil.Fix}, which turns Go's escapes of {@code <}, {@code >}, {@code &} back into the characters,
   * ones the item's text wrote so too.
   */
  static String field(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, false, true, out);
    String s = out.toString();
    s = value.isString() ? s.substring(1, s.length() - 1) : s;
    return s.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
  }

  /** {@code v} as Go's compact JSON; {@code sortKeys}: an object's own keys sorted; {@code html}: {@code <>&} escaped. */
  private static void write(JsonNode v, boolean sortKeys, boolean html, StringBuilder out) {
    if (v.isString()) {
      String written = Yaml.stringText(v); // Item keeps its raw JSON, escapes as written: "caf\\u00e9", "a\\/b"
      string(v.asString(), written, html, out);
    } else if (v.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(v.properties());
      if (sortKeys) {
        fields.sort((a, b) -> dev.kfp4j.format.GoOrder.compare(a.getKey(), b.getKey()));
      }
      out.append('{');
      for (int i = 0; i < fields.size(); i++) {
        out.append(i == 0 ? "" : ",");
        string(fields.get(i).getKey(), null, html, out);
        out.append(':');
        write(fields.get(i).getValue(), false, html, out);
      }
      out.append('}');
    } else if (v.isArray()) {
      out.append('[');
      for (int i = 0; i < v.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(v.get(i), false, html, out);
      }
      out.append(']');
    } else {
      String raw = Yaml.rawText(v); // a number, or an object or array inside a field or list item, as the item's text has it
      out.append(raw != null ? goEscaped(raw, html) : v.toString()); // true, false, null as JSON
    }
  }

  /**
   * A JSON string as Go's encoder escapes it: as JSON's own escapes, or as {@code written} where that is not null (Go's {@code
   * compact} of a raw text), with U+2028, U+2029 and, {@code html}, {@code <>&} escaped.
   */
  private static void string(String s, String written, boolean html, StringBuilder out) {
    out.append(goEscaped(written != null ? written : Yaml.nodes().stringNode(s).toString(), html));
  }

  /** JSON text as Go's {@code compact} escapes it: U+2028, U+2029 and, {@code html}, {@code <>&}, which only texts hold. */
  private static String goEscaped(String json, boolean html) {
    String escaped = json.replace(String.valueOf((char) 0x2028), "\\u2028").replace(String.valueOf((char) 0x2029), "\\u2029");
    return html ? escaped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") : escaped;
  }
}
