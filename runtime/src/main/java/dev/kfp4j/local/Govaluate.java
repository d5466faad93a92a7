package dev.kfp4j.local;

import dev.kfp4j.model.Predicate;

/**
 * How Argo's older {@code when} (govaluate, {@code shouldExecute} in {@code workflow/controller/steps.go}) reads and
 * compares the values pasted into it. Argo pastes each value into the text, then reads it: a bare value is what
 * govaluate's lexer makes of it, a number ({@code 42}, {@code 4.5}, {@code -3}, {@code 0x1F}; not {@code 1e3}), {@code
 * true} or {@code false} in lower case as true/false, a word ({@code heads}, {@code True}) as text, since Argo turns
 * govaluate's variables into strings; a quoted value is text, a backslash taking the next character as it is and either
 * quote ending it. {@code ==} and {@code !=} compare two values of one kind (Go's {@code reflect.DeepEqual}: a number
 * and a text, or {@code True} and {@code true}, differ); {@code <}, {@code <=}, {@code >}, {@code >=} order two numbers
 * or two texts (by byte) and fail on anything else, as Argo fails the task there.
 */
final class Govaluate {
  private Govaluate() {}

  /** A bare value as govaluate reads it: a Double, a Boolean or a String; a value that is not one operand fails. */
  static Object bare(String value, String where) {
    String v = strip(value);
    if (v.startsWith("-")) { // a negation: of a number only, which starts with a digit (govaluate reads "-." as one symbol)
      String rest = strip(v.substring(1));
      if (!rest.isEmpty() && Character.isDigit(rest.charAt(0)) && bare(rest, where) instanceof Double d) {
        return -d;
      }
      throw notOne(value, where);
    }
    if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '.')) {
      if (v.matches("0x[0-9a-fA-F]+") && v.length() <= 18) {
        return (double) Long.parseUnsignedLong(v.substring(2), 16);
      }
      if (v.matches("[0-9]+\\.?[0-9]*|\\.[0-9]+")) {
        return Double.parseDouble(v);
      }
      throw notOne(value, where);
    }
    if (!v.isEmpty() && Character.isLetter(v.codePointAt(0)) && v.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      if (v.equals("in") || v.equals("IN")) { // govaluate's operator
        throw notOne(value, where);
      }
      return v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : v;
    }
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
      return quoted(v.substring(1, v.length() - 1), where);
    }
    throw notOne(value, where);
  }

  /** A value pasted between quotes, as govaluate reads the quoted text: backslash escapes; a quote ends the text too early. */
  static String quoted(String value, String where) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        out.append(value.charAt(++i));
      } else if (c == '"' || c == '\'' || c == '\\') {
        throw new WorkflowException(where + ": the value '" + value + "' has a quote, or a backslash at its end, which ends "
            + "the quoted text Argo's when pastes it into: on Argo the condition would read otherwise, or not at all");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code c}, a comparison of Argo's older {@code when} ({@link Predicate.Compared#pasted}), holds of {@code left}
   * and {@code right}, each pasted into quotes or bare as {@code c} says.
   */
  static boolean holds(Predicate.Comparison c, String left, String right, String where) {
    return holds(pasted(left, c.compared().quoted(true), where), c.operator(), pasted(right, c.compared().quoted(false), where), where);
  }

  private static Object pasted(String value, boolean quoted, String where) {
    return quoted ? quoted(value, where) : bare(value, where);
  }

  /** Whether {@code left op right} holds as govaluate compares. */
  static boolean holds(Object left, Predicate.Operator op, Object right, String where) {
    if (op == Predicate.Operator.EQ || op == Predicate.Operator.NE) {
      boolean equal = left instanceof Double l && right instanceof Double r ? l.doubleValue() == r.doubleValue() : left.equals(right);
      return equal == (op == Predicate.Operator.EQ);
    }
    int c;
    if (left instanceof Double l && right instanceof Double r) {
      c = Comparing.numbers(l, r);
    } else if (left instanceof String l && right instanceof String r) {
      c = dev.kfp4j.format.GoOrder.compare(l, r);
    } else {
      throw new WorkflowException(where + ": Argo's when cannot order " + shown(left) + " and " + shown(right) + " with " + op.symbol()
          + " (govaluate orders two numbers or two texts)");
    }
    return Comparing.holds(c, op);
  }

  private static String shown(Object v) {
    return v instanceof String s ? "text '" + s + "'" : v instanceof Boolean b ? b.toString() : "number " + v;
  }

  private static WorkflowException notOne(String value, String where) {
    return new WorkflowException(where + ": Argo's when reads '" + value + "', pasted in bare, as more than one value (govaluate "
        + "reads a number, true, false or one word); quote it in the condition to compare it as text");
  }

  /** {@code s} without what Go's {@code unicode.IsSpace} calls space at either end. */
  private static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && space(s.charAt(a))) {
      a++;
    }
    while (b > a && space(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean space(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85 || Character.isSpaceChar(c);
  }
}
