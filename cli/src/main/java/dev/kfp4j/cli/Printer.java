package dev.kfp4j.cli;

import dev.kfp4j.yaml.Yaml;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Rows printed as an aligned table for people or as JSON for scripts. */
final class Printer {
  private final PrintWriter out;
  private final boolean json;

  Printer(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** A list: one row per item, the same keys in each. */
  void table(List<Map<String, Object>> rows, List<String> columns) {
    if (json) {
      ArrayNode array = Yaml.json().createArrayNode();
      rows.forEach(r -> array.add(json(r)));
      out.println(array.toPrettyString());
      out.flush();
      return;
    }
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
    rows.forEach(r -> cells.add(columns.stream().map(c -> text(r.get(c))).toList()));
    int[] widths = new int[columns.size()];
    cells.forEach(row -> {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /** One result: {@code key: value} lines, or a JSON object. */
  void record(Map<String, Object> fields) {
    if (json) {
      out.println(json(fields).toPrettyString());
    } else {
      fields.forEach((k, v) -> {
        if (v != null) {
          out.println(k + ": " + text(v));
        }
      });
    }
    out.flush();
  }

  static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }

  /** The fields as a JSON object, as {@code -o json} prints them. */
  static ObjectNode json(Map<String, Object> fields) {
    ObjectNode o = Yaml.json().createObjectNode();
    fields.forEach((k, v) -> {
      if (v == null) {
        o.putNull(k);
      } else if (v instanceof Number n) {
        o.put(k, n.longValue());
      } else if (v instanceof Boolean b) {
        o.put(k, b);
      } else {
        o.put(k, v.toString());
      }
    });
    return o;
  }

  private static String text(Object v) {
    return v == null ? "" : v instanceof Instant i ? i.toString() : v.toString();
  }
}
