package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.kfp4j.yaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Where a task is in a run: its id (the path of task names, {@code for-loop-1(0)/add}), the label
 * shown to people (loop iterations with their item, as Argo names them: {@code for-loop-1(0:10)/add})
 * and a key that sorts tasks as the pipeline declares them.
 */
record TaskId(String id, String label, String order) {
  /** The main graph's tasks are at the top. */
  static final TaskId MAIN = new TaskId("", "", "");
  /** The exit handler's tasks are under {@code onExit/}, and sort last. */
  static final TaskId EXIT = new TaskId("onExit", "onExit", "~");

  /** Longest item text shown in a label. */
  private static final int MAX_ITEM = 40;

  /** The task {@code name}, the {@code index}th of its graph, inside this one. */
  TaskId child(String name, int index) {
    return new TaskId(id.isEmpty() ? name : id + "/" + name, label.isEmpty() ? name : label + "/" + name,
        order + padded(index, 5) + "/");
  }

  /** Iteration {@code i} of this loop task, over {@code item}. */
  TaskId iteration(int i, JsonNode item) {
    return iteration(i, itemText(item));
  }

  /** Iteration {@code i} of this loop task, its item shown as {@code shown} (cut to the longest item text shown). */
  TaskId iteration(int i, String shown) {
    String sortKey = order.substring(0, order.length() - 1) + "(" + padded(i, 7) + ")/";
    String text = shown.replace('\n', ' ');
    text = text.length() <= MAX_ITEM ? text : text.substring(0, MAX_ITEM - 3) + "...";
    return new TaskId(id + "(" + i + ")", label + "(" + i + ":" + text + ")", sortKey);
  }

  /**
   * {@code n} in at least {@code width} digits, zeros first: as {@code String.format("%05d")}, without
   * the {@code Formatter}, whose first use in a JVM loads the locale's data (8 ms of a cold JVM).
   */
  private static String padded(int n, int width) {
    String digits = Integer.toString(n);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** As Argo names an iteration: a value as is, an object as {@code key:value} pairs in key order. */
  static String itemText(JsonNode item) {
    String text;
    if (item.isObject()) {
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : item.properties()) {
        JsonNode v = e.getValue();
        // a number, an object or array, a text with escapes as the item's text has it (Argo's %v of its raw JSON)
        String raw = Yaml.rawText(v);
        String written = Yaml.stringText(v);
        pairs.add(e.getKey() + ":" + (raw != null ? raw : written != null ? written.substring(1, written.length() - 1)
            : v.isValueNode() ? v.asString() : v.toString()));
      }
      pairs.sort(null);
      text = String.join(",", pairs);
    } else {
      text = item.isValueNode() ? item.asString() : item.toString();
    }
    return text;
  }
}
