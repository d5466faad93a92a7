package dev.kfp4j.dsl;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskNames;
import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.format.argo.ContainerTemplate;
import dev.kfp4j.spec.GraphSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KFP v1 component loaded at run time, as the KFP SDK's {@code load_component_from_file},
 * {@code _from_url} and {@code _from_text}: its spec with every field, its command line for given
 * arguments, and a run of it alone on this machine with the {@link LocalRunner}. A graph
 * component runs as its tasks, as the processor compiles a call of its op.
 *
 * <pre>{@code
 * ComponentOp add = ComponentOp.load(Path.of("add.component.yaml"));
 * add.commandLine(Map.of("value_1", 3, "value_2", 4)).args();
 *     // [--value-1, 3, --value-2, 4, ----output-paths, /tmp/outputs/Output/data]
 * TaskResult r = add.run(Map.of("value_1", 3, "value_2", 4));
 * r.outputs().get("Output");   // "7"
 * }</pre>
 *
 * <p>Arguments are by input name. A value is passed in its KFP text form ({@code 3}, {@code 0.5},
 * {@code True}, JSON for lists and maps, a {@code String} as is); a file input ({@code inputPath})
 * takes the file's content, as a {@code String} or a {@code Path} to a UTF-8 text file, as KFP passes a
 * constant to a file input. Inputs left out take their defaults. The command line, the workflow
 * and the run use the same code as the workflows the processor writes for {@code @ImportComponents}
 * ops, so the component runs with the same command everywhere. In a {@code @Pipeline} method,
 * import the file with {@code @ImportComponents} instead: pipeline bodies are read at compile time.
 */
public final class ComponentOp {
  private final ComponentSpec spec;
  private final String source;

  private ComponentOp(ComponentSpec spec, String source) {
    this.spec = spec;
    this.source = source;
  }

  /**
   * Loads a component spec file. Errors name the file, the line and the field ({@link SpecException}); a KFP 2 pipeline
   * file, which KFP's {@code load_component_from_file} also loads, is no component to run alone: the error says so and
   * what to do with it instead.
   */
  public static ComponentOp load(Path file) {
    return parsed(ComponentYaml.text(file), file.toString());
  }

  /** Loads a component spec from an {@code http(s)}, {@code file} or {@code jar} URL. */
  public static ComponentOp fromUrl(URI url) {
    return parsed(ComponentYaml.text(url), url.toString());
  }

  /** Loads a component spec from the context class loader, such as {@code components/add.yaml}. */
  public static ComponentOp fromResource(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromResource(loader != null ? loader : ComponentOp.class.getClassLoader(), resource);
  }

  /** Loads a component spec from a classpath resource of {@code loader}. */
  public static ComponentOp fromResource(ClassLoader loader, String resource) {
    return parsed(ComponentYaml.text(loader, resource), resource);
  }

  /** Loads a component spec from YAML text; errors call it {@code component text}. */
  public static ComponentOp fromText(String yaml) {
    return parsed(yaml, "component text");
  }

  /**
   * The component {@code text} is, {@code source} naming it in errors; when it is a KFP 2 pipeline file of several tasks
   * ({@link dev.kfp4j.format.kfp2.Kfp2PipelineFile}) or a KFP 2 component file, an error that says what it is: ComponentOp
   * runs one KFP v1 component, and a KFP 2 file runs as a pipeline (the local runner) or as a task of another ({@code
   * @ImportComponents}).
   */
  private static ComponentOp parsed(String text, String source) {
    try {
      return new ComponentOp(ComponentYaml.parse(text, source), source);
    } catch (SpecException e) {
      List<tools.jackson.databind.JsonNode> docs = dev.kfp4j.format.Documents.readOrNull(text);
      String what = dev.kfp4j.format.kfp2.Kfp2PipelineFile.is(docs)
          ? "a KFP 2 pipeline file, not a component: ComponentOp runs one component alone. Run the pipeline with the local "
              + "runner (LocalRunner.run(Workflow.parse(yaml, name), arguments), kfp4j run -p FILE), or import it with "
              + "@ImportComponents and call its op in a @Pipeline method (a pipeline in a pipeline)"
          : dev.kfp4j.format.kfp2.Kfp2Reader.isPipelineSpec(docs) // KFP 2's component file, which its parse took for a v1 spec
              ? "a KFP 2 component file: ComponentOp loads KFP v1 component specs (name, inputs, outputs, implementation). "
                  + "Run this file with the local runner (kfp4j run -p FILE, LocalRunner.run(Workflow.parse(yaml, name), "
                  + "arguments)), or import it with @ImportComponents and call its op in a @Pipeline method"
              : null;
      if (what == null) {
        throw e;
      }
      SpecException kfp2 = new SpecException(source + ": " + what);
      kfp2.initCause(e);
      throw kfp2;
    }
  }

