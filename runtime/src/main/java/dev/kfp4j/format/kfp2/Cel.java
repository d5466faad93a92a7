package dev.kfp4j.format.kfp2;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a predicate in the subset of CEL that KFP 2's {@code triggerPolicy.condition} takes, as
 * KFP's compiler does: values read from the task's inputs ({@code
 * inputs.parameter_values['pipelinechannel--x']}, integers through {@code int(...)}), constants
 * as literals; two sides of different types compared as the wider one (string, then boolean,
 * then double). Text constants are quoted and escaped, so no value changes the expression.
 */
final class Cel {
  /** How an operand that is not a constant is read: its input name and its type. */
  record Operand(String input, ParameterType type) {}

  private Cel() {}

  static String write(Predicate p, Function<Argument, Operand> operand) {
    if (p instanceof Predicate.Comparison c) {
      return comparison(c, operand);
    }
    if (p instanceof Predicate.Not n) {
      return "!(" + write(n.predicate(), operand) + ")";
    }
    if (p instanceof Predicate.Any any) {
      List<String> parts = new ArrayList<>();
      for (Predicate q : any.predicates()) {
        parts.add(q instanceof Predicate.All || q instanceof Predicate.Any ? "(" + write(q, operand) + ")" : write(q, operand));
      }
      return String.join(" || ", parts);
    }
    List<String> parts = new ArrayList<>();
    for (Predicate q : ((Predicate.All) p).predicates()) { // an inner && too, which would read back flattened
      parts.add(q instanceof Predicate.All || q instanceof Predicate.Any ? "(" + write(q, operand) + ")" : write(q, operand));
    }
    return String.join(" && ", parts);
  }

  private static String comparison(Predicate.Comparison c, Function<Argument, Operand> operand) {
    ParameterType left = type(c.left(), operand);
    ParameterType right = type(c.right(), operand);
    ParameterType common = left == right ? left : common(left, right);
    return value(c.left(), left, common, operand) + " " + c.operator().symbol() + " " + value(c.right(), right, common, operand);
  }

  private static ParameterType type(Argument a, Function<Argument, Operand> operand) {
    return a instanceof Argument.Constant k ? k.type() : operand.apply(a).type();
  }

  private static ParameterType common(ParameterType a, ParameterType b) {
    if (a == ParameterType.STRING || b == ParameterType.STRING) {
      return ParameterType.STRING;
    }
    if (a == ParameterType.BOOLEAN || b == ParameterType.BOOLEAN) {
      return ParameterType.STRING;
    }
    return ParameterType.FLOAT;
  }

  private static String value(Argument a, ParameterType type, ParameterType common, Function<Argument, Operand> operand) {
    String v;
    if (a instanceof Argument.Constant k) {
      v = switch (type) {
        case STRING, LIST, STRUCT -> quote(k.text());
        case BOOLEAN -> KfpValues.parseBoolean(k.text()) ? "true" : "false";
        default -> k.text();
      };
      if (common == ParameterType.STRING && type != ParameterType.STRING) {
        return quote(k.text());
      }
    } else {
      v = "inputs.parameter_values['" + operand.apply(a).input() + "']";
      if (type == ParameterType.INTEGER) {
        v = "int(" + v + ")";
      }
      if (common == ParameterType.STRING && type != ParameterType.STRING) {
        return "string(" + v + ")";
      }
    }
    if (common == ParameterType.FLOAT && type == ParameterType.INTEGER) {
      return "double(" + v + ")";
    }
    return v;
  }

  /** A CEL string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out.append('\'').toString();
  }
}
