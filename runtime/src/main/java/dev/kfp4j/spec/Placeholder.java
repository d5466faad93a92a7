package dev.kfp4j.spec;

import java.util.List;
import java.util.Objects;

/**
 * One item of a component's {@code command} or {@code args}: a literal string or one of KFP's
 * placeholders ({@code inputValue}, {@code inputPath}, {@code outputPath}, {@code concat},
 * {@code if}/{@code cond}/{@code then}/{@code else}, {@code isPresent}, {@code executorInput}).
 */
public sealed interface Placeholder {

  /** A plain string, passed as is. */
  record Literal(String value) implements Placeholder {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code {inputValue: name}}: the text form of the input's value. */
  record InputValue(String input) implements Placeholder {}

  /** {@code {inputPath: name}}: a local path of a file holding the input's data. */
  record InputPath(String input) implements Placeholder {}

  /** {@code {outputPath: name}}: a local path the program writes the output's data to. */
  record OutputPath(String output) implements Placeholder {}

  /** {@code {concat: [...]}}: the items joined into one string. */
  record Concat(List<Placeholder> items) implements Placeholder {
    public Concat {
      items = List.copyOf(items);
    }
  }

  /** {@code {isPresent: name}}: whether the input was given; only inside {@code if.cond}. */
  record IsPresent(String input) implements Placeholder {}

  /**
   * {@code {if: {cond: ..., then: [...], else: [...]}}}. {@code singleThen}/{@code singleElse}
   * record that the SDK wrote a single item rather than a list, so the spec writes back as read.
   */
  record If(
      Placeholder cond,
      List<Placeholder> then,
      List<Placeholder> otherwise,
      boolean singleThen,
      boolean singleElse,
      boolean hasElse)
      implements Placeholder {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }

    /** An {@code if} with a {@code then} list and no {@code else}. */
    public static If of(Placeholder cond, List<Placeholder> then) {
      return new If(cond, then, List.of(), false, false, false);
    }
  }

  /** {@code {executorInput: null}}: the KFP v2 executor input JSON. */
  record ExecutorInput() implements Placeholder {}

  static Placeholder literal(String value) {
    return new Literal(value);
  }
}
