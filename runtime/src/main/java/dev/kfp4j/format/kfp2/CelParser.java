package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.PredicateParser;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the CEL of a KFP 2 {@code triggerPolicy.condition} as KFP's compiler writes it:
 * comparisons of task inputs ({@code inputs.parameter_values['x']}, perhaps inside {@code int()},
 * {@code double()} or {@code string()}) and literals (numbers, {@code 'text'}, {@code true}),
 * joined by {@code &&}, negated by {@code !(...)}.
 */
final class CelParser extends PredicateParser {
  private final String where;
  private final Function<String, Argument> input;
  private final Function<String, ParameterType> type;

  private CelParser(String text, String where, Function<String, Argument> input, Function<String, ParameterType> type) {
    super(text);
    this.where = where;
    this.input = input;
    this.type = type;
  }

  /**
   * The predicate; {@code input} gives the argument behind each task input the condition reads, {@code comp} the component
   * declaring the inputs, whose types say how KFP's driver gives their values to CEL ({@code backend/src/v2/expression}).
   */
  static Predicate parse(String text, String where, Function<String, Argument> input, JsonNode comp) {
    return new CelParser(text, where, input, declared(comp)).whole();
  }

  /** The declared type of each input of {@code comp}; null for one it does not declare (the condition's alone). */
  private static Function<String, ParameterType> declared(JsonNode comp) {
    return name -> ParameterType.ofV2Name(comp.at("/inputDefinitions/parameters").path(name).path("parameterType").asString(""));
  }

  /** An operand and how CEL reads it. */
  private record Operand(Argument argument, Predicate.CelOperand cel) {}

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
    Operand left = operand();
    skipSpaces();
    Predicate.Operator op = operator();
    if (op == null) {
      throw error("expected a comparison");
    }
    Operand right = operand();
    return new Predicate.Comparison(left.argument(), op, right.argument(), Predicate.Compared.AS_CEL,
        List.of(left.cel(), right.cel()));
  }

  private Operand operand() {
    skipSpaces();
    for (ParameterType to : List.of(ParameterType.INTEGER, ParameterType.FLOAT, ParameterType.STRING)) {
      String cast = switch (to) {
        case INTEGER -> "int(";
        case FLOAT -> "double(";
        default -> "string(";
      };
      if (text.startsWith(cast, pos)) {
        pos += cast.length();
        Operand inner = operand();
        expect(")");
        List<ParameterType> casts = new java.util.ArrayList<>(inner.cel().casts());
        casts.add(to);
        return new Operand(inner.argument(), new Predicate.CelOperand(inner.cel().value(), casts));
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
      return new Operand(input.apply(name), new Predicate.CelOperand(type.apply(name), List.of()));
    }
    Argument literal = literal();
    return new Operand(literal, new Predicate.CelOperand(((Argument.Constant) literal).type(), List.of()));
  }

  /** A CEL literal: a quoted string, true or false, an integer or a double. */
  private Argument literal() {
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
    Predicate p = new CelParser(condition, where, input -> {
      Argument a = arguments.get(input);
      if (a == null) {
        throw new FormatException(where + ": its condition reads input '" + input + "', which the task is not given; "
            + "it is given " + arguments.keySet());
      }
      read.add(input);
      return a;
    }, declared(comp)).whole();
    tools.jackson.databind.JsonNode declared = comp.path("inputDefinitions");
    read.removeIf(input -> declared.path("parameters").has(input) || declared.path("artifacts").has(input));
    arguments.keySet().removeAll(read);
    return p;
  }
}
