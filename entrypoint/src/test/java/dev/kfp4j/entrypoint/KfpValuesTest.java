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
      "2.5e-10, 2.5e-10", "1e22, 1e+22", "9999999999999998, 9999999999999998.0"})
  void floatsAsPythonRepr(double value, String python) {
    assertEquals(python, KfpValues.formatFloat(value));
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
