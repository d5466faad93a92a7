package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Evaluates an Argo expression tag used as a condition, {@code when: "{{=EXPR}}"}: the part of
 * the expr language such conditions use. Variables are read by path
 * ({@code tasks['flip-coin'].outputs.parameters['Output']}, {@code inputs.parameters.x},
 * {@code workflow.parameters.p}, {@code item}) and are values, never text of the expression, as on
 * Argo. Also: quoted strings with backslash escapes, numbers, {@code true}/{@code false},
 * {@code asInt(..)}, {@code asFloat(..)}, {@code string(..)}, {@code ==}, {@code !=}, {@code <},
 * {@code <=}, {@code >}, {@code >=}, {@code &&}/{@code and}, {@code ||}/{@code or},
 * {@code !}/{@code not}, parentheses.
 */
final class ExprCondition {
  private final List<String> tokens;
  private final UnaryOperator<String> variable;
  private final String text;
  private int pos;

  private ExprCondition(String text, UnaryOperator<String> variable) {
    this.text = text;
    this.tokens = tokenize(text);
    this.variable = variable;
  }

  /** The value of {@code expression}; {@code variable} gives a variable's value by its dotted name. */
  static boolean evaluate(String expression, UnaryOperator<String> variable) {
    ExprCondition e = new ExprCondition(expression, variable);
    Object v = e.or();
    if (e.pos != e.tokens.size()) {
      throw e.error("unexpected '" + e.tokens.get(e.pos) + "'");
    }
    if (!(v instanceof Boolean b)) {
      throw new WorkflowException("the condition '{{=" + expression + "}}' is not true or false");
    }
    return b;
  }

  private Object or() {
    Object left = and();
    while (accept("||") || accept("or")) {
      Object right = and();
      left = bool(left) || bool(right);
    }
    return left;
  }

  private Object and() {
    Object left = comparison();
    while (accept("&&") || accept("and")) {
      Object right = comparison();
      left = bool(left) && bool(right);
    }
    return left;
  }

  private Object comparison() {
    Object left = unary();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (accept(op)) {
        return compare(left, op, unary());
      }
    }
    return left;
  }

  private Object unary() {
    if (accept("!") || accept("not")) {
      return !bool(unary());
    }
    if (accept("(")) {
      Object v = or();
      expect(")");
      return v;
    }
    if (pos >= tokens.size()) {
      throw error("it ends too early");
    }
    String t = tokens.get(pos++);
    char c = t.charAt(0);
    if (c == '\'' || c == '"') {
      return t.substring(1);
    }
    if (Character.isDigit(c)) {
      return t.contains(".") || t.contains("e") || t.contains("E") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    if (!Character.isLetter(c) && c != '_') {
      throw error("unexpected '" + t + "'");
    }
    if (accept("(")) {
      Object arg = or();
      expect(")");
      return call(t, arg);
    }
    StringBuilder path = new StringBuilder(t);
    while (true) {
      if (accept(".")) {
        path.append('.').append(name());
      } else if (accept("[")) {
        String key = pos < tokens.size() ? tokens.get(pos++) : "";
        if (key.isEmpty() || (key.charAt(0) != '\'' && key.charAt(0) != '"')) {
          throw error("expected a quoted name in [...]");
        }
        path.append('.').append(key.substring(1));
        expect("]");
      } else {
        return variable.apply(path.toString());
      }
    }
  }

  private Object call(String function, Object arg) {
    try {
      switch (function) {
        case "asInt": return Long.parseLong(String.valueOf(arg).strip());
        case "asFloat": return Double.parseDouble(String.valueOf(arg).strip());
        case "string": return arg instanceof Double d && d == Math.rint(d) ? Long.toString((long) (double) d) : String.valueOf(arg);
        default: throw error("unknown function " + function + "()");
      }
    } catch (NumberFormatException e) {
      throw new WorkflowException("the condition '{{=" + text + "}}': " + function + "('" + arg + "') is not a number");
    }
  }

  private static Object compare(Object l, String op, Object r) {
    int c;
    if (l instanceof Number a && r instanceof Number b) {
      c = Double.compare(a.doubleValue(), b.doubleValue());
    } else if (l instanceof String a && r instanceof String b) {
      c = a.compareTo(b);
    } else if (op.equals("==") || op.equals("!=")) {
      c = l.equals(r) ? 0 : 1;
    } else {
      throw new WorkflowException("cannot compare " + l + " " + op + " " + r + ": compare numbers (asInt, asFloat) or strings");
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

  private boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw error("'" + v + "' is not true or false");
  }

  private String name() {
    String t = pos < tokens.size() ? tokens.get(pos++) : "";
    if (t.isEmpty() || !(Character.isLetterOrDigit(t.charAt(0)) || t.charAt(0) == '_')) {
      throw error("expected a name after '.'");
    }
    return t;
  }

  private boolean accept(String s) {
    if (pos < tokens.size() && tokens.get(pos).equals(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!accept(s)) {
      throw error("expected '" + s + "'");
    }
  }

  private WorkflowException error(String what) {
    return new WorkflowException("cannot read the condition '{{=" + text + "}}': " + what);
  }

  /** Operators and punctuation; names and numbers; strings as their quote followed by their unescaped value. */
  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder().append(c);
        i++;
        while (i < s.length() && s.charAt(i) != c) {
          char d = s.charAt(i++);
          if (d == '\\' && i < s.length()) {
            char e = s.charAt(i++);
            value.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else {
            value.append(d);
          }
        }
        if (i >= s.length()) {
          throw new WorkflowException("cannot read the condition '{{=" + s + "}}': unclosed quote");
        }
        i++;
        out.add(value.toString());
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
            || (Character.isDigit(c) && s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))))) {
          i++;
        }
        out.add(s.substring(start, i));
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
          out.add(two);
          i += 2;
        } else if ("<>!().[]".indexOf(c) >= 0) {
          out.add(String.valueOf(c));
          i++;
        } else {
          throw new WorkflowException("cannot read the condition '{{=" + s + "}}' at '" + s.substring(i) + "'");
        }
      }
    }
    return out;
  }
}
