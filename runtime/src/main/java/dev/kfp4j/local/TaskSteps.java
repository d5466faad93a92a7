package dev.kfp4j.local;

import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task of the pipeline model as a {@link Step}: its component's command line with the
 * placeholders resolved as KFP 2's launcher resolves them (values, input and output paths in the
 * task's folder, an artifact's URI as its path and its metadata as JSON, as KFP's own local runner
 * gives them, {@code {{$}}}:
 * the executor input, with parameter values as JSON, input artifacts with their path, URI and
 * metadata, where outputs and the executor output go), and its settings
 * (retries, timeout, caching, environment, mounted claims). The command is resolved twice: with
 * the task's files (what runs) and with fixed container paths (the cache key, the same in any run).
 */
final class TaskSteps {
  private final Path volumes;
  /** The run's workspace folder (KFP 2's {@code PipelineConfig.workspace}), or null when the pipeline has none. */
  private final Path workspace;
  private final LocalRunner.JavaMode javaMode;
  private final BiFunction<ComponentSpec, String, String> outputNames;
  private final BiPredicate<ComponentSpec, String> filesKept;
  private final dev.kfp4j.format.argo.MissingOutputs missing;
  private final dev.kfp4j.format.argo.TemplateOutputs outputs;
  private final boolean launcherText;

  /**
   * {@code outputNames} gives the name under which the run shows a component's output (its
   * format's name for it); {@code filesKept} whether the run keeps an output as a file too when it
   * passes as a value (an Argo workflow passes every file output as an artifact); {@code missing} what a task may leave
   * unwritten (an Argo template's output defaults and optional artifacts); {@code outputs} what defines a task's outputs
   * besides its command line (an Argo template's of another tool), for its cache key; {@code launcherText} whether a command line
   * gets a value as KFP 2's launcher gives it ({@link LauncherText}: a run of a KFP 2 spec), else in KFP's text form (Argo).
   */
  TaskSteps(Path volumes, Path workspace, LocalRunner.JavaMode javaMode, BiFunction<ComponentSpec, String, String> outputNames,
      BiPredicate<ComponentSpec, String> filesKept, dev.kfp4j.format.argo.MissingOutputs missing,
      dev.kfp4j.format.argo.TemplateOutputs outputs, boolean launcherText) {
    this.volumes = volumes;
    this.workspace = workspace;
    this.javaMode = javaMode;
    this.outputNames = outputNames;
    this.filesKept = filesKept;
    this.missing = missing;
    this.outputs = outputs;
    this.launcherText = launcherText;
  }

  /** How kfp4j's Java steps run unless a task says otherwise. */
  LocalRunner.JavaMode javaMode() {
    return javaMode;
  }

  /** The name under which the run shows {@code output} of {@code component}. */
  String outputName(ComponentSpec component, String output) {
    return outputNames.apply(component, output);
  }

  /** Where a task's files are, as the command sees them: here ({@code local}: URIs are {@code file:} URIs), or in a container. */
  private record Paths(Map<String, String> inputs, Map<String, String> outputs, String executorOutput, boolean local) {}

