package dev.kfp4j.dsl;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.entrypoint.PyJson;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerTemplate;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KFP v1 component loaded at run time, as the KFP SDK's {@code load_component_from_file},
 * {@code _from_url} and {@code _from_text}: its spec with every field, its command line for given
 * arguments, and a run of it alone on this machine with the {@link LocalRunner}.
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
 * takes the file's content, as a {@code String} or a {@code Path} to a text file, as KFP passes a
 * constant to a file input. Inputs left out take their defaults. The command line, the workflow
 * and the run use the same code as the workflows the processor writes for {@code @ImportComponents}
 * ops, so the component runs with the same command everywhere. In a {@code @Pipeline} method,
 * import the file with {@code @ImportComponents} instead: pipeline bodies are read at compile time.
 */
public final class ComponentOp {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ComponentSpec spec;
  private final String source;

  private ComponentOp(ComponentSpec spec, String source) {
    this.spec = spec;
    this.source = source;
  }

  /** Loads a component spec file. Errors name the file, the line and the field ({@link SpecException}). */
  public static ComponentOp load(Path file) {
    return new ComponentOp(ComponentYaml.read(file), file.toString());
  }

  /** Loads a component spec from an {@code http(s)}, {@code file} or {@code jar} URL. */
  public static ComponentOp fromUrl(URI url) {
    return new ComponentOp(ComponentYaml.read(url), url.toString());
  }

  /** Loads a component spec from the context class loader, such as {@code components/add.yaml}. */
  public static ComponentOp fromResource(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromResource(loader != null ? loader : ComponentOp.class.getClassLoader(), resource);
  }

  /** Loads a component spec from a classpath resource of {@code loader}. */
  public static ComponentOp fromResource(ClassLoader loader, String resource) {
    return new ComponentOp(ComponentYaml.readResource(loader, resource), resource);
  }

  /** Loads a component spec from YAML text; errors call it {@code component text}. */
  public static ComponentOp fromText(String yaml) {
    return new ComponentOp(ComponentYaml.parse(yaml, "component text"), "component text");
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
   * @throws SpecException for a graph component, which has no command line of its own
   */
  public CommandLine commandLine(Map<String, ?> arguments) {
    return CommandLine.resolve(spec, texts(arguments), ContainerTemplate::inputPath, ContainerTemplate::outputPath);
  }

  /**
   * The Argo Workflow that runs this component alone with {@code arguments}: one task named
   * {@link #taskName()}, its container template as the processor writes it. Every output is
   * declared: values as parameters, files as artifacts.
   */
  public String workflow(Map<String, ?> arguments) {
    Map<String, String> given = texts(arguments);
    if (spec.container() == null) {
      throw new SpecException(source + ": a graph component; run it in a @Pipeline through @ImportComponents");
    }
    String name = taskName();
    String templateName = name + "-component";
    ObjectNode template = NODES.objectNode();
    template.put("name", templateName);
    template.putObject("metadata").putObject("annotations")
        .put("pipelines.kubeflow.org/component_spec", PyJson.write(ComponentYaml.toNode(spec)));
    Set<String> files = new LinkedHashSet<>();
    for (OutputSpec out : spec.outputs()) {
      if (spec.outputIsFile(out.name())) {
        files.add(out.name());
      }
    }
    ContainerTemplate.write(template, spec, given.keySet(), Set.of(), files);

    ObjectNode task = NODES.objectNode();
    task.put("name", name);
    task.put("template", templateName);
    ObjectNode args = NODES.objectNode();
    given.forEach((input, value) -> {
      if (spec.inputIsFile(input)) {
        args.withArray("artifacts").addObject().put("name", input).putObject("raw").put("data", value);
      } else {
        args.withArray("parameters").addObject().put("name", input).put("value", value);
      }
    });
    if (!args.isEmpty()) {
      task.set("arguments", args);
    }
    ObjectNode wf = NODES.objectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1");
    wf.put("kind", "Workflow");
    wf.putObject("metadata").put("generateName", name + "-");
    ObjectNode s = wf.putObject("spec");
    s.put("entrypoint", name);
    ArrayNode templates = s.putArray("templates");
    ObjectNode dag = templates.addObject();
    dag.put("name", name);
    dag.putObject("dag").putArray("tasks").add(task);
    templates.add(template);
    return Yaml.write(wf, "Runs component '" + spec.name() + "' from " + source + " alone. Generated by kfp4j.");
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
   */
  public TaskResult run(LocalRunner runner, Map<String, ?> arguments) {
    Workflow workflow = Workflow.parse(workflow(arguments), source);
    RunResult result = runner.run(workflow, Map.of());
    return result.task(taskName()).orElseThrow(() -> new IllegalStateException("the run has no task '" + taskName() + "'"));
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
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + " for input '" + in.name() + "'", e);
      }
    }
    return value instanceof Path p ? p.toString() : KfpValues.format(value);
  }
}