  /** The component's spec, every field as loaded. */
  public ComponentSpec spec() {
    return spec;
  }

  /** Where the spec was loaded from: the file, URL or resource, or {@code component text}. */
  public String source() {
    return source;
  }

  /** The name of the task that runs this component: {@code Calculate data hash} → {@code calculate-data-hash}. */
  public String taskName() {
    return Names.taskName(spec.name() == null ? "component" : spec.name());
  }

  /**
   * The command line for {@code arguments} by the KFP SDK's rules, with KFP's container paths
   * ({@code /tmp/inputs/<input>/data}, {@code /tmp/outputs/<output>/data}): what the container
   * runs. Inputs left out take their defaults.
   *
   * @throws IllegalArgumentException for an unknown input or a required input left out
   * @throws SpecException for a graph component, which has no command line of its own (its tasks
   *     have: see {@link #workflow})
   */
  public CommandLine commandLine(Map<String, ?> arguments) {
    return CommandLine.resolve(spec, texts(arguments), ContainerTemplate::inputPath, ContainerTemplate::outputPath);
  }

  /**
   * The Argo Workflow that runs this component alone with {@code arguments}, written from the
   * pipeline model by {@link ArgoWriter} as the processor writes pipelines. A container component
   * is one task named {@link #taskName()}; a graph component is its tasks, expanded and named as
   * the processor expands a graph op's call ({@link GraphSpec#expand}, {@link TaskNames}).
   *
   * @throws SpecException for a graph task kfp4j cannot compile (its component not inline)
   */
  public String workflow(Map<String, ?> arguments) {
    return ArgoWriter.write(plan(texts(arguments)).pipeline());
  }

  /** The run's pipeline (this component as one task, or a graph's tasks) and this component's outputs. */
  private record Plan(Pipeline pipeline, Map<String, Argument> outputs) {
    Task task(String name) {
      return (Task) pipeline.node(name).orElseThrow();
    }
  }

  private Plan plan(Map<String, String> given) {
    List<Node> tasks = new ArrayList<>();
    Map<String, Argument> arguments = new LinkedHashMap<>();
    given.forEach((input, text) -> arguments.put(input, Argument.Constant.of(text)));
    Map<String, Argument> outputs = new LinkedHashMap<>();
    if (spec.graph() == null) {
      tasks.add(new Task(taskName(), spec, arguments));
      spec.outputs().forEach(o -> outputs.put(o.name(), new Argument.TaskOutput(taskName(), o.name())));
    } else {
      TaskNames names = new TaskNames();
      outputs.putAll(GraphSpec.expand(spec, arguments, Argument.Constant::of, (id, task, child, args) -> {
        String name = names.unique(Names.taskName(child.name() == null ? id : child.name()));
        tasks.add(new Task(name, child, args, List.of(), GraphSpec.settings(task)));
        return output -> new Argument.TaskOutput(name, output);
      }));
    }
    Pipeline pipeline = new Pipeline(taskName(), spec.description(), List.of(), tasks, null, PipelineSettings.DEFAULTS,
        "component '" + spec.name() + "' of " + source + ", run alone", Map.of());
    return new Plan(pipeline, outputs);
  }

  /** Runs this component alone on this machine with a default {@link LocalRunner}; see {@link #run(LocalRunner, Map)}. */
  public TaskResult run(Map<String, ?> arguments) {
    return run(LocalRunner.builder().build(), arguments);
  }

