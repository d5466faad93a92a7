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

  /**
   * How a file's condition language compares the two values of a {@link Comparison}, where the file
   * says: Argo's expression tags compare as numbers only what they read with {@code asFloat} (or
   * {@code asInt}) and as text what they do not, a quoted operand of Argo's older {@code when} is
   * text.
   */
  enum Compared {
    /** As the values read: as numbers when both are numbers, true/false when both are, else as text. */
    AS_VALUES,
    /** As numbers (Argo's {@code asFloat}, Go's {@code strconv.ParseFloat}); a value that is not one is an error. */
    AS_NUMBERS,
    /**
     * As integers, each value read as one (Argo's {@code asInt}, Go's {@code strconv.Atoi}, or an integer literal); a value
     * that is not one's text ({@code 2.0}, {@code 1e3}) is an error.
     */
    AS_INTEGERS,
    /**
     * As numbers, the left value read as an integer ({@link #AS_INTEGERS}), the right as {@link #AS_NUMBERS} reads it (Argo's
     * {@code asInt(x) > asFloat(y)}): both are compared as floats, as expr compares an int with a float.
     */
    AS_NUMBERS_INTEGER_LEFT,
    /** As numbers, the right value read as an integer, the left not ({@link #AS_NUMBERS_INTEGER_LEFT}). */
    AS_NUMBERS_INTEGER_RIGHT,
    /** As text, exactly. */
    AS_TEXT,
    /**
     * As Argo's older {@code when} (govaluate) reads values pasted into it bare: a number, true/false, a word as text;
     * compared only with a value of the same kind.
     */
    PASTED_BARE(false, false),
    /** As Argo's older {@code when} reads values pasted into quotes: as text, with its escapes. */
    PASTED_QUOTED(true, true),
    /** The left operand pasted into quotes, the right bare ({@link #PASTED_QUOTED}, {@link #PASTED_BARE}). */
    PASTED_QUOTED_LEFT(true, false),
    /** The left operand pasted bare, the right into quotes. */
    PASTED_QUOTED_RIGHT(false, true),
    /** As KFP 2's CEL reads them: each value of its type, cast as the condition says ({@link Comparison#cel}). */
    AS_CEL;

    private final boolean leftQuoted;
    private final boolean rightQuoted;

    Compared() {
      this(false, false);
    }

    Compared(boolean leftQuoted, boolean rightQuoted) {
      this.leftQuoted = leftQuoted;
      this.rightQuoted = rightQuoted;
    }

    /** Argo's older {@code when} comparing values pasted in, the left and the right each into quotes or bare. */
    public static Compared pasted(boolean leftQuoted, boolean rightQuoted) {
      return leftQuoted ? (rightQuoted ? PASTED_QUOTED : PASTED_QUOTED_LEFT) : rightQuoted ? PASTED_QUOTED_RIGHT : PASTED_BARE;
    }

    /** Whether the {@code left} operand (else the right) is pasted into quotes, in Argo's older {@code when}; false for the others. */
    public boolean quoted(boolean left) {
      return left ? leftQuoted : rightQuoted;
    }

    /** Whether the {@code left} operand (else the right), compared as numbers, is read as an integer ({@link #AS_INTEGERS}). */
    public boolean integer(boolean left) {
      return this == AS_INTEGERS || this == (left ? AS_NUMBERS_INTEGER_LEFT : AS_NUMBERS_INTEGER_RIGHT);
    }
  }

  /**
   * How KFP 2's CEL reads one operand of a comparison: {@code value}, the type of the value KFP's driver gives (the type of the
   * input read, or of the literal; null where the file does not say), and {@code casts}, the CEL casts around it
   * ({@code int(...)}, {@code double(...)}, {@code string(...)}), innermost first.
   */
  record CelOperand(ParameterType value, List<ParameterType> casts) {
    public CelOperand {
      casts = List.copyOf(casts);
    }

    /** Whether CEL knows its type before it runs: a literal (its value type given), or a cast. */
    public boolean typed(Argument operand) {
      return !casts.isEmpty() || operand instanceof Argument.Constant;
    }
  }

  /**
   * {@code left operator right}, compared as {@code compared} says ({@link Compared#AS_VALUES} unless
   * a format read it otherwise; {@link Compared#AS_CEL} with {@code cel}, how CEL reads each operand, else null). Two
   * comparisons differing in {@code compared} (and {@code cel}) alone are equal: it
   * is how the file read compares them, not which values the condition compares.
   */
  record Comparison(Argument left, Operator operator, Argument right, Compared compared, List<CelOperand> cel) implements Predicate {
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(compared, "compared");
      if ((compared == Compared.AS_CEL) != (cel != null && cel.size() == 2)) {
        throw new IllegalArgumentException("a comparison as CEL reads it gives how it reads each of its two operands, another none");
      }
      cel = cel == null ? null : List.copyOf(cel);
    }

    public Comparison(Argument left, Operator operator, Argument right, Compared compared) {
      this(left, operator, right, compared, null);
    }

    public Comparison(Argument left, Operator operator, Argument right) {
      this(left, operator, right, Compared.AS_VALUES);
    }

    /** This comparison of other operands, compared as this one. */
    public Comparison of(Argument newLeft, Argument newRight) {
      return new Comparison(newLeft, operator, newRight, compared, cel);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Comparison c && left.equals(c.left) && operator == c.operator && right.equals(c.right);
    }

    @Override
    public int hashCode() {
      return Objects.hash(left, operator, right);
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
