package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text forms KFP's Python function components read and write. */
class KfpValuesTest {
  @ParameterizedTest
  @CsvSource({
      "0.1, 0.1", "7, 7.0", "0.30000000000000004, 0.30000000000000004", "1e-05, 1e-05", "0.0001, 0.0001",
      "1e16, 1e+16", "123456789012345.6, 123456789012345.6", "-2.5, -2.5", "1.5e300, 1.5e+300", "-0.0, -0.0",
      "2.5e-10, 2.5e-10", "1e22, 1e+22", "9999999999999998, 9999999999999998.0",
      // as python3's repr: the extremes, and digits that need all 16 or 17
      "5e-324, 5e-324", "2.2250738585072014e-308, 2.2250738585072014e-308", "1.7976931348623157e+308, 1.7976931348623157e+308",
      "0.8184543433095258, 0.8184543433095258", "0.3333333333333333, 0.3333333333333333", "9007199254740992, 9007199254740992.0",
      "1.23456789e-15, 1.23456789e-15"})
  void floatsAsPythonRepr(double value, String python) {
    assertEquals(python, KfpValues.formatFloat(value));
  }

  /** Python's own repr of doubles of every exponent (subnormals too): python3 writes them, one process for all. */
  @Test
  void floatsAsPython3WritesThem() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(14);
    List<Double> values = new java.util.ArrayList<>();
    StringBuilder bits = new StringBuilder();
    while (values.size() < 3000) {
      long b = random.nextLong();
      double d = Double.longBitsToDouble(b);
      if (!Double.isNaN(d) && !Double.isInfinite(d)) {
        values.add(d);
        bits.append(Long.toHexString(b)).append('\n');
      }
    }
    Process p = new ProcessBuilder("python3", "-c",
        "import sys, struct\nfor l in sys.stdin: print(repr(struct.unpack('<d', int(l, 16).to_bytes(8, 'little'))[0]))").start();
    try (var in = p.getOutputStream()) {
      in.write(bits.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    List<String> python = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
    assertEquals(0, p.waitFor());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(python.get(i), KfpValues.formatFloat(values.get(i)));
    }
  }

  @Test
  void nonFiniteFloats() {
    assertEquals("inf", KfpValues.formatFloat(Double.POSITIVE_INFINITY));
    assertEquals("-inf", KfpValues.formatFloat(Double.NEGATIVE_INFINITY));
    assertEquals("nan", KfpValues.formatFloat(Double.NaN));
    assertEquals(Double.NEGATIVE_INFINITY, KfpValues.parseDouble("-Infinity"));
    assertEquals(Double.POSITIVE_INFINITY, KfpValues.parseDouble(" inf "));
  }

  @Test
  void parsesAsPython() {
    assertEquals(1_000, KfpValues.parseInt("1_000"));
    assertEquals(-7, KfpValues.parseInt(" -7 "));
    assertEquals(0.5, KfpValues.parseDouble("5e-1"));
    assertEquals(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class, () -> KfpValues.parseDouble("1d")).getClass());
    assertThrows(IllegalArgumentException.class, () -> KfpValues.parseInt("7.0"));
    assertThrows(IllegalArgumentException.class, () -> KfpValues.parseInt("99999999999"));
    assertEquals(99_999_999_999L, KfpValues.parseLong("99999999999"));
  }

  /**
   * The hand-written scanners accept exactly what the regular expressions they replaced accepted:
   * every string of up to five characters of digits, {@code _ . e E + -} and one other character.
   */
  @Test
  void numbersAcceptedAsTheirPatterns() {
    java.util.regex.Pattern integer = java.util.regex.Pattern.compile("[+-]?\\d+(_\\d+)*");
    java.util.regex.Pattern floating = java.util.regex.Pattern.compile(
        "[+-]?((\\d+(_\\d+)*)(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");
    char[] alphabet = "07_.eE+-x".toCharArray();
    List<String> texts = new java.util.ArrayList<>(List.of(""));
    int accepted = 0;
    for (int length = 0; length <= 5; length++) {
      List<String> longer = new java.util.ArrayList<>();
      for (String t : texts) {
        assertEquals(integer.matcher(t).matches(), KfpValues.isInteger(t), t);
        assertEquals(floating.matcher(t).matches(), KfpValues.isFloat(t), t);
        accepted += KfpValues.isFloat(t) ? 1 : 0;
        for (int i = 0; length < 5 && i < alphabet.length; i++) {
          longer.add(t + alphabet[i]);
        }
      }
      texts = longer;
    }
    assertEquals(true, accepted > 1000, "accepted " + accepted);
  }

  @ParameterizedTest
  @CsvSource({"True, true", "true, true", "yes, true", "on, true", "1, true", "False, false", "no, false", "OFF, false", "0, false"})
  void booleansAsStrtobool(String text, boolean value) {
    assertEquals(value, KfpValues.parseBoolean(text));
  }

  @Test
  void badBooleanSaysWhatIsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KfpValues.parseBoolean("maybe"));
    assertEquals("invalid boolean value: 'maybe' (expected True/False, yes/no, on/off, 1/0)", e.getMessage());
  }

  @Test
  void outputsAsKfpWritesThem() {
    assertEquals("True", KfpValues.format(true));
    assertEquals("42", KfpValues.format(42L));
    assertEquals("0.1", KfpValues.format(0.1f));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", List.of(1, 2.5, "é"));
    map.put("a", null);
    assertEquals("{\"a\": null, \"z\": [1, 2.5, \"\\u00e9\"]}", KfpValues.format(map));
  }

  @Test
  void jsonIntoJavaTypes() {
    record Point(int x, int y) {}
    assertEquals(new Point(1, 2), KfpValues.parseJson("{\"x\": 1, \"y\": 2}", Point.class));
    assertEquals(List.of(1, 2), KfpValues.parseJson("[1, 2]", new TypeToken<List<Integer>>() {}.type()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KfpValues.parseJson("[1,", List.class));
    assertEquals(true, e.getMessage().startsWith("invalid JSON value: '[1,'"));
  }
}
