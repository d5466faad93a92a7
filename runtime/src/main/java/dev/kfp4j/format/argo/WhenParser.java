package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.PredicateParser;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Predicate;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an Argo {@code when} as kfp4j and KFP v1 write them: comparisons of two operands, {@code
 * !}, {@code &&}, {@code ||} and parentheses. KFP v1's form pastes references into the text ({@code
 * "{{tasks.a.outputs.parameters.x}}" == "heads"}, {@code {{inputs.parameters.n}} > 3}): an operand
 * is a quoted or bare text, and one that is a whole {@code {{...}}} reference becomes the argument
 * it names. kfp4j's form is one expression tag ({@link Conditions}): {@code
 * {{=tasks['a'].outputs.parameters['x'] == 'heads'}}}, {@code {{=asFloat(inputs.parameters['n']) > 3}}},
 * whose variables are read as those references and whose literals are quoted with backslash
 * escapes.
 */
final class WhenParser extends PredicateParser {
  private final String where;
  private final Function<String, Argument> operand;
  /** Whether {@link #text} is the inside of an expression tag. */
  private final boolean expr;
  /** Whether an operand of the comparison being read is a number to Argo ({@code asFloat(...)}, {@code 5}). */
  private boolean numbers;
  /** Whether the operand just read is quoted. */
  private boolean quoted;
  /** The outermost of asInt and asFloat around the operand just read, or null. */
  private String cast;

  private WhenParser(String text, String where, Function<String, Argument> operand, boolean expr) {
    super(text);
    this.where = where;
    this.operand = operand;
    this.expr = expr;
  }

  static Predicate parse(String text, String where, Function<String, Argument> operand) {
    String t = text.strip();
    boolean expr = t.startsWith("{{=") && t.endsWith("}}");
    return new WhenParser(expr ? t.substring(3, t.length() - 2) : text, where, operand, expr).whole();
  }

  @Override
  protected Predicate term() {
    skipSpaces();
    if (consume("!")) {
      return new Predicate.Not(term());
    }
    if (peek('(')) {
      int save = pos;
      pos++;
      Predicate inner = or();
      if (consume(")")) {
        return inner;
      }
      pos = save; // a parenthesised operand, not a group
    }
    return comparison();
  }

  /**
   * A comparison, compared as Argo compares it: in an expression tag as numbers where an operand is
   * read with {@code asFloat}/{@code asInt} or is a number (each read as its own function says, a literal as the other
   * operand is read), else as text (expr compares two strings
   * as strings, {@code '1.0' == '1'} is false); in the older form as govaluate reads the values Argo
   * pastes in, each quoted or bare ({@link Predicate.Compared#pasted}). An expression tag comparing a
   * number with text is refused: Argo's variables are text, and expr finds a text never equal to a number
   * ({@code runtime.Equal}) and cannot order the two, which the model does not hold.
   */
  private Predicate comparison() {
    numbers = false;
    quoted = false;
    cast = null;
    String left = operandText();
    boolean leftQuoted = quoted;
    String leftCast = cast;
    skipSpaces();
    Predicate.Operator op = operator();
    if (op == null) {
      throw error("expected a comparison (==, !=, <, <=, >, >=) after '" + left + "'");
    }
    quoted = false;
    boolean leftNumber = numbers;
    numbers = false;
    cast = null;
    String right = operandText();
    // each read as its function says, a literal as expr reads it: an int only beside an int (beside a float, as the float)
    boolean l = integer(leftCast, left);
    boolean r = integer(cast, right);
    boolean leftInt = l && (leftCast != null || r);
    boolean rightInt = r && (cast != null || l);
    if (expr && leftNumber != numbers) {
      throw error("it compares " + (leftNumber ? "a number with text" : "text with a number") + " ('" + left + "' " + op.symbol()
          + " '" + right + "'), which Argo's expr finds never equal and cannot order (its variables are text): read the text "
          + "as a number with asFloat(...), or write the number as text ('5')");
    }
    numbers |= leftNumber;
    Predicate.Compared compared = expr ? (!numbers ? Predicate.Compared.AS_TEXT
        : leftInt && rightInt ? Predicate.Compared.AS_INTEGERS : leftInt ? Predicate.Compared.AS_NUMBERS_INTEGER_LEFT
        : rightInt ? Predicate.Compared.AS_NUMBERS_INTEGER_RIGHT : Predicate.Compared.AS_NUMBERS)
        : Predicate.Compared.pasted(leftQuoted, quoted);
    return new Predicate.Comparison(operand.apply(left), op, operand.apply(right), compared);
  }

  /** Whether an operand of an expression tag compared as a number is an int to expr: read with asInt, or an integer literal. */
  private static boolean integer(String cast, String operand) {
    return cast != null ? cast.equals("asInt(") : ArgumentTexts.digits(operand, operand.startsWith("-") ? 1 : 0);
  }

  private String operandText() {
    skipSpaces();
    if (expr) {
      return exprOperand();
    }
    if (peek('"') || peek('\'')) {
      quoted = true;
      char quote = text.charAt(pos);
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error("unterminated quote");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (text.startsWith("{{", pos)) {
        depth++;
        pos += 2;
        continue;
      }
      if (text.startsWith("}}", pos) && depth > 0) {
        depth--;
        pos += 2;
        continue;
      }
      if (depth == 0 && (Character.isWhitespace(c) || "=!<>()&|".indexOf(c) >= 0)) {
        break;
      }
      pos++;
    }
    if (start == pos) {
      throw error("expected a value");
    }
    return text.substring(start, pos);
  }

  /**
   * An operand of an expression tag: {@code asFloat(x)} or {@code asInt(x)} (the comparison is of
   * numbers, as the model's types say), a quoted literal, a number, or a variable, given back as
   * the {@code {{...}}} reference it is.
   */
  private String exprOperand() {
    for (String function : List.of("asFloat(", "asInt(")) {
      if (text.startsWith(function, pos)) {
        pos += function.length();
        numbers = true;
        cast = cast == null ? function : cast;
        String inner = exprOperand();
        if (!consume(")")) {
          throw error("expected ')' after " + function + inner);
        }
        return inner;
      }
    }
    if (peek('"') || peek('\'')) {
      char quote = text.charAt(pos++);
      StringBuilder out = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        out.append(c);
      }
      if (pos >= text.length()) {
        throw error("unterminated quote");
      }
      pos++;
      return out.toString();
    }
    int start = pos;
    StringBuilder reference = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (text.startsWith("['", pos)) {
        int end = text.indexOf("']", pos + 2);
        if (end < 0) {
          throw error("unterminated [' in '" + text.substring(start) + "'");
        }
        reference.append('.').append(text, pos + 2, end);
        pos = end + 2;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || (c == '-' && pos == start)) {
        reference.append(c);
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw error("expected a value");
    }
    String r = reference.toString();
    if (!Character.isLetter(r.charAt(0))) {
      numbers = true; // a number literal
      return r;
    }
    return "{{" + r + "}}";
  }

  @Override
  protected FormatException error(String why) {
    return new FormatException(where + ": when '" + text + "': " + why + "; kfp4j reads comparisons joined by &&, || and !");
  }
}
