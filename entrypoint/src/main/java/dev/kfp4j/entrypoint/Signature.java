package dev.kfp4j.entrypoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The inputs and outputs of one component's entrypoint. In KFP v1's protocol they are its command
 * line, as the Python SDK's generated argparse parser declares it: one flag per input ({@code
 * --<input>}), one per file or artifact output, and {@code ----output-paths} with one file per
 * returned output. In KFP 2's they are the names the executor input must give. A generated
 * entrypoint's {@link Table} gives one per component; nothing is read from YAML at start-up.
 */
final class Signature {
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
    OUTPUT_ARTIFACT,
    /** A list of input artifacts ({@code List<Model>}, KFP 2's {@code isArtifactList}): only KFP 2's executor input gives one. */
    INPUT_ARTIFACTS;

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

  /** An input taking a list of artifacts; {@code required} false for an optional one. */
  public Signature inputArtifacts(String name, boolean required) {
    flags.add(new Flag(name, Kind.INPUT_ARTIFACTS, required, null));
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
