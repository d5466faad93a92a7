package dev.kfp4j.model;

import dev.kfp4j.entrypoint.Credentials;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.spec.Names;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A run's arguments checked against a pipeline's parameters, as a cluster would check them but
 * before anything is sent: every name is a parameter ("did you mean" the nearest), every parameter
 * without a default has a value, and every value is of its parameter's type in KFP's text form
 * ({@code 7}, {@code 0.5}, {@code True}, JSON for lists and structs).
 *
 * <pre>{@code
 * Map<String, String> args = RunArguments.check(pipeline, Map.of("value1", "10"));
 * }</pre>
 */
public final class RunArguments {
  /** How an argument is written where the caller says nothing else: {@code LocalRun}'s form, a name and its value. */
  public static final String GIVE = "name=value";

  private RunArguments() {}

  /**
   * {@code given}, checked, in the order of the parameters; nothing is filled in.
   *
   * @throws IllegalArgumentException naming the argument and what is wrong with it
   */
  public static Map<String, String> check(Pipeline pipeline, Map<String, String> given) {
    return check(pipeline, given, GIVE);
  }

  /**
   * {@code given}, checked, in the order of the parameters; nothing is filled in. A missing value is said with {@code give}, how
   * the caller's user writes one ({@code -a name=value}, {@code -Dkfp4j.arg=name=value}).
   *
   * @throws IllegalArgumentException naming the argument and what is wrong with it
   */
  public static Map<String, String> check(Pipeline pipeline, Map<String, String> given, String give) {
    List<String> declared = new ArrayList<>();
    pipeline.parameters().forEach(p -> declared.add(p.name()));
    checkKnown(pipeline.name(), declared, given.keySet());
    Map<String, String> out = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Parameter p : pipeline.parameters()) {
      String value = given.get(p.name());
      if (value != null) {
        checkType(p, value);
        out.put(p.name(), value);
      } else if (!p.optional()) {
        missing.add(p.name());
      }
    }
    checkNoneMissing(pipeline.name(), missing, give);
    return out;
  }

  /**
   * Refuses a name in {@code given} that is none of {@code declared}, pipeline {@code pipeline}'s
   * parameters, naming the nearest: the one rule for a run here (the local runner) and on a cluster.
   *
   * @throws IllegalArgumentException naming the argument, the nearest parameter and all of them
   */
  public static void checkKnown(String pipeline, List<String> declared, Collection<String> given) {
    for (String key : given) {
      if (!declared.contains(key)) {
        String near = Names.nearest(key, declared);
        throw new IllegalArgumentException("pipeline '" + pipeline + "' has no parameter '" + key + "'"
            + (near == null ? "; its" : "; did you mean '" + near + "'? Its") + " parameters are " + declared);
      }
    }
  }

  /**
   * Refuses a run that gives no value for {@code missing}, parameters of pipeline {@code pipeline} with no default that may
   * not be left out: the one rule for a run here and on a cluster. It says how to give one as {@code give}: how the caller's
   * user writes an argument ({@link #GIVE}; {@code kfp4j run}'s {@code -a name=value}, a Maven goal's {@code
   * -Dkfp4j.arg=name=value}), so that the advice is one that user can follow.
   *
   * @throws IllegalArgumentException naming them, and saying how to give them
   */
  public static void checkNoneMissing(String pipeline, List<String> missing, String give) {
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("pipeline '" + pipeline + "' needs a value for " + missing
          + " (they have no default); pass " + give);
    }
  }

  private static void checkType(Parameter p, String value) {
    checkValue(p.name(), p.type(), value);
  }

  /**
   * Checks that {@code value} parses as a value of {@code type} (none checked when null): a run's
   * argument, by the same rule whether it runs here or on a cluster. The error shows the value ({@code 'abc' is not a number})
   * unless it or the parameter's name may be a credential ({@link Credentials}): then its length, and how to write one.
   *
   * @throws IllegalArgumentException naming the parameter, its type and what is wrong
   */
  public static void checkValue(String name, ParameterType type, String value) {
    if (type == null) {
      return;
    }
    try {
      switch (type) {
        case INTEGER -> KfpValues.parseLong(value);
        case FLOAT -> KfpValues.parseDouble(value);
        case BOOLEAN -> KfpValues.parseBoolean(value);
        case LIST -> checkJson(value, true);
        case STRUCT -> checkJson(value, false);
        default -> { }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter '" + name + "' is " + type.v1Name() + ": " + (Credentials.mayHold(name, value)
          ? Credentials.hidden(value) + " is not one; write " + form(type) : e.getMessage()));
    }
  }

  /** How a value of {@code type} is written, for a message that does not show the value given. */
  private static String form(ParameterType type) {
    return switch (type) {
      case INTEGER -> "a whole number, such as 7";
      case FLOAT -> "a number, such as 0.5";
      case BOOLEAN -> "True or False";
      case LIST -> "a JSON array, such as [1, 2] or [\"a\", \"b\"]";
      default -> "a JSON object, such as {\"a\": 1}";
    };
  }

  /**
   * Refuses {@code value} unless it is a JSON array ({@code array}) or object, saying how to write one: a list
   * written as a shell or a Java user would, {@code a,b}, is no JSON, and Jackson's message alone
   * ("Unrecognized token 'a'") does not say that JSON was wanted.
   */
  private static void checkJson(String value, boolean array) {
    String kind = array ? "a JSON array" : "a JSON object";
    String example = array ? "[1, 2] or [\"a\", \"b\"]" : "{\"a\": 1}";
    String problem;
    try {
      JsonNode node = Yaml.readJson(value);
      if (array ? node.isArray() : node.isObject()) {
        return;
      }
      problem = "not " + kind + ": '" + value + "'";
    } catch (JacksonException e) {
      problem = "'" + value + "' is not JSON (" + Yaml.why(e) + ")";
    }
    throw new IllegalArgumentException(problem + "; write " + kind + ", such as " + example);
  }
}
