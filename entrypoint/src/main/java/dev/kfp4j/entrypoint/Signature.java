package dev.kfp4j.entrypoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The inputs and outputs of one component's entrypoint. In KFP v1's protocol they are its command
 * line, as the Python SDK's generated argparse parser declares it: one flag per input ({@code
 * --<input>}), one per file or artifact output, and {@code ----output-paths} with one file per
 * returned output. In KFP 2's they are the names the executor input must give. Generated
 * entrypoints declare one per component; nothing is read from YAML or by reflection at start-up.
 */
public final class Signature {
  /** How a flag's value is used. */
  public enum Kind {
    /** A value in its KFP text form. */
    VALUE,
    /** The path of a file holding an input's data. */
    INPUT_PATH,
    /** A path the component writes an output's data to. */
    OUTPUT_PATH,
    /** An input artifact ({@code dev.kfp4j.artifacts}): in KFP v1, the path of its file. */
    INPUT_ARTIFACT,
    /** An output artifact ({@code @Out}): in KFP v1, the path to write it to. */
    OUTPUT_ARTIFACT;

    /** Whether the component writes it. */
    public boolean isOutput() {
      return this == OUTPUT_PATH || this == OUTPUT_ARTIFACT;
    }

    /** Whether KFP 2 passes it as an artifact (files are artifacts in KFP 2). */
    public boolean isArtifact() {
      return this != VALUE;
    }
  }

  /** One {@code --<name>} flag. */
  public record Flag(String name, Kind kind, boolean required, String defaultText) {
    public String metavar() {
      return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
  }

  private final String component;
  private final String description;
  private final List<Flag> flags = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();

  public Signature(String component, String description) {
    this.component = component;
    this.description = description;
  }

  /**
   * A signature from its inputs and outputs in one line, as generated entrypoints declare theirs
   * (one call with constant text is cheaper for javac to compile than a chain of calls):
   * {@code "numbers:inputPath scale? label? -> mean count"}. Each input is its name, then
   * {@code :inputPath}, {@code :outputPath}, {@code :inputArtifact} or {@code :outputArtifact}
   * unless it is a value, then {@code ?} when it is optional; after {@code ->}, the returned
   * outputs. Names hold no space, {@code :} or {@code ?}. An optional value's default is given by
   * {@link #defaultText}.
   */
  public static Signature of(String component, String description, String inputsAndOutputs) {
    Signature s = new Signature(component, description);
    boolean outputs = false;
    int at = 0;
    int length = inputsAndOutputs.length();
    while (at < length) {
      int end = inputsAndOutputs.indexOf(' ', at);
      if (end < 0) {
        end = length;
      }
      String word = inputsAndOutputs.substring(at, end);
      at = end + 1;
      if (word.isEmpty()) {
        continue;
      }
      if (outputs) {
        s.output(word);
      } else if (word.equals("->")) {
        outputs = true;
      } else {
        s.flags.add(parseFlag(word));
      }
    }
    return s;
  }

  private static Flag parseFlag(String word) {
    boolean optional = word.endsWith("?");
    String w = optional ? word.substring(0, word.length() - 1) : word;
    int colon = w.indexOf(':');
    String name = colon < 0 ? w : w.substring(0, colon);
    String kind = colon < 0 ? "" : w.substring(colon + 1);
    switch (kind) {
      case "":
        return new Flag(name, Kind.VALUE, !optional, null);
      case "inputPath":
        return new Flag(name, Kind.INPUT_PATH, !optional, null);
      case "outputPath":
        return new Flag(name, Kind.OUTPUT_PATH, true, null);
      case "inputArtifact":
        return new Flag(name, Kind.INPUT_ARTIFACT, !optional, null);
      case "outputArtifact":
        return new Flag(name, Kind.OUTPUT_ARTIFACT, true, null);
      default:
        throw new IllegalArgumentException("unknown kind '" + kind + "' of input '" + name + "'");
    }
  }

  /** The text an optional value input takes when its flag is absent. */
  public Signature defaultText(String input, String text) {
    for (int i = 0; i < flags.size(); i++) {
      Flag f = flags.get(i);
      if (f.name().equals(input)) {
        flags.set(i, new Flag(f.name(), f.kind(), f.required(), text));
        return this;
      }
    }
    throw new IllegalArgumentException("no input '" + input + "'");
  }

  /** A required value input. */
  public Signature value(String name) {
    flags.add(new Flag(name, Kind.VALUE, true, null));
    return this;
  }

  /** An optional value input; {@code defaultText} (may be null) is used when the flag is absent. */
  public Signature optionalValue(String name, String defaultText) {
    flags.add(new Flag(name, Kind.VALUE, false, defaultText));
    return this;
  }

  /** A file input; {@code required} false for an optional one. */
  public Signature inputPath(String name, boolean required) {
    flags.add(new Flag(name, Kind.INPUT_PATH, required, null));
    return this;
  }

  /** A file output ({@code @OutputPath}). */
  public Signature outputPath(String name) {
    flags.add(new Flag(name, Kind.OUTPUT_PATH, true, null));
    return this;
  }

  /** An input artifact; {@code required} false for an optional one. */
  public Signature inputArtifact(String name, boolean required) {
    flags.add(new Flag(name, Kind.INPUT_ARTIFACT, required, null));
    return this;
  }

  /** An output artifact ({@code @Out}). */
  public Signature outputArtifact(String name) {
    flags.add(new Flag(name, Kind.OUTPUT_ARTIFACT, true, null));
    return this;
  }

  /** A returned output, written to the next of the {@code ----output-paths} files. */
  public Signature output(String name) {
    outputs.add(name);
    return this;
  }

  public String component() {
    return component;
  }

  public String description() {
    return description;
  }

  public List<Flag> flags() {
    return Collections.unmodifiableList(flags);
  }

  public List<String> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  Flag flag(String name) {
    for (Flag f : flags) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The usage line of KFP 2's protocol. */
  public String executorUsage(String prog) {
    return "usage: " + prog + " [-h] " + Entrypoint.EXECUTOR_INPUT + " EXECUTOR_INPUT";
  }

  /** The argparse-style usage line of KFP v1's protocol. */
  public String usage(String prog) {
    StringBuilder out = new StringBuilder("usage: ").append(prog).append(" [-h]");
    for (Flag f : flags) {
      String part = "--" + f.name() + " " + f.metavar();
      out.append(' ').append(f.required() ? part : "[" + part + "]");
    }
    if (!outputs.isEmpty()) {
      out.append(" ----output-paths");
      for (String o : outputs) {
        out.append(' ').append(o.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      }
    }
    return out.toString();
  }
}
