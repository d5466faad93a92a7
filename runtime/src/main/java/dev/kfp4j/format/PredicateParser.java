package dev.kfp4j.format;

import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * The boolean structure of a condition, shared by the formats that write one as text: terms joined
 * by {@code ||} and {@code &&} ({@code &&} binding tighter), read by recursive descent into a {@link
 * Predicate}. A format's parser gives the grammar of one term (its negation, its parentheses, its
 * comparison and operands) in {@link #term}, and the wording of its errors in {@link #error}.
 */
public abstract class PredicateParser {
  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">");

  /** The text being read. */
  protected final String text;
  /** Where the reading is in {@link #text}. */
  protected int pos;

  protected PredicateParser(String text) {
    this.text = text;
  }

  /** Reads all of {@link #text} as one condition; anything after it is an error. */
  protected final Predicate whole() {
    Predicate result = or();
    skipSpaces();
    if (pos != text.length()) {
      throw error("unexpected '" + text.substring(pos) + "'");
    }
    return result;
  }

  /** Terms joined by {@code ||}: a term's own parentheses read their inside with this. */
  protected final Predicate or() {
    List<Predicate> parts = new ArrayList<>();
    parts.add(and());
    while (consume("||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Predicate.Any(parts);
  }

  private Predicate and() {
    List<Predicate> parts = new ArrayList<>();
    parts.add(term());
    while (consume("&&")) {
      parts.add(term());
    }
    return parts.size() == 1 ? parts.get(0) : new Predicate.All(parts);
  }

  /** One term of an {@code &&}: a negation, a parenthesised condition or a comparison. */
  protected abstract Predicate term();

  /** The error at the reading's place, worded for the format, saying {@code why}. */
  protected abstract FormatException error(String why);

  /** The comparison operator at {@link #pos}, read; null when there is none. */
  protected final Predicate.Operator operator() {
    for (String symbol : OPERATORS) {
      if (text.startsWith(symbol, pos)) {
        pos += symbol.length();
        return Predicate.Operator.ofSymbol(symbol);
      }
    }
    return null;
  }

  /** Reads {@code s} after any spaces, if it is there; a {@code !} that begins {@code !=} is not read. */
  protected final boolean consume(String s) {
    skipSpaces();
    if (text.startsWith(s, pos) && !(s.equals("!") && text.startsWith("!=", pos))) {
      pos += s.length();
      return true;
    }
    return false;
  }

  protected final boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  protected final void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
