package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.PredicateParser;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the CEL of a KFP 2 {@code triggerPolicy.condition} as KFP's compiler writes it:
 * comparisons of task inputs ({@code inputs.parameter_values['x']}, perhaps inside {@code int()},
 * {@code double()} or {@code string()}) and literals (numbers, {@code 'text'}, {@code true}),
 * joined by {@code &&}, negated by {@code !(...)}.
 */
final class CelParser extends PredicateParser {
  private final String where;
  private final Function<String, Argument> input;

  private CelParser(String text, String where, Function<String, Argument> input) {
    super(text);
    this.where = where;
    this.input = input;
  }

  /** The predicate; {@code input} gives the argument behind each task input the condition reads. */
  static Predicate parse(String text, String where, Function<String, Argument> input) {
    return new CelParser(text, where, input).whole();
  }

  @Override
  protected Predicate term() {
    skipSpaces();
    if (text.startsWith("!(", pos)) {
      pos += 2;
      Predicate inner = or();
      expect(")");
      return new Predicate.Not(inner);
    }
    if (text.startsWith("(", pos)) {
      pos++;
      Predicate inner = or();
      expect(")");
      return inner;
    }
    Argument left = operand();
    skipSpaces();
    Predicate.Operator op = operator();
    if (op == null) {
      throw error("expected a comparison");
    }
    return new Predicate.Comparison(left, op, operand());
  }

  private Argument operand() {
    skipSpaces();
    for (String cast : List.of("int(", "double(", "string(")) {
      if (text.startsWith(cast, pos)) {
        pos += cast.length();
        Argument inner = operand();
        expect(")");
        return inner;
      }
    }
    String reference = "inputs.parameter_values['";
    if (text.startsWith(reference, pos)) {
      int end = text.indexOf("']", pos + reference.length());
      if (end < 0) {
        throw error("unterminated input name");
      }
      String name = text.substring(pos + reference.length(), end);
      pos = end + 2;
      return input.apply(name);
    }
    if (text.startsWith("'", pos) || text.startsWith("\"", pos)) {
      char quote = text.charAt(pos++);
      StringBuilder s = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          char e = text.charAt(pos++);
          s.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
        } else {
          s.append(c);
        }
      }
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      pos++;
      return new Argument.Constant(s.toString(), ParameterType.STRING);
    }
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "+-.".indexOf(text.charAt(pos)) >= 0)) {
      pos++;
    }
    String literal = text.substring(start, pos);
    if (literal.equals("true") || literal.equals("false")) {
      return new Argument.Constant(literal.equals("true") ? "True" : "False", ParameterType.BOOLEAN);
    }
    if (literal.matches("-?\\d+")) {
      return new Argument.Constant(literal, ParameterType.INTEGER);
    }
    try {
      Double.parseDouble(literal);
      return new Argument.Constant(literal, ParameterType.FLOAT);
    } catch (NumberFormatException e) {
      throw error("expected a value, found '" + literal + "'");
    }
  }

  private void expect(String s) {
    if (!consume(s)) {
      throw error("expected '" + s + "'");
    }
  }

  @Override
  protected FormatException error(String why) {
    return new FormatException(where + ": condition '" + text + "': " + why);
  }

  /**
   * The condition of a task that runs a container, which KFP's backend tests on the task's own inputs before it
   * runs it: its predicate on the arguments behind them. An input the condition reads that the component does not
   * declare (a {@code pipelinechannel--*} value given for the condition alone) is the condition's, taken from {@code
   * arguments}, the task's; {@code where} names the task in messages.
   */
  static Predicate taskCondition(String condition, java.util.Map<String, Argument> arguments, tools.jackson.databind.JsonNode comp,
      String where) {
    java.util.Set<String> read = new java.util.HashSet<>();
    Predicate p = parse(condition, where, input -> {
      Argument a = arguments.get(input);
      if (a == null) {
        throw new FormatException(where + ": its condition reads input '" + input + "', which the task is not given; "
            + "it is given " + arguments.keySet());
      }
      read.add(input);
      return a;
    });
    tools.jackson.databind.JsonNode declared = comp.path("inputDefinitions");
    read.removeIf(input -> declared.path("parameters").has(input) || declared.path("artifacts").has(input));
    arguments.keySet().removeAll(read);
    return p;
  }
}
