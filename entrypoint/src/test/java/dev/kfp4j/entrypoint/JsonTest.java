package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * JSON values as KFP's Python side reads and writes them ({@code json.loads}, {@code
 * json.dumps(sort_keys=True)}; the expected texts are Python 3's), bound to Java types without
 * Jackson, and never silently changed on the way.
 */
class JsonTest {
  enum Mode { FAST, CAREFUL }

  record Point(int x, int y) {}

  record Shape(String name, List<Point> points, Optional<String> label, Mode mode, Double weight) {}

  /** A bean: setters for one property, a public field for another, a getter over a private field for a third. */
  public static final class Settings {
    private int retries;
    public String region;
    private List<String> tags;

    public Settings() {}

    public void setRetries(int retries) {
      this.retries = retries;
    }

    public int getRetries() {
      return retries;
    }

    public List<String> getTags() {
      return tags;
    }
  }

  private static Object parse(String text, java.lang.reflect.Type type) {
    return KfpValues.parseJson(text, type);
  }

  private static String message(String text, java.lang.reflect.Type type) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text, type)).getMessage();
  }

  @Test
  void readsWhatPythonsJsonLoadsReads() {
    List<?> values = (List<?>) parse("[1e400, -0, 1.0, NaN, -Infinity, 123456789012345678901234567890, 3000000000]", Object.class);
    assertEquals(Double.POSITIVE_INFINITY, values.get(0));
    assertEquals(0, values.get(1));
    assertEquals(1.0, values.get(2));
    assertTrue(((Double) values.get(3)).isNaN());
    assertEquals(Double.NEGATIVE_INFINITY, values.get(4));
    assertEquals(new BigInteger("123456789012345678901234567890"), values.get(5));
    assertEquals(3_000_000_000L, values.get(6));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", 3);
    expected.put("b", 2);
    assertEquals(expected, parse("{\"a\": 1, \"b\": 2, \"a\": 3}", Object.class), "the last of duplicate keys wins");
    assertEquals(List.of("\u00e9\n\"/"), parse("[\"\\u00e9\\n\\\"\\/\"]", Object.class));
  }

  /** Each is a ValueError in Python's json.loads. */
  @ParameterizedTest
  @ValueSource(strings = {"[1,]", "[1] x", "{'a': 1}", "[\"a\tb\"]", "", "01", "[1 2]", "{\"a\" 1}", "tru", "[\"\\x\"]",
      "\"\\u12\"", "// c\n[1]", "[.5]", "[1.]", "-"})
  void refusesWhatPythonsJsonLoadsRefuses(String text) {
    assertTrue(message(text, Object.class).startsWith("invalid JSON value: '" + text + "': "));
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertTrue(message(deep, Object.class).contains("nested more than 500 levels deep"));
  }

  @Test
  void writesWhatPythonsJsonDumpsWrites() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", Arrays.asList(1, 2.5, "\u00e9", Double.NaN, Double.POSITIVE_INFINITY, 1e-05, 1e16,
        new BigInteger("123456789012345678901234567890")));
    map.put("a", null);
    map.put("b", Map.of("y", true, "x", 0.1f));
    assertEquals("{\"a\": null, \"b\": {\"x\": 0.1, \"y\": true}, \"z\": [1, 2.5, \"\\u00e9\", NaN, Infinity, 1e-05, "
        + "1e+16, 123456789012345678901234567890]}", KfpValues.format(map));
  }

  /** Python's {@code json.loads(text)} and {@code json.dumps(value, separators=(",", ":"), ensure_ascii=False)}. */
  @Test
  void loadsAndDumpsCompactAreThePublicReaderAndARequestBodysWriter() {
    Object value = PyJson.loads("{\"z\": [1, 2.5, \"\u00e9\\n\", null, NaN, 3000000000], \"a\": {\"b\": true}}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", Arrays.asList(1, 2.5, "\u00e9\n", null, Double.NaN, 3_000_000_000L));
    expected.put("a", Map.of("b", true));
    assertEquals(expected, value, "as json.loads reads it, in the text's order");
    assertEquals("{\"z\":[1,2.5,\"\u00e9\\n\",null,NaN,3000000000],\"a\":{\"b\":true}}", PyJson.dumpsCompact(value));
    assertEquals("expected ',' or ']' at character 4", assertThrows(IllegalArgumentException.class, () -> PyJson.loads("[1 2]")).getMessage());
  }

  @Test
  void wholeNumbersAreNeverTruncatedOrWrapped() {
    java.lang.reflect.Type ints = new TypeToken<List<Integer>>() {}.type();
    assertEquals(List.of(1, -2), parse("[1, -2]", ints));
    assertTrue(message("[1.5]", ints).endsWith("at [0]: expected a whole number, found 1.5"));
    assertTrue(message("[1.0]", ints).endsWith("at [0]: expected a whole number, found 1.0"));
    assertTrue(message("[3000000000]", ints).endsWith("at [0]: 3000000000 is out of range for a Java Integer"));
    assertTrue(message("[\"1\"]", ints).endsWith("at [0]: expected a number, found \"1\""));
    assertEquals(List.of(3_000_000_000L), parse("[3000000000]", new TypeToken<List<Long>>() {}.type()));
    assertTrue(message("[1e40]", new TypeToken<List<Float>>() {}.type()).endsWith("at [0]: 1e+40 is out of range for a Java float (use double)"));
    assertEquals(List.of(1e40, 2.0), parse("[1e40, 2]", new TypeToken<List<Double>>() {}.type()));
  }

  @Test
  void stringsBooleansAndEnumsAreTakenAsTheyAre() {
    assertTrue(message("{\"a\": 1}", new TypeToken<Map<String, String>>() {}.type()).endsWith("at a: expected a string, found 1"));
    assertTrue(message("[\"true\"]", new TypeToken<List<Boolean>>() {}.type()).endsWith("expected true or false, found \"true\""));
    assertEquals(List.of(Mode.CAREFUL), parse("[\"CAREFUL\"]", new TypeToken<List<Mode>>() {}.type()));
    assertTrue(message("[\"SLOW\"]", new TypeToken<List<Mode>>() {}.type())
        .endsWith("at [0]: invalid choice: 'SLOW' (choose from 'FAST', 'CAREFUL')"));
  }

  @Test
  void recordsByComponentName() {
    Shape shape = (Shape) parse("{\"name\": \"tri\", \"points\": [{\"x\": 1, \"y\": 2}], \"mode\": \"FAST\"}", Shape.class);
    assertEquals(new Shape("tri", List.of(new Point(1, 2)), Optional.empty(), Mode.FAST, null), shape);
    assertTrue(message("{\"x\": 1}", Point.class).endsWith("missing 'y', which Point needs"));
    assertTrue(message("{\"x\": 1, \"y\": null}", Point.class).endsWith("at y: expected a int, found null"));
    assertTrue(message("{\"x\": 1, \"y\": 2, \"z\": 3}", Point.class).endsWith("unknown property 'z'; Point has x, y"));
    assertTrue(message("[1, 2]", Point.class).endsWith("expected a JSON object, found a JSON array"));
    Shape back = (Shape) parse(KfpValues.format(shape), Shape.class);
    assertEquals(shape, back);
    assertEquals("{\"label\": null, \"mode\": \"FAST\", \"name\": \"tri\", \"points\": [{\"x\": 1, \"y\": 2}], \"weight\": null}",
        KfpValues.format(shape));
  }

  @Test
  void beansBySettersFieldsAndGetters() {
    Settings s = (Settings) parse("{\"retries\": 3, \"region\": \"eu\", \"tags\": [\"a\"]}", Settings.class);
    assertEquals(3, s.getRetries());
    assertEquals("eu", s.region);
    assertEquals(List.of("a"), s.getTags());
    assertEquals("{\"region\": \"eu\", \"retries\": 3, \"tags\": [\"a\"]}", KfpValues.format(s));
    assertTrue(message("{\"retry\": 3}", Settings.class).endsWith("unknown property 'retry'; Settings has region, retries, tags"));
  }

  @Test
  void collectionsMapsArraysAndTextForms() {
    assertEquals(Set.of(1, 2), parse("[2, 1, 2]", new TypeToken<Set<Integer>>() {}.type()));
    assertEquals(List.of("b", "c"), List.copyOf(((SortedMap<?, ?>) parse("{\"c\": 1, \"b\": 2}",
        new TypeToken<SortedMap<String, Integer>>() {}.type())).keySet()));
    assertEquals(Map.of(Mode.FAST, 1), parse("{\"FAST\": 1}", new TypeToken<Map<Mode, Integer>>() {}.type()));
    assertEquals(Map.of(7, "x"), parse("{\"7\": \"x\"}", new TypeToken<Map<Integer, String>>() {}.type()));
    assertArrayEquals(new int[] {1, 2}, (int[]) parse("[1, 2]", int[].class));
    assertTrue(message("[1, null]", int[].class).endsWith("at [1]: expected a int, found null"));
    assertEquals(List.of(LocalDate.of(2024, 2, 29)), parse("[\"2024-02-29\"]", new TypeToken<List<LocalDate>>() {}.type()));
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertEquals("[\"2024-02-29\", \"123e4567-e89b-12d3-a456-426614174000\"]", KfpValues.format(List.of(LocalDate.of(2024, 2, 29), id)));
    assertEquals("{\"1\": \"x\", \"FAST\": [1, 2]}", KfpValues.format(Map.of("FAST", new int[] {1, 2}, 1, "x")));
  }

  @Test
  void onlyPlainValuesAreDumped() {
    assertThrows(IllegalArgumentException.class, () -> PyJson.dumps(new Point(1, 2)));
    assertEquals("[{\"a\": [true, null]}]", PyJson.dumps(List.of(Map.of("a", Arrays.asList(true, null)))));
  }
}
