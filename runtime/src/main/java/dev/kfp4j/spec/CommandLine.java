package dev.kfp4j.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A component's command line resolved for given arguments, by the KFP SDK's rules
 * ({@code _resolve_command_line_and_paths}): a literal is itself; {@code inputValue} is the
 * argument's text, {@code inputPath} a path for it, and either is dropped when an optional input
 * has no argument (a required one is an error); {@code outputPath} is the output's path;
 * {@code concat} joins what its items give; {@code if} takes {@code then} when its condition reads
 * {@code true} (case-insensitive) and {@code else} (or nothing) when {@code false}; {@code
 * isPresent} is {@code True} or {@code False}; an artifact's URI ({@code inputUri}, {@code
 * outputUri}) or metadata has no value here (KFP v1 and Argo pass files) and is an error. As the SDK's task
 * factory does, an input left out takes its default first ({@link #withDefaults}).
 *
 * @param command the resolved command
 * @param args the resolved arguments
 * @param inputPaths the path given to each file input used
 * @param outputPaths the path given to each output used
 */
public record CommandLine(List<String> command, List<String> args, Map<String, String> inputPaths, Map<String, String> outputPaths) {

  /** The arguments with the defaults of the inputs left out, as the SDK's task factory fills them. */
  public static Map<String, String> withDefaults(ComponentSpec spec, Map<String, String> arguments) {
    Map<String, String> out = new LinkedHashMap<>(arguments);
    for (InputSpec in : spec.inputs()) {
      if (out.get(in.name()) == null && in.defaultValue() != null) {
        out.put(in.name(), in.defaultValue());
      }
    }
    return out;
  }

  /**
   * Resolves {@code spec}'s command line. {@code arguments} holds the text of each input given;
   * {@code inputPath} and {@code outputPath} name the file for an input or output.
   */
  public static CommandLine resolve(ComponentSpec spec, Map<String, String> arguments, Function<String, String> inputPath,
      Function<String, String> outputPath) {
    if (spec.container() == null) {
      throw new SpecException(spec.name() + ": only container components have a command line to resolve");
    }
    Resolver r = new Resolver(spec, arguments, inputPath, outputPath);
    List<String> command = r.list(spec.container().command());
    List<String> args = r.list(spec.container().args());
    return new CommandLine(command, args, r.inputPaths, r.outputPaths);
  }

  /** Resolves a list of items (such as one env value) by the same rules. */
  public static List<String> resolveItems(ComponentSpec spec, List<Placeholder> items, Map<String, String> arguments,
      Function<String, String> inputPath, Function<String, String> outputPath) {
    return new Resolver(spec, arguments, inputPath, outputPath).list(items);
  }

  private static final class Resolver {
    final ComponentSpec spec;
    final Map<String, String> arguments;
    final Function<String, String> inputPath;
    final Function<String, String> outputPath;
    final Map<String, String> inputPaths = new LinkedHashMap<>();
    final Map<String, String> outputPaths = new LinkedHashMap<>();

    Resolver(ComponentSpec spec, Map<String, String> arguments, Function<String, String> inputPath, Function<String, String> outputPath) {
      this.spec = spec;
      this.arguments = arguments;
      this.inputPath = inputPath;
      this.outputPath = outputPath;
    }

    List<String> list(List<Placeholder> items) {
      List<String> out = new ArrayList<>();
      for (Placeholder p : items) {
        Object part = part(p);
        if (part instanceof List<?> l) {
          l.forEach(x -> out.add((String) x));
        } else if (part != null) {
          out.add((String) part);
        }
      }
      return out;
    }

    /** The error for an artifact's URI, which a KFP v1 / Argo command line has no value for. */
    SpecException noUri(String kind, String name) {
      return new SpecException(spec.name() + ": its command line uses the URI of " + kind + " '" + name
          + "' ({" + kind + "Uri: " + name + "}, KFP 2's {{$." + kind + "s.artifacts['" + name + "'].uri}}), which only KFP 2 gives;"
          + " an Argo workflow (KFP v1) passes artifacts as files: use {" + kind + "Path: " + name + "}, or compile the pipeline for KFP 2");
    }

    /** The error for an artifact's metadata, which a KFP v1 / Argo command line has no value for. */
    SpecException noMetadata(String kind, String name) {
      return new SpecException(spec.name() + ": its command line uses the metadata of " + kind + " '" + name
          + "' (KFP 2's {{$." + kind + "s.artifacts['" + name + "'].metadata}}), which only KFP 2 gives;"
          + " an Argo workflow (KFP v1) passes artifacts as files: compile the pipeline for KFP 2");
    }

    /** A string, a list of strings, or null for nothing. */
    Object part(Placeholder p) {
      if (p instanceof Placeholder.Literal l) {
        return l.value();
      }
      if (p instanceof Placeholder.InputValue v) {
        String value = arguments.get(v.input());
        return value != null ? value : missing(v.input());
      }
      if (p instanceof Placeholder.InputPath v) {
        if (arguments.get(v.input()) == null) {
          return missing(v.input());
        }
        return inputPaths.computeIfAbsent(v.input(), inputPath);
      }
      if (p instanceof Placeholder.OutputPath o) {
        return outputPaths.computeIfAbsent(o.output(), outputPath);
      }
      if (p instanceof Placeholder.InputUri u) {
        throw noUri("input", u.input());
      }
      if (p instanceof Placeholder.OutputUri u) {
        throw noUri("output", u.output());
      }
      if (p instanceof Placeholder.InputArtifacts a) {
        throw new SpecException(spec.name() + ": its command line passes the list of artifacts of input '" + a.input()
            + "' (KFP 2's {{$.inputs.artifacts['" + a.input() + "']}}), which only KFP 2 gives; compile the pipeline for KFP 2");
      }
      if (p instanceof Placeholder.InputMetadata m) {
        throw noMetadata("input", m.input());
      }
      if (p instanceof Placeholder.OutputMetadata m) {
        throw noMetadata("output", m.output());
      }
      if (p instanceof Placeholder.Concat c) {
        return String.join("", list(c.items()));
      }
      if (p instanceof Placeholder.IsPresent i) {
        return arguments.get(i.input()) != null ? "True" : "False";
      }
      if (p instanceof Placeholder.If i) {
        Object cond = part(i.cond());
        String text = cond == null ? "" : cond.toString();
        boolean yes;
        switch (text.toLowerCase(Locale.ROOT)) {
          case "true" -> yes = true;
          case "false" -> yes = false;
          default -> throw new SpecException(spec.name() + ": the condition of an if placeholder gave '" + text + "', not true or false");
        }
        List<Placeholder> branch = yes ? i.then() : i.otherwise();
        return list(branch);
      }
      throw new SpecException(spec.name() + ": cannot resolve " + p + " on a command line");
    }

    private Object missing(String input) {
      InputSpec in = spec.input(input).orElseThrow(() -> new SpecException(spec.name() + ": no input named '" + input + "'"));
      if (in.optional()) {
        return null;
      }
      throw new SpecException(spec.name() + ": no value provided for input '" + input + "'");
    }
  }
}
