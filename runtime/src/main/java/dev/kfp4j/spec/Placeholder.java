package dev.kfp4j.spec;

import java.util.List;
import java.util.Objects;

/**
 * One item of a component's {@code command} or {@code args}: a literal string or one of KFP's
 * placeholders ({@code inputValue}, {@code inputPath}, {@code outputPath}, {@code concat},
 * {@code if}/{@code cond}/{@code then}/{@code else}, {@code isPresent}, {@code executorInput},
 * {@code inputUri}, {@code outputUri}), and KFP 2's artifact metadata ({@code
 * {{$.inputs.artifacts['x'].metadata}}}), which KFP v1 component files cannot hold.
 */
public sealed interface Placeholder {
  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor, hashing specs to share templates) milliseconds per record class.

  /** A plain string, passed as is. */
  record Literal(String value) implements Placeholder {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof Literal o && Objects.equals(value, o.value);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(value);
    }
  }

  /** {@code {inputValue: name}}: the text form of the input's value. */
  record InputValue(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof InputValue o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

  /** {@code {inputPath: name}}: a local path of a file holding the input's data. */
  record InputPath(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof InputPath o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

  /** {@code {outputPath: name}}: a local path the program writes the output's data to. */
  record OutputPath(String output) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof OutputPath o && Objects.equals(output, o.output);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(output);
    }
  }

  /**
   * {@code {inputUri: name}} (KFP 2's {@code {{$.inputs.artifacts['name'].uri}}}): the URI of the
   * input artifact in the pipeline root. The local runner gives the local path, as KFP's own local
   * runner does; Argo workflows have none.
   */
  record InputUri(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof InputUri o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

  /**
   * {@code {outputUri: name}} (KFP 2's {@code {{$.outputs.artifacts['name'].uri}}}): the URI the
   * program writes the output artifact to. Locally the output's path; Argo workflows have none.
   */
  record OutputUri(String output) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof OutputUri o && Objects.equals(output, o.output);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(output);
    }
  }

  /**
   * KFP 2's {@code {{$.inputs.artifacts['name']}}}: the artifacts of an input that takes a list of
   * them ({@code isArtifactList}), as a JSON array of the executor input's artifacts ({@code name},
   * {@code uri}, {@code type}, {@code metadata}), which KFP's SDK writes for a container component's
   * {@code Input[List[Dataset]]}. KFP v1's component YAML has no such placeholder.
   */
  record InputArtifacts(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof InputArtifacts o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

  /**
   * KFP 2's {@code {{$.inputs.artifacts['name'].metadata}}}: the input artifact's metadata as JSON.
   * KFP v1 component files have no such placeholder; the local runner gives the metadata the
   * artifact's producer logged, as KFP's own local runner does.
   */
  record InputMetadata(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof InputMetadata o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

  /**
   * KFP 2's {@code {{$.outputs.artifacts['name'].metadata}}}: the output artifact's metadata as
   * JSON, which is empty when the task starts ({@code {}} in KFP's own local runner and here). KFP
   * v1 component files have no such placeholder.
   */
  record OutputMetadata(String output) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof OutputMetadata o && Objects.equals(output, o.output);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(output);
    }
  }

  /**
   * {@code {concat: [...]}}: the items joined into one string. {@code inline}: written so in a KFP 2 spec, one string with the
   * placeholders in it ({@code "echo {{$.inputs.parameters['x']}}"}, what KFP's compiler writes for a container component's
   * f-string), not {@code {"Concat": [...]}} (what it writes for a v1 component's {@code concat}); both run the same.
   */
  record Concat(List<Placeholder> items, boolean inline) implements Placeholder {
    public Concat {
      items = List.copyOf(items);
    }

    /** Items joined, written as {@code {"Concat": [...]}} in KFP 2. */
    public Concat(List<Placeholder> items) {
      this(items, false);
    }

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof Concat o && Objects.equals(items, o.items) && inline == o.inline;
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(items) + Boolean.hashCode(inline);
    }
  }

  /** {@code {isPresent: name}}: whether the input was given; only inside {@code if.cond}. */
  record IsPresent(String input) implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof IsPresent o && Objects.equals(input, o.input);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(input);
    }
  }

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

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof If o
          && Objects.equals(cond, o.cond)
          && Objects.equals(then, o.then)
          && Objects.equals(otherwise, o.otherwise)
          && singleThen == o.singleThen
          && singleElse == o.singleElse
          && hasElse == o.hasElse;
    }

    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(cond);
      h = 31 * h + Objects.hashCode(then);
      h = 31 * h + Objects.hashCode(otherwise);
      h = 31 * h + Boolean.hashCode(singleThen);
      h = 31 * h + Boolean.hashCode(singleElse);
      h = 31 * h + Boolean.hashCode(hasElse);
      return h;
    }

    /** An {@code if} with a {@code then} list and no {@code else}. */
    public static If of(Placeholder cond, List<Placeholder> then) {
      return new If(cond, then, List.of(), false, false, false);
    }
  }

  /** {@code {executorInput: null}}: the KFP v2 executor input JSON. */
  record ExecutorInput() implements Placeholder {
    @Override
    public boolean equals(Object other) {
      return other instanceof ExecutorInput;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  static Placeholder literal(String value) {
    return new Literal(value);
  }
}
