package dev.kfp4j.entrypoint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json} on plain Java values. Writes JSON exactly as Python's {@code
 * json.dumps(obj, sort_keys=True)} does, which is how KFP serialises {@code JsonArray}/{@code
 * JsonObject} outputs: {@code ", "} and {@code ": "} separators, keys sorted, non-ASCII escaped as
 * {@code \\uXXXX}, floats as Python writes them ({@code NaN} and {@code Infinity} too); reads it as
 * {@code json.loads} does ({@link #loads}).
 */
public final class PyJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PyJson() {}

  /** How a value is written: whether keys are sorted, the separators, whether non-ASCII is escaped. */
  private enum Style {
    SORTED(true, ", ", ": ", true),
    IN_ORDER(false, ", ", ": ", true),
    COMPACT(false, ",", ":", false);

    final boolean sortKeys;
    final String comma;
    final String colon;
    final boolean ascii;

    Style(boolean sortKeys, String comma, String colon, boolean ascii) {
      this.sortKeys = sortKeys;
      this.comma = comma;
      this.colon = colon;
      this.ascii = ascii;
    }
  }

  /**
   * The value of JSON text as Python's {@code json.loads} reads it: a {@link Map} (in the text's
   * order), a {@link List}, a {@link String}, a {@link Boolean}, null, an {@link Integer}, {@link
   * Long} or {@link BigInteger} for a whole number, a {@link Double} for the rest ({@code NaN} and
   * {@code Infinity} too), nested. Strict otherwise: no comments, no trailing commas, nothing after
   * the value.
   *
   * @throws IllegalArgumentException saying where the text is not JSON
   */
  public static Object loads(String text) {
    return JsonText.parse(text);
  }

  /**
   * The JSON text of a plain value: a {@link Map} with string keys, a {@link List}, a
   * {@link String}, a {@link Number}, a {@link Boolean} or null, nested. Anything else is an
   * IllegalArgumentException ({@link KfpValues#format} converts records, beans and the rest first).
   */
  public static String dumps(Object value) {
    return write(value, Style.SORTED);
  }

  /**
   * The JSON text of a plain value as Python's {@code json.dumps(obj)} writes it, keys in the map's
   * order: how KFP's compiler writes a placeholder ({@code {"IfPresent": {"InputName": ..., "Then": ...}}}).
   */
  public static String dumpsInOrder(Object value) {
    return write(value, Style.IN_ORDER);
  }

  /**
   * The JSON text of a plain value as Python's {@code json.dumps(obj, separators=(",", ":"),
   * ensure_ascii=False)} writes it, keys in the map's order: no spaces, non-ASCII as it is; a
   * request body for a REST API.
   */
  public static String dumpsCompact(Object value) {
    return write(value, Style.COMPACT);
  }

  private static String write(Object value, Style style) {
    StringBuilder out = new StringBuilder();
    write(value, style, out);
    return out.toString();
  }

  private static void write(Object v, Style style, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s, style.ascii, out);
    } else if (v instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof Float f) {
      number(Double.parseDouble(Float.toString(f)), out); // 0.1f is written 0.1, as Python's repr of the text
    } else if (v instanceof Double || v instanceof BigDecimal) {
      number(((Number) v).doubleValue(), out);
    } else if (v instanceof Map<?, ?> map) {
      // keys sorted as strings, values looked up again: no comparator, so no lambda spun at a task's start
      String[] keys = new String[map.size()];
      int n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("a JSON object's keys are strings, not " + e.getKey());
        }
        keys[n++] = key;
      }
      if (style.sortKeys) {
        Arrays.sort(keys);
      }
      out.append('{');
      for (int i = 0; i < keys.length; i++) {
        out.append(i == 0 ? "" : style.comma);
        string(keys[i], style.ascii, out);
        out.append(style.colon);
        write(map.get(keys[i]), style, out);
      }
      out.append('}');
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : style.comma);
        write(list.get(i), style, out);
      }
      out.append(']');
    } else if (v instanceof Number n) {
      number(n.doubleValue(), out);
    } else {
      throw new IllegalArgumentException("not a plain JSON value: a " + v.getClass().getName());
    }
  }

  private static void number(double d, StringBuilder out) {
    if (Double.isNaN(d)) {
      out.append("NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(KfpValues.formatFloat(d));
    }
  }

  private static void string(String s, boolean ascii, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (ascii && c > 0x7e)) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
