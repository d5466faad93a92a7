package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes a predicate as Argo's {@code when}: one expression tag, {@code {{=...}}}, in which every
 * value is a variable ({@code tasks['flip-coin'].outputs.parameters['Output'] == 'heads'}) or a
 * quoted, escaped literal, so a value can never change the condition's structure on Argo, as text
 * pasted into a {@code {{...}}} condition could ({@code x" == "x" || "a}). Both sides numbers:
 * compared as numbers ({@code asFloat(...) > 5}); otherwise as text. {@code !(...)} and {@code &&}
 * for else branches. {@link WhenParser} reads it back.
 */
final class Conditions {
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private Conditions() {}

  /** The {@code when} of {@code p}; {@code value} gives an argument's {@code {{...}}} reference. */
  static String write(Predicate p, Function<Argument, String> value, java.util.function.Predicate<Argument> isNumber) {
    return "{{=" + expression(p, value, isNumber) + "}}";
  }

  private static String expression(Predicate p, Function<Argument, String> value, java.util.function.Predicate<Argument> isNumber) {
    if (p instanceof Predicate.Comparison c) {
      boolean numbers = isNumber.test(c.left()) && isNumber.test(c.right());
      return operand(c.left(), value, numbers) + " " + c.operator().symbol() + " " + operand(c.right(), value, numbers);
    }
    if (p instanceof Predicate.Not n) {
      return "!(" + expression(n.predicate(), value, isNumber) + ")";
    }
    List<String> parts = new ArrayList<>();
    for (Predicate q : ((Predicate.All) p).predicates()) {
      parts.add("(" + expression(q, value, isNumber) + ")");
    }
    return String.join(" && ", parts);
  }

  private static String operand(Argument a, Function<Argument, String> value, boolean number) {
    if (a instanceof Argument.Constant c) {
      return number && NUMBER.matcher(c.text()).matches() ? c.text() : (number ? "asFloat(" + quote(c.text()) + ")" : quote(c.text()));
    }
    String path = path(value.apply(a));
    return number ? "asFloat(" + path + ")" : path;
  }

  /** A text literal of Argo's expr language: single quotes, backslash and quote escaped. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * The expr variable for a {@code {{...}}} reference: {@code {{tasks.flip-coin.outputs.parameters.Output}}}
   * is {@code tasks['flip-coin'].outputs.parameters['Output']}; {@code {{item}}} is {@code item},
   * {@code {{item.a}}} is {@code item['a']}.
   */
  static String path(String reference) {
    String[] parts = reference.substring(2, reference.length() - 2).split("\\.");
    StringBuilder out = new StringBuilder(parts[0]);
    switch (parts[0]) {
      case "tasks" -> out.append(name(parts[1])).append('.').append(parts[2]).append('.').append(parts[3]).append(name(parts[4]));
      case "workflow", "inputs" -> out.append('.').append(parts[1]).append(parts.length > 2 ? name(parts[2]) : "");
      case "item" -> {
        for (int i = 1; i < parts.length; i++) {
          out.append(name(parts[i]));
        }
      }
      default -> throw new IllegalArgumentException("not a reference kfp4j writes: " + reference);
    }
    return out.toString();
  }

  private static String name(String name) {
    return "[" + quote(name) + "]";
  }
}
