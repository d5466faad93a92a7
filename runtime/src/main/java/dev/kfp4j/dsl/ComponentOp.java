package dev.kfp4j.dsl;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerTemplate;
import dev.kfp4j.spec.GraphSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
   * @throws SpecException for a graph component, which has no command line of its own (its tasks
   *     have: see {@link #workflow})
   */
  public CommandLine commandLine(Map<String, ?> arguments) {
    return CommandLine.resolve(spec, texts(arguments), ContainerTemplate::inputPath, ContainerTemplate::outputPath);
  }

  /**
   * The Argo Workflow that runs this component alone with {@code arguments}. A container
   * component is one task named {@link #taskName()}; a graph component is its tasks, expanded as
   * the processor expands a graph op's call ({@link GraphSpec#expand}). Each container template is
   * the one the processor writes ({@link ContainerTemplate}); every output is declared: values as
   * parameters, files as artifacts.
   *
   * @throws SpecException for a graph task kfp4j cannot compile (its component not inline)
   */
  public String workflow(Map<String, ?> arguments) {
    return workflow(plan(texts(arguments)));
  }

  /** An argument in the run's workflow: constant text, or an output of one of its tasks. */
  private record Ref(String text, String task, String output) {
    static Ref constant(String text) {
      return new Ref(text, null, null);
    }
  }

  /** A container task of the run's workflow; {@code options} is its graph task, or null. */
  private record Step(String name, GraphSpec.Task options, ComponentSpec spec, Map<String, Ref> arguments) {}

  /** The run's container tasks (this component, or a graph's tasks) and this component's outputs. */
  private record Plan(List<Step> steps, Map<String, Ref> outputs) {
    Step step(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
  }

  private Plan plan(Map<String, String> given) {
    List<Step> steps = new ArrayList<>();
    Map<String, Ref> arguments = new LinkedHashMap<>();
    given.forEach((input, text) -> arguments.put(input, Ref.constant(text)));
    if (spec.graph() == null) {
      steps.add(new Step(taskName(), null, spec, arguments));
      Map<String, Ref> outputs = new LinkedHashMap<>();
      spec.outputs().forEach(o -> outputs.put(o.name(), new Ref(null, taskName(), o.name())));
      return new Plan(steps, outputs);
    }
    Map<String, Integer> used = new HashMap<>();
    Map<String, Ref> outputs = GraphSpec.expand(spec, arguments, Ref::constant, (id, task, child, args) -> {
      String base = Names.taskName(child.name() == null ? id : child.name());
      int n = used.merge(base, 1, Integer::sum);
      String name = n == 1 ? base : base + "-" + n;
      steps.add(new Step(name, task, child, args));
      return output -> new Ref(null, name, output);
    });
    return new Plan(steps, outputs);
  }

  private String workflow(Plan plan) {
    String root = taskName();
    // What each task declares: its file outputs as artifacts, and what its consumers read otherwise.
    Map<String, Set<String>> artifacts = new HashMap<>();
    Map<String, Set<String>> valuesOfFiles = new HashMap<>();
    for (Step st : plan.steps()) {
      Set<String> files = artifacts.computeIfAbsent(st.name(), k -> new LinkedHashSet<>());
      st.spec().outputs().stream().filter(o -> st.spec().outputIsFile(o.name())).forEach(o -> files.add(o.name()));
    }
    for (Step st : plan.steps()) {
      st.arguments().forEach((input, ref) -> {
        if (ref.task() != null && st.spec().inputIsFile(input)) {
          artifacts.get(ref.task()).add(ref.output());
        } else if (ref.task() != null && plan.step(ref.task()).spec().outputIsFile(ref.output())) {
          valuesOfFiles.computeIfAbsent(ref.task(), k -> new LinkedHashSet<>()).add(ref.output());
        }
      });
    }
    ObjectNode wf = NODES.objectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1");
    wf.put("kind", "Workflow");
    wf.putObject("metadata").put("generateName", root + "-");
    ObjectNode s = wf.putObject("spec");
    s.put("entrypoint", root);
    ArrayNode templates = s.putArray("templates");
    ObjectNode dag = templates.addObject();
    dag.put("name", root);
    ArrayNode tasks = dag.putObject("dag").putArray("tasks");
    for (Step st : plan.steps()) {
      String templateName = st.name().equals(root) ? st.name() + "-component" : st.name();
      ObjectNode template = templates.addObject();
      template.put("name", templateName);
      ObjectNode annotations = template.putObject("metadata").putObject("annotations");
      annotations.put("pipelines.kubeflow.org/component_spec", Yaml.pyJson(ComponentYaml.toNode(st.spec())));
      ContainerTemplate.write(template, st.spec(), st.arguments().keySet(), valuesOfFiles.getOrDefault(st.name(), Set.of()),
          artifacts.get(st.name()));
      if (st.options() != null && GraphSpec.maxRetries(st.options()) >= 0) {
        template.putObject("retryStrategy").put("limit", String.valueOf(GraphSpec.maxRetries(st.options())));
      }
      if (st.options() != null && GraphSpec.cachingOff(st.options())) {
        annotations.put("pipelines.kubeflow.org/max_cache_staleness", "P0D");
      }
      ObjectNode task = tasks.addObject();
      task.put("name", st.name());
      task.put("template", templateName);
      Set<String> dependencies = new LinkedHashSet<>();
      ObjectNode args = NODES.objectNode();
      st.arguments().forEach((input, ref) -> {
        if (ref.task() != null) {
          dependencies.add(ref.task());
        }
        String name = ContainerTemplate.argoInput(st.spec(), input);
        String from = ref.task() == null ? null : ContainerTemplate.argoOutput(plan.step(ref.task()).spec(), ref.output());
        if (st.spec().inputIsFile(input)) {
          ObjectNode a = args.withArray("artifacts").addObject().put("name", name);
          if (ref.task() == null) {
            a.putObject("raw").put("data", ref.text());
          } else {
            a.put("from", "{{tasks." + ref.task() + ".outputs.artifacts." + from + "}}");
          }
        } else {
          args.withArray("parameters").addObject().put("name", name)
              .put("value", ref.task() == null ? ref.text() : "{{tasks." + ref.task() + ".outputs.parameters." + from + "}}");
        }
      });
      if (!dependencies.isEmpty()) {
        ArrayNode d = task.putArray("dependencies");
        dependencies.forEach(d::add);
      }
      if (!args.isEmpty()) {
        task.set("arguments", args);
      }
    }
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
   * For a graph component the result stands for the whole graph: its outputs are the graph's
   * ({@code outputValues}), and when a task failed, its state is {@code Failed} with that task's
   * message, exit code and log; each task's own result is in the run's folder.
   */
  public TaskResult run(LocalRunner runner, Map<String, ?> arguments) {
    Plan plan = plan(texts(arguments));
    long start = System.nanoTime();
    RunResult result = runner.run(Workflow.parse(workflow(plan), source), Map.of());
    if (spec.graph() == null) {
      return bySpecNames(spec, result.task(taskName())
          .orElseThrow(() -> new IllegalStateException("the run has no task '" + taskName() + "'")));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    plan.outputs().forEach((output, ref) -> {
      if (ref.task() == null) {
        values.put(output, ref.text());
        return;
      }
      TaskResult from = result.task(ref.task()).map(r -> bySpecNames(plan.step(ref.task()).spec(), r)).orElse(null);
      if (from != null && spec.outputIsFile(output) && from.artifacts().get(ref.output()) != null) {
        files.put(output, from.artifacts().get(ref.output()));
      } else if (from != null && from.outputs().get(ref.output()) != null) {
        values.put(output, from.outputs().get(ref.output()));
      }
    });
    TaskResult failed = result.failedTask().orElse(null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new TaskResult(taskName(), taskName(), taskName(), failed == null ? TaskResult.State.Succeeded : TaskResult.State.Failed,
        1, failed == null ? 0 : failed.exitCode(), values, files, millis,
        failed == null ? null : "task '" + failed.id() + "' failed: " + failed.message(), failed == null ? null : failed.log(), List.of());
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
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + " for input '" + in.name() + "'", e);
      }
    }
    return value instanceof Path p ? p.toString() : KfpValues.format(value);
  }
}