  /**
   * Runs this component alone on this machine: {@link #workflow} run by {@code runner}, as any
   * compiled pipeline runs (the image is ignored; the command runs as a subprocess). The result
   * has the task's state, its outputs (values as text, files as paths) and the command it ran;
   * a failed task is a result with state {@code Failed}, its log and exit code, not an exception.
   * For a graph component the result stands for the whole graph: its outputs are the graph's
   * ({@code outputValues}), and when a task failed, its state is {@code Failed} with that task's
   * message, exit code and log; each task's own result is in the run's folder.
   */
  public TaskResult run(LocalRunner runner, Map<String, ?> arguments) {
    Plan plan = plan(texts(arguments));
    long start = System.nanoTime();
    RunResult result = runner.run(Workflow.parse(ArgoWriter.write(plan.pipeline()), source), Map.of());
    if (spec.graph() == null) {
      return bySpecNames(spec, result.task(taskName())
          .orElseThrow(() -> new IllegalStateException("the run has no task '" + taskName() + "'")));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    plan.outputs().forEach((output, argument) -> {
      if (argument instanceof Argument.Constant c) {
        values.put(output, c.text());
        return;
      }
      Argument.TaskOutput ref = (Argument.TaskOutput) argument;
      TaskResult from = result.task(ref.task()).map(r -> bySpecNames(plan.task(ref.task()).component(), r)).orElse(null);
      if (from != null && spec.outputIsFile(output) && from.artifacts().get(ref.output()) != null) {
        files.put(output, from.artifacts().get(ref.output()));
      } else if (from != null && from.outputs().get(ref.output()) != null) {
        values.put(output, from.outputs().get(ref.output()));
      } else if (from != null && from.artifacts().get(ref.output()) != null) {
        values.put(output, valueOf(from.artifacts().get(ref.output())));
      }
    });
    TaskResult failed = result.failedTask().orElse(null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new TaskResult(taskName(), taskName(), taskName(), failed == null ? TaskResult.State.Succeeded : TaskResult.State.Failed,
        1, failed == null ? 0 : failed.exitCode(), values, files, millis,
        failed == null ? null : "task '" + failed.id() + "' failed: " + failed.message(), failed == null ? null : failed.log(), List.of());
  }

  /** A file output read as a value, as Argo reads an output parameter's file: its text, less one trailing newline. */
  private static String valueOf(Path file) {
    try {
      String text = Files.readString(file);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output " + file, e);
    }
  }

  /** {@code r} with its outputs by the names {@code spec} gives them, not their Argo names ({@link ContainerTemplate#argoOutput}). */
  private static TaskResult bySpecNames(ComponentSpec spec, TaskResult r) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (OutputSpec o : spec.outputs()) {
      String argo = ContainerTemplate.argoOutput(spec, o.name());
      if (r.outputs().containsKey(argo)) {
        values.put(o.name(), r.outputs().get(argo));
      }
      if (r.artifacts().containsKey(argo)) {
        files.put(o.name(), r.artifacts().get(argo));
      }
    }
    return new TaskResult(r.id(), r.name(), r.template(), r.state(), r.attempts(), r.exitCode(), values, files, r.millis(),
        r.message(), r.log(), r.command());
  }

  /** The text of each argument, checked against the inputs, with the defaults of those left out. */
  private Map<String, String> texts(Map<String, ?> arguments) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> names = spec.inputs().stream().map(InputSpec::name).toList();
    for (Map.Entry<String, ?> e : arguments.entrySet()) {
      InputSpec in = spec.input(e.getKey()).orElse(null);
      if (in == null) {
        String near = Names.nearest(e.getKey(), names);
        throw new IllegalArgumentException("component '" + spec.name() + "' has no input '" + e.getKey() + "'"
            + (near == null ? "; its" : "; did you mean '" + near + "'? Its") + " inputs are " + names);
      }
      if (e.getValue() != null) {
        out.put(in.name(), text(in, e.getValue()));
      }
    }
    out = CommandLine.withDefaults(spec, out);
    for (InputSpec in : spec.inputs()) {
      if (!out.containsKey(in.name()) && !in.optional()) {
        throw new IllegalArgumentException("component '" + spec.name() + "' needs a value for input '" + in.name() + "'");
      }
    }
    return out;
  }

  private String text(InputSpec in, Object value) {
    if (value instanceof Path p && spec.inputIsFile(in.name())) {
      String where = "component '" + spec.name() + "', input '" + in.name() + "': ";
      try {
        return Files.readString(p);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(where + "no file " + p, e);
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(where + p + " is not UTF-8 text, and ComponentOp passes a file input's content"
            + " as text; give a text file, or call the component in a @Pipeline (import it with @ImportComponents),"
            + " where a task's file output passes as it is", e);
      } catch (IOException e) {
        throw new UncheckedIOException(where + "cannot read " + p + ": " + e, e);
      }
    }
    return value instanceof Path p ? p.toString() : KfpValues.format(value);
  }
}