  /**
   * The step of {@code task}: {@code values} the text of each of its component's inputs given a value, {@code inputFiles} and
   * {@code inputArtifacts} its input artifacts as their producers gave them (their type and metadata; none for a value given to
   * an artifact input), {@code own} the JSON of the inputs of its own ({@link OwnInputs}), which its
   * executor input holds too.
   */
  Step step(Task task, Map<String, String> values, Map<String, Path> inputFiles, Map<String, OutputArtifact> inputArtifacts,
      Map<String, JsonNode> own, TaskId id, Path dir) {
    ComponentSpec component = task.component();
    ContainerSpec container = component.container();
    String where = "component '" + component.name() + "' of task '" + task.name() + "'";
    Map<String, Path> parameterFiles = new LinkedHashMap<>();
    Map<String, Path> artifactFiles = new LinkedHashMap<>();
    Map<String, String> artifactTypes = new LinkedHashMap<>();
    Map<String, dev.kfp4j.model.ParameterType> parameterTypes = new LinkedHashMap<>();
    Map<String, String> localOutputs = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    java.util.Set<String> optional = new java.util.HashSet<>();
    for (OutputSpec o : component.outputs()) {
      String shown = outputNames.apply(component, o.name());
      String dflt = missing.defaultOf(component, o.name());
      if (dflt != null) {
        defaults.put(shown, dflt);
      } else if (missing.optional(component, o.name())) {
        optional.add(shown);
      }
      Path file = RunPaths.inside(dir, "outputs", shown, "data");
      localOutputs.put(o.name(), file.toString());
      boolean artifact = component.outputIsArtifact(o.name());
      if (artifact || filesKept.test(component, o.name())) {
        artifactFiles.put(shown, file);
        artifactTypes.put(shown, schemaTitle(o.type()));
      }
      if (!artifact) {
        parameterFiles.put(shown, file);
        dev.kfp4j.model.ParameterType type = ArgumentValues.type(o);
        if (type != null) {
          parameterTypes.put(shown, type);
        }
      }
    }
    Path executorOutput = RunPaths.inside(dir, "outputs", "executor_output.json");
    Map<String, String> localInputs = new LinkedHashMap<>();
    Map<String, String> containerInputs = new LinkedHashMap<>();
    inputFiles.forEach((n, p) -> {
      localInputs.put(n, p.toString());
      containerInputs.put(n, "/tmp/inputs/" + n + "/data");
    });
    Map<String, String> containerOutputs = new LinkedHashMap<>();
    localOutputs.keySet().forEach(n -> containerOutputs.put(n, "/tmp/outputs/" + n + "/data"));
    Paths local = new Paths(localInputs, localOutputs, executorOutput.toString(), true);
    Paths inContainer = new Paths(containerInputs, containerOutputs, "/tmp/outputs/executor_output.json", false);

    List<Placeholder> line = new ArrayList<>(container.command());
    line.addAll(container.args());
    boolean protocol = usesExecutorInput(line);
    boolean inWorkspace = values.values().stream().anyMatch(v -> v.contains(Workspace.PLACEHOLDER));
    if (inWorkspace && workspace == null) {
      throw new WorkflowException(where + " is given " + Workspace.PLACEHOLDER + ", the run's workspace, which the pipeline "
          + "does not have: give it one (@Pipeline(workspaceSize), KFP's PipelineConfig(workspace=...))");
    }
    // KFP's driver gives the workspace's path where it mounts it; kfp.local, the folder here, or that path in a container
    Map<String, String> containerValues = inWorkspace ? withWorkspace(values, Workspace.MOUNT_PATH) : values;
    Map<String, String> localValues = inWorkspace ? withWorkspace(values, workspace.toString()) : values;
    Inputs here = new Inputs(component, localValues, inputArtifacts, own, launcherText);
    Inputs inContainerInputs = new Inputs(component, containerValues, inputArtifacts, own, launcherText);
    List<String> command = resolve(line, inContainerInputs, inContainer, where);
    List<String> localCommand = resolve(line, here, local, where);
    if (command.isEmpty()) {
      throw new WorkflowException(where + " has no command: the local runner ignores images, so it needs one");
    }

    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> keyedEnv = new java.util.TreeMap<>(); // as the container sees it: for an Argo task's cache key
    for (Map.Entry<String, Placeholder> e : container.env().entrySet()) {
      env.put(e.getKey(), one(e.getValue(), here, local, where));
      if (!launcherText) { // a KFP 2 task's key holds no env: not resolved a second time for it
        keyedEnv.put(e.getKey(), one(e.getValue(), inContainerInputs, inContainer, where));
      }
    }
    Settings set = settings(task, env, dir, where);
    if (!launcherText) {
      env.forEach(keyedEnv::putIfAbsent); // the task's own variables, its pod's fields: no file's path
    }
    Map<String, Path> mounts = set.mounts();
    // mounted as KFP's driver mounts it: for a task given its placeholder, or its path (a file an earlier task put there)
    if (inWorkspace || workspace != null && values.values().stream().anyMatch(v -> v.contains(Workspace.MOUNT_PATH))) {
      mounts = new LinkedHashMap<>(mounts);
      mounts.put(Workspace.MOUNT_PATH, workspace);
    }
    if (!mounts.isEmpty()) { // a value in the executor input's JSON, a path in a list or map value: no argument of its own
      Map<String, String> mapped = protocol ? ContainerPaths.mapMountedValues(localValues, mounts)
          : ContainerPaths.mapNestedValues(localValues, mounts);
      if (!mapped.equals(localValues)) {
        localCommand = resolve(line, new Inputs(component, mapped, inputArtifacts, own, launcherText), local, where);
      }
    }
    // in a container, each file at its container path
    Map<String, Path> outputMounts = new LinkedHashMap<>();
    localOutputs.forEach((n, p) -> outputMounts.put(containerOutputs.get(n), Path.of(p)));
    if (protocol) {
      outputMounts.put(inContainer.executorOutput(), executorOutput);
    }
    Map<String, Path> inputMounts = new LinkedHashMap<>();
    inputFiles.forEach((n, p) -> inputMounts.put(containerInputs.get(n), p));
    return new Step(id, task.name(), component.name(), dir, set.image() != null ? set.image() : container.image(), command,
        ContainerPaths.mapMounts(localCommand, mounts), env, parameterFiles, artifactFiles, inputFiles, List.copyOf(mounts.values()),
        set.retry(), set.timeoutSeconds(), set.caching(), set.cacheKey(), set.mode(), new Step.Mounts(outputMounts, inputMounts, mounts), set.limits(),
        artifactTypes,
        protocol ? executorOutput : null, parameterTypes, defaults, optional,
        templateKey(task, keyedEnv, mounts.containsKey(Workspace.MOUNT_PATH)));
  }

