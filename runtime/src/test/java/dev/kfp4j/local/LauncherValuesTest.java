package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kfp4j.model.ParameterType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An output value's file read as KFP 2's launcher reads it ({@code metadata.TextToPbValue}, Go's strconv and protojson). */
class LauncherValuesTest {
  private static void reads(ParameterType type, String... texts) {
    for (String t : texts) {
      assertNull(LauncherValues.problem(t, type), () -> type + " of '" + t + "'");
    }
  }

  @Test
  void whatTheLauncherReads() {
    reads(ParameterType.STRING, "", "  any text\n", "{not json");
    reads(ParameterType.INTEGER, "42", " 42\n", "-7", "+7", "9223372036854775807");
    reads(ParameterType.FLOAT, "0.25", "1e-05", "3", ".5", "5.", "-inf", "Infinity", "NaN", "nan\n");
    reads(ParameterType.BOOLEAN, "True", "true\n", "FALSE", "t", "F", "1", "0");
    reads(ParameterType.LIST, "[\"a\", \"b\"]", "[]\n");
    reads(ParameterType.STRUCT, "{\"A\": 1}", "{}");
  }

  @Test
  void whatItRefusesAndWhy() {
    assertEquals(List.of("not an integer", "not an integer", "an integer out of range"), List.of(
        LauncherValues.problem("forty-two", ParameterType.INTEGER), LauncherValues.problem("4.0", ParameterType.INTEGER),
        LauncherValues.problem("9223372036854775808", ParameterType.INTEGER)));
    assertEquals("not a number", LauncherValues.problem("0.5f", ParameterType.FLOAT));
    assertEquals("a number out of range", LauncherValues.problem("1e400", ParameterType.FLOAT));
    assertEquals("not a boolean (Go's ParseBool: true, True, TRUE, t, T, 1 or their false)",
        LauncherValues.problem("yes", ParameterType.BOOLEAN));
    assertEquals("not a JSON array", LauncherValues.problem("{\"a\": 1}", ParameterType.LIST));
    assertEquals("not a JSON object", LauncherValues.problem("[1]", ParameterType.STRUCT));
    assertEquals("not JSON", LauncherValues.problem("['a']", ParameterType.LIST));
  }
}
