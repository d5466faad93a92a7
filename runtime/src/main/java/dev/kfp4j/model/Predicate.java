package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * The condition of a {@link Condition} group: a comparison of two arguments, a negation, a
 * conjunction or a disjunction. Formats write it in their own language (Argo's {@code when}, KFP 2's CEL), always
 * with values as operands, so no value can change a condition's structure.
 */
public sealed interface Predicate {

  /** A comparison operator, as written in both Argo's and KFP 2's condition languages. */
  enum Operator {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** The operator written as {@code symbol}, or null. */
    public static Operator ofSymbol(String symbol) {
      for (Operator o : values()) {
        if (o.symbol.equals(symbol)) {
          return o;
        }
      }
      return null;
    }
  }

  /** {@code left operator right}; compared as numbers when both sides are numbers, else as text. */
  record Comparison(Argument left, Operator operator, Argument right) implements Predicate {
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
    }
  }

  /** Holds when {@code predicate} does not (an else branch). */
  record Not(Predicate predicate) implements Predicate {
    public Not {
      Objects.requireNonNull(predicate, "predicate");
    }
  }

  /** Holds when every one of {@code predicates} does. */
  record All(List<Predicate> predicates) implements Predicate {
    public All {
      predicates = List.copyOf(predicates);
    }
  }

  /** Holds when one or more of {@code predicates} do. */
  record Any(List<Predicate> predicates) implements Predicate {
    public Any {
      predicates = List.copyOf(predicates);
    }
  }
}