  /**
   * What is known of a task's Java process before its inputs are: its main class, environment and
   * folder, when it runs as a {@code java} subprocess whose command starts with a literal {@code
   * java -cp PATH MAIN} and whose environment is all literals; else null (as for a task whose
   * settings are in error: its step says so).
   */
  Prelaunch prelaunch(Task task, Path dir) {
    ContainerSpec container = task.component().container();
    List<Placeholder> line = new ArrayList<>(container.command());
    line.addAll(container.args());
    List<String> head = new ArrayList<>();
    for (Placeholder p : line.subList(0, Math.min(4, line.size()))) {
      if (!(p instanceof Placeholder.Literal l)) {
        return null;
      }
      head.add(l.value());
    }
    String main = Launchers.javaMain(head);
    if (main == null) {
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, Placeholder> e : container.env().entrySet()) {
      if (!(e.getValue() instanceof Placeholder.Literal l)) {
        return null;
      }
      env.put(e.getKey(), l.value());
    }
    try {
      Settings set = settings(task, env, dir, "task '" + task.name() + "'");
      return set.mode() == LocalRunner.JavaMode.SUBPROCESS ? new Prelaunch(main, env, dir) : null;
    } catch (WorkflowException e) {
      return null;
    }
  }

  /** The folder of the runs' volumes standing for the claim named {@code claim}; {@code where} says who names it, for the error. */
  Path claimFolder(String claim, String where) {
    String folder = claim.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (folder.equals(".") || folder.equals("..")) {
      throw new WorkflowException(where + " '" + claim + "', which cannot name a folder of " + volumes);
    }
    return RunPaths.inside(volumes, folder);
  }

  /** A task's settings besides its command (its variables added to {@code env}), and so how its Java component runs. */
  private record Settings(Map<String, Path> mounts, Map<String, String> limits, RetryPolicy retry, long timeoutSeconds,
      boolean caching, String cacheKey, LocalRunner.JavaMode mode, String image) {}

