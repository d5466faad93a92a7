package dev.kfp4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {
  static final Pipeline P = new Pipeline("train", null, List.of(
      new Parameter("epochs", ParameterType.INTEGER, "3", null),
      new Parameter("rate", ParameterType.FLOAT, null, null),
      new Parameter("shuffle", ParameterType.BOOLEAN, "True", null),
      new Parameter("layers", ParameterType.LIST, "[]", null),
      new Parameter("options", ParameterType.STRUCT, "{}", null),
      new Parameter("note", null, "", null)), List.of(), null, PipelineSettings.DEFAULTS, null);

  private static String error(Map<String, String> given) {
    return assertThrows(IllegalArgumentException.class, () -> RunArguments.check(P, given)).getMessage();
  }

  @Test
  void givenValuesOfTheirTypesPassInTheParametersOrder() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("note", "any text {");
    given.put("layers", "[64, 32]");
    given.put("rate", "0.5");
    given.put("shuffle", "false");
    given.put("options", "{\"a\": 1}");
    given.put("epochs", "10");
    assertEquals(List.of("epochs", "rate", "shuffle", "layers", "options", "note"), List.copyOf(RunArguments.check(P, given).keySet()));
    assertEquals(Map.of("rate", "1e-3"), RunArguments.check(P, Map.of("rate", "1e-3")), "defaults are not filled in");
  }

  @Test
  void anUnknownNameSuggestsTheNearestAndListsTheParameters() {
    assertEquals("pipeline 'train' has no parameter 'epoch'; did you mean 'epochs'? Its parameters are "
        + "[epochs, rate, shuffle, layers, options, note]", error(Map.of("rate", "1", "epoch", "2")));
    assertTrue(error(Map.of("zzzzzz", "2")).contains("has no parameter 'zzzzzz'; its parameters are"));
  }

  @Test
  void aParameterWithoutDefaultNeedsAValue() {
    assertEquals("pipeline 'train' needs a value for [rate] (they have no default); pass name=value", error(Map.of()));
  }

  @Test
  void aValueOfAnotherTypeIsRefusedNamingTheType() {
    assertEquals("parameter 'epochs' is Integer: invalid int value: '1.5'", error(Map.of("rate", "1", "epochs", "1.5")));
    assertEquals("parameter 'rate' is Float: invalid float value: 'fast'", error(Map.of("rate", "fast")));
    assertTrue(error(Map.of("rate", "1", "shuffle", "maybe")).startsWith("parameter 'shuffle' is Boolean: invalid boolean value: 'maybe'"));
    assertEquals("parameter 'layers' is JsonArray: not a JSON array: '{}'; write a JSON array, such as [1, 2] or [\"a\", \"b\"]",
        error(Map.of("rate", "1", "layers", "{}")));
    assertEquals("parameter 'options' is JsonObject: not a JSON object: '[1]'; write a JSON object, such as {\"a\": 1}",
        error(Map.of("rate", "1", "options", "[1]")));
    assertTrue(error(Map.of("rate", "1", "options", "{a")).startsWith("parameter 'options' is JsonObject: '{a' is not JSON ("));
    // Jackson's message without the hidden source's location it would print, "(start marker at [Source: REDACTED ...])"
    assertEquals("parameter 'layers' is JsonArray: '[1, 2' is not JSON (Unexpected end-of-input: expected close marker for Array); "
        + "write a JSON array, such as [1, 2] or [\"a\", \"b\"]", error(Map.of("rate", "1", "layers", "[1, 2")));
  }

  @Test
  void aListWrittenAsTextSaysThatJsonIsWanted() {
    // '-a layers=64,32' as a shell or Java user writes a list: Jackson alone says "Unrecognized token", not that JSON was wanted
    String message = error(Map.of("rate", "1", "layers", "64,32"));
    assertTrue(message.startsWith("parameter 'layers' is JsonArray: '64,32' is not JSON ("), message);
    assertTrue(message.endsWith("); write a JSON array, such as [1, 2] or [\"a\", \"b\"]"), message);
    String words = error(Map.of("rate", "1", "layers", "a,b"));
    assertTrue(words.startsWith("parameter 'layers' is JsonArray: 'a,b' is not JSON (Unrecognized token 'a'"), words);
    assertTrue(words.endsWith("; write a JSON array, such as [1, 2] or [\"a\", \"b\"]"), words);
    assertTrue(error(Map.of("rate", "1", "options", "a=1")).endsWith("; write a JSON object, such as {\"a\": 1}"));
  }

  /**
   * A value refused under a parameter whose name names a credential, or that has a credential's form, is said by its length:
   * "'{\"password\": \"hunter2\"' is not JSON" printed it (a JSON object of settings holds passwords), and so did "invalid int
   * value: 'hunter2'" under {@code api_token}. Other values are still shown ('1.5', 'fast' above).
   */
  @Test
  void aValueThatMayBeACredentialIsRefusedWithoutShowingIt() {
    Pipeline p = new Pipeline("db", null, List.of(new Parameter("api_token", ParameterType.INTEGER, "0", null),
        new Parameter("settings", ParameterType.STRUCT, "{}", null), new Parameter("hosts", ParameterType.LIST, "[]", null)),
        List.of(), null, PipelineSettings.DEFAULTS, null);
    assertEquals("parameter 'api_token' is Integer: a value of 7 characters (not shown: it may hold a credential) is not one; "
        + "write a whole number, such as 7", error(p, Map.of("api_token", "hunter2")));
    assertEquals("parameter 'settings' is JsonObject: a value of 22 characters (not shown: it may hold a credential) is not one; "
        + "write a JSON object, such as {\"a\": 1}", error(p, Map.of("settings", "{\"password\": \"hunter2\"")));
    assertEquals("parameter 'hosts' is JsonArray: a value of 34 characters (not shown: it may hold a credential) is not one; "
        + "write a JSON array, such as [1, 2] or [\"a\", \"b\"]", error(p, Map.of("hosts", "postgres://u:hunter2@db,other:5432")));
  }

  private static String error(Pipeline p, Map<String, String> given) {
    return assertThrows(IllegalArgumentException.class, () -> RunArguments.check(p, given)).getMessage();
  }
}
