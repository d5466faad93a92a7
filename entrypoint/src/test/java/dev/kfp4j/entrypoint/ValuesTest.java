package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An argument the parameter's Java type cannot hold as given is exit 2 naming the flag, never a
 * different value: as an int that overflows, so does a float, a fraction in a list of integers,
 * and a missing list.
 */
class ValuesTest {
  private static final Signature VALUES = new Signature("values", "")
      .optionalValue("f", null).optionalValue("d", null).optionalValue("li", null).optionalValue("oli", null);

  private final List<Object> seen = new ArrayList<>();

  private final Entrypoint.Handler handler = in -> {
    if (in.has("f")) {
      seen.add(in.floatValue("f"));
    }
    if (in.has("d")) {
      seen.add(in.doubleValue("d"));
    }
    if (in.has("li")) {
      seen.add(in.json("li", new TypeToken<List<Integer>>() {}.type()));
    }
    // as the generated code reads an Optional<List<Integer>>
    seen.add(in.has("oli") ? Optional.of(in.json("oli", new TypeToken<List<Integer>>() {}.type())) : Optional.empty());
  };

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("values"));
    all.addAll(List.of(args));
    return Run.of(handler, VALUES, all.toArray(String[]::new));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--f | 1e40 | argument --f: float value out of range for a Java float: '1e40' (use double)",
      "--f | -1e39 | argument --f: float value out of range for a Java float: '-1e39' (use double)",
      "--f | 1e-50 | argument --f: float value out of range for a Java float: '1e-50' (use double)",
      "--li | '[1.5]' | argument --li: JSON value '[1.5]' does not fit java.util.List<java.lang.Integer>: at [0]: expected a whole number, found 1.5",
      "--li | '' | argument --li: invalid JSON value: '': expected a value, found the end of the text at character 1",
      "--li | null | argument --li: expected a JSON array, found null; leave an optional input out instead",
      "--oli | null | argument --oli: expected a JSON array, found null; leave an optional input out instead"})
  void valuesTheTypeCannotHoldAreUsageErrors(String flag, String value, String error) {
    Run r = run(flag, value);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("usage: Test values [-h] [--f F] [--d D] [--li LI] [--oli OLI]"), r.err());
    assertTrue(r.err().contains("Test values: error: " + error + "\n"), r.err());
    assertEquals(List.of(), seen, "the component did not run");
  }

  @Test
  void valuesTheTypeHoldsArePassedAsPythonReadsThem() {
    Run r = run("--f", "inf", "--d", "1e40", "--li", "[1, -2]");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(Float.POSITIVE_INFINITY, 1e40, List.of(1, -2), Optional.empty()), seen);
    seen.clear();
    assertEquals(0, run("--d", "1e400", "--f", "3.4e38", "--oli", "[]").code());
    assertEquals(List.of(3.4e38f, Double.POSITIVE_INFINITY, Optional.of(List.of())), seen, "1e400 is inf, as Python's float()");
  }

  /**
   * A value refused under an input whose name names a credential, or that has a credential's form, is said by its length, with
   * what was wrong with it: "invalid int value: 'hunter2'" put the value in the container's log.
   */
  @Test
  void aValueThatMayBeACredentialIsRefusedWithoutShowingIt() {
    Signature secrets = new Signature("secrets", "").optionalValue("api_token", null).optionalValue("settings", null);
    Entrypoint.Handler reads = in -> {
      if (in.has("api_token")) {
        seen.add(in.intValue("api_token"));
      }
      if (in.has("settings")) {
        seen.add(in.json("settings", new TypeToken<java.util.Map<String, String>>() {}.type()));
      }
    };
    Run token = Run.of(reads, secrets, "secrets", "--api_token", "hunter2");
    assertEquals(2, token.code(), token.err());
    assertTrue(token.err().endsWith("Test secrets: error: argument --api_token: invalid int value: a value of 7 characters (not "
        + "shown: it may hold a credential)\n"), token.err());
    Run settings = Run.of(reads, secrets, "secrets", "--settings", "{\"password\": \"hunter2\"");
    assertEquals(2, settings.code(), settings.err());
    assertTrue(settings.err().endsWith("Test secrets: error: argument --settings: invalid JSON value: a value of 22 characters (not "
        + "shown: it may hold a credential)\n"), settings.err());
    Run list = Run.of(reads, secrets, "secrets", "--settings", "[\"postgres://u:hunter2@db\"]");
    assertTrue(list.err().endsWith("Test secrets: error: argument --settings: invalid value: a value of 27 characters (not "
        + "shown: it may hold a credential)\n"), list.err());
    for (Run r : List.of(token, settings, list)) {
      assertTrue(!r.err().contains("hunter2") && !r.out().contains("hunter2"), r.err());
    }
    assertEquals(List.of(), seen, "the component did not run");
  }
}
