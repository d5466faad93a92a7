package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates Argo {@code when} expressions after substitution, as govaluate does for them:
 * {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code &&}, {@code ||},
 * {@code !}, parentheses, quoted strings, numbers, {@code true}/{@code false}; a bare word is a
 * string.
 */
final class Expressions {
  private final List<String> tokens;
  private int pos;

  private Expressions(List<String> tokens) {
    this.tokens = tokens;
  }

  static boolean evaluate(String expression) {
    Expressions e = new Expressions(tokenize(expression));
    Object v = e.or();
    if (e.pos != e.tokens.size()) {
      throw new WorkflowException("cannot read the condition '" + expression + "' at '" + e.tokens.get(e.pos) + "'");
    }
    if (!(v instanceof Boolean b)) {
      throw new WorkflowException("the condition '" + expression + "' is not true or false");
    }
    return b;
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
      expect(")");
      return v;
    }
    if (pos >= tokens.size()) {
      throw new WorkflowException("the condition ends too early");
    }
    String t = tokens.get(pos++);
    if (t.startsWith("\"") || t.startsWith("'")) {
      return t.substring(1, t.length() - 1);
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return t;
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
    return pos < tokens.size() && tokens.get(pos).equals(s);
  }

  private void expect(String s) {
    if (!peek(s)) {
      throw new WorkflowException("expected '" + s + "' in the condition");
    }
    pos++;
  }

  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new WorkflowException("unclosed quote in the condition '" + s + "'");
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else if ("()".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else if (s.startsWith("&&", i) || s.startsWith("||", i) || s.startsWith("==", i) || s.startsWith("!=", i)
          || s.startsWith("<=", i) || s.startsWith(">=", i)) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else if ("<>!".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()<>=!&|\"'".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
