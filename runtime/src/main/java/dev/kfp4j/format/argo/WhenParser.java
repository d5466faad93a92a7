package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an Argo {@code when} expression as kfp4j and KFP v1 write them: comparisons of two
 * operands ({@code "{{tasks.a.outputs.parameters.x}}" == "heads"}, {@code {{inputs.parameters.n}} > 3}),
 * {@code !}, {@code &&} and parentheses. An operand is a quoted or bare text; one that is a whole
 * {@code {{...}}} reference becomes the argument it names.
 */
final class WhenParser {
  private final String text;
  private final String where;
  private final Function<String, Argument> operand;
  private int pos;

  private WhenParser(String text, String where, Function<String, Argument> operand) {
    this.text = text;
    this.where = where;
    this.operand = operand;
  }

  static Predicate parse(String text, String where, Function<String, Argument> operand) {
    WhenParser p = new WhenParser(text, where, operand);
    Predicate result = p.and();
    p.skipSpaces();
    if (p.pos != text.length()) {
      throw p.error("unexpected '" + text.substring(p.pos) + "'");
    }
    return result;
  }

  private Predicate and() {
    List<Predicate> parts = new ArrayList<>();
    parts.add(unary());
    while (consume("&&")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new Predicate.All(parts);
  }

  private Predicate unary() {
    skipSpaces();
    if (consume("!")) {
      return new Predicate.Not(unary());
    }
    if (peek('(')) {
      int save = pos;
      pos++;
      Predicate inner = and();
      if (consume(")")) {
        return inner;
      }
      pos = save; // a parenthesised operand, not a group
    }
    return comparison();
  }

  private Predicate comparison() {
    String left = operandText();
    skipSpaces();
    Predicate.Operator op = null;
    for (String symbol : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (text.startsWith(symbol, pos)) {
        op = Predicate.Operator.ofSymbol(symbol);
        pos += symbol.length();
        break;
      }
    }
    if (op == null) {
      throw error("expected a comparison (==, !=, <, <=, >, >=) after '" + left + "'");
    }
    String right = operandText();
    return new Predicate.Comparison(operand.apply(left), op, operand.apply(right));
  }

  private String operandText() {
    skipSpaces();
    if (peek('"') || peek('\'')) {
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

  private boolean consume(String s) {
    skipSpaces();
    if (text.startsWith(s, pos) && !(s.equals("!") && text.startsWith("!=", pos))) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private FormatException error(String why) {
    return new FormatException(where + ": when '" + text + "': " + why + "; kfp4j reads comparisons joined by && and !");
  }
}