  /**
   * The settings of {@code task}: a claim is a folder of the run's volumes, shared by the tasks that mount it; an
   * emptyDir or ephemeral volume a fresh folder in the task's own folder {@code dir}, as a pod's is new with the pod.
   */
  private Settings settings(Task task, Map<String, String> env, Path dir, String where) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    Map<String, String> limits = new LinkedHashMap<>();
    long timeout = 0;
    boolean caching = true;
    String cacheKey = null;
    String chosenMode = "";
    String image = null; // its containerImage's, made a constant by GivenSettings when the run gives it; else its component's
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.Env e) {
        env.put(e.name(), e.value());
      } else if (s instanceof RunSetting.Timeout t) {
        timeout = t.seconds();
      } else if (s instanceof RunSetting.Caching c) {
        caching = c.enabled();
      } else if (s instanceof RunSetting.CacheKey k) {
        cacheKey = k.key();
      } else if (s instanceof TaskSetting.Resource r && r.kind().isLimit()) {
        limits.put(r.kind().resource(), r.quantity());
      } else if (s instanceof TaskSetting.PodAnnotation a && a.key().equals(JavaModes.ANNOTATION)) {
        chosenMode = a.value();
      } else if (s instanceof TaskSetting.PvcMount m) {
        mounts.put(m.mountPath(), ClaimSubPath.of(claimFolder(m.claim(), where + " mounts the claim"), m.subPath(),
            where + " mounts the claim '" + m.claim() + "'"));
      } else if (s instanceof TaskSetting.EmptyDirMount m) {
        mounts.put(m.mountPath(), RunPaths.inside(dir, "emptydir", m.volume()));
      } else if (s instanceof TaskSetting.EphemeralVolume v) {
        mounts.put(v.mountPath(), RunPaths.inside(dir, "ephemeral", v.volume()));
      } else if (s instanceof TaskSetting.ContainerImage i && i.image() instanceof dev.kfp4j.model.Argument.Constant c) {
        image = c.text();
      }
    }
    env.putAll(PodFieldEnv.of(task));
    RetryPolicy retry = RetryPolicy.of(task.settings(), where);
    // a retry stops where the retries' maximum duration ends: a subprocess, to be stopped
    LocalRunner.JavaMode mode = JavaModes.choose(chosenMode, javaMode, retry.limited() ? Math.max(1, timeout) : timeout, !env.isEmpty());
    return new Settings(mounts, limits, retry, timeout, caching, cacheKey, mode, image);
  }

  /**
   * What keys a task's cache besides its image, command line and input files, as KFP v1's cache keys an Argo template ({@code
   * generateCacheKeyFromTemplate}) and KFP 2's driver a task: the outputs of another tool's template; in a run of an Argo
   * workflow the environment it sets ({@code env}, by name), which KFP 2's key holds none of ({@code GenerateCacheKey}); the
   * volumes it mounts ({@link MountKeys}), the run's workspace among them where {@code inWorkspace}. Empty where none.
   */
  private String templateKey(Task task, Map<String, String> env, boolean inWorkspace) {
    StringBuilder key = new StringBuilder(outputs.of(task.component()));
    env.forEach((k, v) -> key.append("\u0000env ").append(k).append('=').append(v)); // none for a KFP 2 task
    return key.append(MountKeys.of(task, launcherText, inWorkspace ? workspace : null)).toString();
  }

  /** {@code values} with the workspace's placeholder in each replaced by {@code path}. */
  private static Map<String, String> withWorkspace(Map<String, String> values, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v.replace(Workspace.PLACEHOLDER, path)));
    return out;
  }

  private static boolean usesExecutorInput(List<Placeholder> items) {
    for (Placeholder p : items) {
      if (p instanceof Placeholder.ExecutorInput) {
        return true;
      }
      if (p instanceof Placeholder.Concat c && usesExecutorInput(c.items())) {
        return true;
      }
      if (p instanceof Placeholder.If i && (usesExecutorInput(i.then()) || usesExecutorInput(i.otherwise()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a task's placeholders are resolved from: its component, the values of its inputs (as text), its input artifacts'
   * metadata, and the JSON of the inputs of its own that the executor input holds beside the component's ({@link OwnInputs});
   * {@code launcherText}: a value is given as KFP 2's launcher gives it ({@link LauncherText}), else in KFP's text form.
   */
  private record Inputs(ComponentSpec component, Map<String, String> values, Map<String, OutputArtifact> artifacts,
      Map<String, JsonNode> own, boolean launcherText) {
    /** The metadata of input artifact {@code key} (an input's name, or {@link #listItem}), as its producer logged it. */
    Map<String, Object> metadata(String key) {
      OutputArtifact a = artifacts.get(key);
      return a == null ? Map.of() : a.metadata();
    }

    /** The schema title of input artifact {@code key}: its producer's type, as KFP's driver gives it; else {@code in}'s. */
    String schemaTitle(String key, InputSpec in) {
      OutputArtifact a = artifacts.get(key);
      return a != null ? a.type() : TaskSteps.schemaTitle(in.type());
    }
  }

  private static List<String> resolve(List<Placeholder> items, Inputs given, Paths paths, String where) {
    List<String> out = new ArrayList<>();
    for (Placeholder p : items) {
      if (p instanceof Placeholder.If i) {
        boolean present;
        if (i.cond() instanceof Placeholder.IsPresent ip) {
          present = given.values().containsKey(ip.input()) || paths.inputs().containsKey(ip.input());
        } else {
          String cond = one(i.cond(), given, paths, where);
          present = cond.equalsIgnoreCase("true");
        }
        out.addAll(resolve(present ? i.then() : i.otherwise(), given, paths, where));
      } else {
        out.add(one(p, given, paths, where));
      }
    }
    return out;
  }

  private static String one(Placeholder p, Inputs given, Paths paths, String where) {
    if (p instanceof Placeholder.Literal l) {
      return l.value();
    }
    if (p instanceof Placeholder.InputValue v) {
      String value = given.values().get(v.input());
      if (value == null) {
        throw new WorkflowException(where + ": its command reads input '" + v.input() + "', which has no value");
      }
      InputSpec in = given.component().input(v.input()).orElse(null);
      return given.launcherText() && in != null ? LauncherText.of(value, ArgumentValues.type(in)) : value;
    }
    // an artifact's URI is its path here, as in KFP's own local runner ("for local, path is the uri")
    if (p instanceof Placeholder.InputPath || p instanceof Placeholder.InputUri) {
      String input = p instanceof Placeholder.InputPath ip ? ip.input() : ((Placeholder.InputUri) p).input();
      String path = paths.inputs().get(input);
      if (path == null) {
        throw new WorkflowException(where + ": its command reads the file of input '" + input + "', which has none");
      }
      return path;
    }
    if (p instanceof Placeholder.OutputPath || p instanceof Placeholder.OutputUri) {
      String output = p instanceof Placeholder.OutputPath op ? op.output() : ((Placeholder.OutputUri) p).output();
      String path = paths.outputs().get(output);
      if (path == null) {
        throw new WorkflowException(where + ": its command writes output '" + output + "', which the component does not declare");
      }
      return path;
    }
    // an artifact's metadata as JSON, as KFP's own local runner gives it: an output's is empty when the task starts
    if (p instanceof Placeholder.InputMetadata m) {
      if (!paths.inputs().containsKey(m.input())) {
        throw new WorkflowException(where + ": its command reads the metadata of input '" + m.input() + "', which has no artifact");
      }
      return Yaml.jsonText(Yaml.toTree(given.metadata(m.input())));
    }
    if (p instanceof Placeholder.OutputMetadata m) {
      if (!paths.outputs().containsKey(m.output())) {
        throw new WorkflowException(where + ": its command writes output '" + m.output() + "', which the component does not declare");
      }
      return "{}";
    }
    if (p instanceof Placeholder.Concat c) {
      StringBuilder s = new StringBuilder();
      for (String part : resolve(c.items(), given, paths, where)) {
        s.append(part);
      }
      return s.toString();
    }
    if (p instanceof Placeholder.ExecutorInput) {
      return executorInput(given, paths);
    }
    // as the artifacts the executor input lists: KFP's launcher (backend/src/v2) leaves this placeholder as it is
    if (p instanceof Placeholder.InputArtifacts a) {
      InputSpec in = given.component().input(a.input()).orElse(null);
      if (in == null || !in.isArtifactList()) {
        throw new WorkflowException(where + ": its command reads the list of artifacts of input '" + a.input()
            + "', which takes no list of artifacts");
      }
      return Yaml.jsonText(artifactList(in, given, paths));
    }
    throw new WorkflowException(where + ": the local runner does not resolve the placeholder " + p);
  }

  /**
   * The executor input of KFP 2 ({@code ml_pipelines.ExecutorInput} as JSON), as KFP's driver and launcher give it: the values of
   * the component's inputs (a default for one not given, as the launcher adds it), then those of the task's own inputs, which KFP's
   * driver passes too ({@code resolveInputs} loops over every input of the task).
   */
  private static String executorInput(Inputs given, Paths paths) {
    ComponentSpec component = given.component();
    Map<String, String> values = given.values();
    ObjectNode root = Yaml.object();
    ObjectNode inputs = root.putObject("inputs");
    ObjectNode parameterValues = inputs.putObject("parameterValues");
    ObjectNode inArtifacts = inputs.putObject("artifacts");
    for (InputSpec in : component.inputs()) {
      String n = in.name();
      if (values.containsKey(n)) {
        parameterValues.set(n, ArgumentValues.json(values.get(n), ArgumentValues.type(in)));
      } else if (in.isArtifactList()) {
        inArtifacts.putObject(n).set("artifacts", artifactList(in, given, paths));
      } else if (paths.inputs().containsKey(n)) {
        inArtifacts.putObject(n).putArray("artifacts").add(artifact(n, given.schemaTitle(n, in), paths.inputs().get(n),
            paths.local(), given.metadata(n)));
      }
    }
    given.own().forEach((n, v) -> {
      if (!parameterValues.has(n)) { // a component's input of a setting's name (cpu_limit) has the value the spec gives it
        parameterValues.set(n, v);
      }
    });
    ObjectNode outputs = root.putObject("outputs");
    ObjectNode outParameters = outputs.putObject("parameters");
    ObjectNode outArtifacts = outputs.putObject("artifacts");
    for (OutputSpec o : component.outputs()) {
      String path = paths.outputs().get(o.name());
      if (component.outputIsArtifact(o.name())) {
        outArtifacts.putObject(o.name()).putArray("artifacts").add(artifact(o.name(), schemaTitle(o.type()), path, paths.local(), Map.of()));
      } else {
        outParameters.putObject(o.name()).put("outputFile", path);
      }
    }
    outputs.put("outputFile", paths.executorOutput());
    return Yaml.jsonText(root);
  }

  /**
   * The key under which item {@code index} of input {@code input}, which takes a list of artifacts, is among a step's input
   * files: {@code models[0]}, {@code models[1]}..., in the list's order.
   */
  static String listItem(String input, int index) {
    return input + "[" + index + "]";
  }

  /** The artifacts of an input that takes a list of them, in order, as the executor input lists them (none: empty). */
  private static tools.jackson.databind.node.ArrayNode artifactList(InputSpec in, Inputs given, Paths paths) {
    tools.jackson.databind.node.ArrayNode list = Yaml.array();
    for (int i = 0; paths.inputs().containsKey(listItem(in.name(), i)); i++) {
      String item = listItem(in.name(), i);
      list.add(artifact(in.name(), given.schemaTitle(item, in), paths.inputs().get(item), paths.local(), given.metadata(item)));
    }
    return list;
  }

  private static ObjectNode artifact(String name, String schemaTitle, String path, boolean local, Map<String, Object> metadata) {
    ObjectNode a = Yaml.object();
    a.put("name", name);
    // on this machine the artifact's absolute path, as kfp.local gives it: KFP's Python executor takes a URI without a
    // scheme as the local path (Artifact.path), where a file: URI would be a path of its own
    a.put("uri", local ? ArtifactReader.uri(Path.of(path)) : path);
    a.putObject("type").put("schemaTitle", schemaTitle);
    a.set("metadata", Yaml.toTree(metadata));
    return a;
  }

  /** The schema title of an artifact's type. */
  static String schemaTitle(dev.kfp4j.spec.TypeSpec type) {
    return ArtifactReader.schemaTitle(type == null ? null : type.name());
  }
}
