package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a predicate as Argo's {@code when} expression: {@code 5 > 3} where both sides are
 * numbers, {@code "heads" == "tails"} otherwise; {@code !(...)} and {@code &&} for else branches.
 */
final class Conditions {
  private Conditions() {}

  static String write(Predicate p, Function<Argument, String> value, java.util.function.Predicate<Argument> isNumber) {
    if (p instanceof Predicate.Comparison c) {
      boolean numbers = isNumber.test(c.left()) && isNumber.test(c.right());
      String left = value.apply(c.left());
      String right = value.apply(c.right());
      return numbers
          ? left + " " + c.operator().symbol() + " " + right
          : "\"" + left + "\" " + c.operator().symbol() + " \"" + right + "\"";
    }
    if (p instanceof Predicate.Not n) {
      return "!(" + write(n.predicate(), value, isNumber) + ")";
    }
    List<String> parts = new ArrayList<>();
    for (Predicate q : ((Predicate.All) p).predicates()) {
      parts.add("(" + write(q, value, isNumber) + ")");
    }
    return String.join(" && ", parts);
  }
}
