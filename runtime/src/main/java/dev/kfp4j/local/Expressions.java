package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Evaluates Argo {@code when} conditions as govaluate does for them: {@code ==}, {@code !=},
 * {@code <}, {@code <=}, {@code >}, {@code >=}, {@code &&}, {@code ||}, {@code !}, parentheses,
 * quoted strings, numbers, {@code true}/{@code false}; a bare word is a string.
 *
 * <p>The condition is read as written, with its {@code {{...}}} references in place; only then is
 * each operand given its value, through {@code operand}. A value is always one operand, whatever
 * it holds: {@code x" == "x" || "a} stays a string and cannot change the condition's structure.
 */
final class Expressions {
  /** A piece of the condition: an operator or parenthesis, or an operand (quoted or bare) as written. */
  private record Token(String text, boolean operand, boolean quoted) {}

  private static final String[] OPERATORS = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "(", ")"};

  private final List<Token> tokens;
  private final UnaryOperator<String> operand;
  private int pos;

  private Expressions(List<Token> tokens, UnaryOperator<String> operand) {
    this.tokens = tokens;
    this.operand = operand;
  }

  /** The condition's value; {@code operand} gives each operand's text its value (substitutes its references). */
  static boolean evaluate(String expression, UnaryOperator<String> operand) {
    Expressions e = new Expressions(tokenize(expression), operand);
    Object v = e.or();
    if (e.pos != e.tokens.size()) {
      throw new WorkflowException("cannot read the condition '" + expression + "' at '" + e.tokens.get(e.pos).text() + "'");
    }
    if (!(v instanceof Boolean b)) {
      throw new WorkflowException("the condition '" + expression + "' is not true or false");
    }
    return b;
  }

  /** A condition without references. */
  static boolean evaluate(String expression) {
    return evaluate(expression, UnaryOperator.identity());
  }

  private Object or() {
    Object left = and();
    while (peek("||")) {
      pos++;
      Object right = and();
      left = bool(left) || bool(right);
    }
    return left;
  }

  private Object and() {
    Object left = comparison();
    while (peek("&&")) {
      pos++;
      Object right = comparison();
      left = bool(left) && bool(right);
    }
    return left;
  }

  private Object comparison() {
    Object left = unary();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (peek(op)) {
        pos++;
        Object right = unary();
        return compare(left, op, right);
      }
    }
    return left;
  }

  private Object unary() {
    if (peek("!")) {
      pos++;
      return !bool(unary());
    }
    if (peek("(")) {
      pos++;
      Object v = or();
      if (!peek(")")) {
        throw new WorkflowException("expected ')' in the condition");
      }
      pos++;
      return v;
    }
    if (pos >= tokens.size() || !tokens.get(pos).operand()) {
      throw new WorkflowException(pos >= tokens.size() ? "the condition ends too early"
          : "expected a value in the condition, found '" + tokens.get(pos).text() + "'");
    }
    Token t = tokens.get(pos++);
    String value = operand.apply(t.text());
    if (t.quoted()) {
      return value;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static Object compare(Object l, String op, Object r) {
    int c;
    if (l instanceof Double a && r instanceof Double b) {
      c = Double.compare(a, b);
    } else if (l instanceof Boolean || r instanceof Boolean) {
      if (!op.equals("==") && !op.equals("!=")) {
        throw new WorkflowException("cannot order true/false with " + op);
      }
      c = String.valueOf(l).equals(String.valueOf(r)) ? 0 : 1;
    } else {
      String a = l instanceof Double d ? number(d) : String.valueOf(l);
      String b = r instanceof Double d ? number(d) : String.valueOf(r);
      if (!op.equals("==") && !op.equals("!=")) {
        // govaluate compares numeric-looking strings as numbers
        try {
          c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
          c = a.compareTo(b);
        }
      } else {
        c = a.equals(b) ? 0 : 1;
      }
    }
    switch (op) {
      case "==": return c == 0;
      case "!=": return c != 0;
      case "<": return c < 0;
      case "<=": return c <= 0;
      case ">": return c > 0;
      default: return c >= 0;
    }
  }

  private static String number(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new WorkflowException("'" + v + "' is not true or false");
  }

  private boolean peek(String s) {
    return pos < tokens.size() && !tokens.get(pos).operand() && tokens.get(pos).text().equals(s);
  }

  /** The condition as written, cut into operators and operands; a {@code {{...}}} reference is never cut. */
  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    next:
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != c) {
          end = s.startsWith("{{", end) ? referenceEnd(s, end) : end + 1;
        }
        if (end >= s.length()) {
          throw new WorkflowException("unclosed quote in the condition '" + s + "'");
        }
        out.add(new Token(s.substring(i + 1, end), true, true));
        i = end + 1;
        continue;
      }
      for (String op : OPERATORS) {
        if (s.startsWith(op, i)) {
          out.add(new Token(op, false, false));
          i += op.length();
          continue next;
        }
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()<>=!&|\"'".indexOf(s.charAt(i)) < 0) {
        i = s.startsWith("{{", i) ? referenceEnd(s, i) : i + 1;
      }
      if (i == start) {
        throw new WorkflowException("cannot read the condition '" + s + "' at '" + s.substring(i) + "'");
      }
      out.add(new Token(s.substring(start, i), true, false));
    }
    return out;
  }

  /** The index after the {@code }}} closing the reference that starts at {@code start}. */
  private static int referenceEnd(String s, int start) {
    int end = s.indexOf("}}", start + 2);
    if (end < 0) {
      throw new WorkflowException("unclosed {{ in the condition '" + s + "'");
    }
    return end + 2;
  }
}
