package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.RunArguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A compiled pipeline, the same file that goes to the cluster: a KFP v1 Argo Workflow or a KFP 2
 * pipeline spec (told apart by its content), its name and parameters, and what the local runner
 * needs. Either is read into the typed pipeline model by its format's reader; the runner checks it
 * can run it before anything runs.
 */
public final class Workflow {
  /**
   * A pipeline parameter: name, default (or null), KFP type (or null), and whether a run may leave
   * it out (always, when it has a default; a KFP 2 spec's {@code isOptional} without a default,
   * KFP's {@code Optional[str] = None}, is left out of the run's values).
   */
  public record Parameter(String name, String defaultValue, String type, boolean optional) {
    public Parameter {
      optional = optional || defaultValue != null;
    }

    /** A parameter a run may leave out only when it has a default. */
    public Parameter(String name, String defaultValue, String type) {
      this(name, defaultValue, type, false);
    }
  }

  /** The Argo workflow as parsed, or null for a KFP 2 spec. */
  private final JsonNode root;
  /** A KFP 2 spec and its platform document, if any, as parsed; none for an Argo workflow. */
  private final List<JsonNode> documents;
  private final String source;
  private final String name;
  private final List<Parameter> parameters = new ArrayList<>();
  /** A KFP 2 spec's model, or an Argo workflow's once read. */
  private dev.kfp4j.model.Pipeline model;
  /** The groups the format made around one step, which a run shows as that step. */
  private Set<String> stepGroups = Set.of();
  /** The conditions that are an Argo loop task's own {@code when} ({@link ArgoReader.Read}). */
  private Set<String> loopWhens = Set.of();

  /** A KFP 2 pipeline, read into the model from {@code source}, whose documents {@code documents} are. */
  private Workflow(Kfp2Reader.Read read, List<JsonNode> documents, String source) {
    this.root = null;
    this.documents = documents;
    this.model = read.pipeline();
    this.stepGroups = read.groupsAroundSteps();
    this.source = source;
    this.name = this.model.name();
    for (dev.kfp4j.model.Parameter p : this.model.parameters()) {
      if (p.isArtifact()) {
        continue; // refused by checkRunnable
      }
      parameters.add(new Parameter(p.name(), p.defaultValue(), p.type() == null ? null : p.type().v1Name(), p.optional()));
    }
  }

  /** An Argo workflow: its name and parameters now, its model when it is checked or run. */
  private Workflow(JsonNode root, String source) {
    this.root = root;
    this.documents = List.of();
    this.source = source;
    if (!ArgoReader.isWorkflow(root)) {
      throw new WorkflowException(source + ": not an Argo Workflow (kind: Workflow)");
    }
    this.name = ArgoReader.name(root);
    for (ArgoReader.Declared p : argo(() -> ArgoReader.parameters(root, source))) {
      parameters.add(new Parameter(p.name(), p.defaultValue(), p.type()));
    }
  }

  /** {@code read}'s result; its FormatException as the WorkflowException that says what is wrong. */
  private <T> T argo(java.util.function.Supplier<T> read) {
    return reading(source, read);
  }

  private static <T> T reading(String source, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (dev.kfp4j.format.FormatException | IllegalArgumentException e) {
      throw new WorkflowException(e.getMessage().startsWith(source) ? e.getMessage() : source + ": " + e.getMessage());
    }
  }

  /**
   * An Argo Workflow or a KFP 2 pipeline spec (with its Kubernetes platform document, if any, as
   * the KFP SDK and the processor write it after the spec, or both as one object, as KFP's API and
   * a run folder's {@link LocalRunner#WORKFLOW_FILE} hold them); an Argo Workflow file holds one document.
   */
  public static Workflow parse(String yaml, String source) {
    return parse(reading(source, () -> dev.kfp4j.format.Documents.read(yaml, source)), yaml, source);
  }

  /** {@link #parse(String, String)} of {@code yaml}, whose documents {@code documents} are, as {@code Documents.read} gives them. */
  public static Workflow parse(List<JsonNode> documents, String yaml, String source) {
    List<JsonNode> docs = Kfp2Reader.documents(documents);
    JsonNode first = docs.isEmpty() ? tools.jackson.databind.node.MissingNode.getInstance() : docs.get(0);
    if (Kfp2Reader.isPipelineSpec(first)) {
      return new Workflow(reading(source, () -> Kfp2Reader.readForRun(docs, yaml, source)), docs, source);
    }
    if (docs.size() > 1) {
      throw new WorkflowException(source + ": " + docs.size() + " YAML documents; an Argo Workflow file holds one "
          + "(only a KFP 2 pipeline spec is followed by another, its platform document)");
    }
    return new Workflow(first, source);
  }

  /** {@code kfp2} for a KFP 2 pipeline spec, {@code argo} for an Argo Workflow. */
  public String format() {
    return root == null ? "kfp2" : "argo";
  }

  /**
   * The name under which a run shows a component's output: Argo's name for it in an Argo workflow, else its own. Each
   * component's names are worked out once (for each of its outputs, each task runs them: each of its outputs and
   * each reference to one).
   */
  java.util.function.BiFunction<dev.kfp4j.spec.ComponentSpec, String, String> outputNames() {
    if (root == null) {
      return (spec, output) -> output;
    }
    Map<dev.kfp4j.spec.ComponentSpec, Map<String, String>> names = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    return (spec, output) -> names.computeIfAbsent(spec, dev.kfp4j.format.argo.ContainerTemplate::argoOutputs).getOrDefault(output, output);
  }

  /**
   * Whether a run keeps a component's output as a file even when it passes as a value: in an Argo
   * workflow, each output Argo keeps as an artifact ({@link ArgoReader#filesKept}).
   */
  java.util.function.BiPredicate<dev.kfp4j.spec.ComponentSpec, String> filesKept() {
    return root == null ? (spec, output) -> false : ArgoReader.filesKept(root);
  }

  /** What a task may leave unwritten: in an Argo workflow, its templates' output defaults and optional artifacts. */
  dev.kfp4j.format.argo.MissingOutputs missingOutputs() {
    return root == null ? dev.kfp4j.format.argo.MissingOutputs.NONE : dev.kfp4j.format.argo.MissingOutputs.of(root);
  }

  /** What defines a task's outputs besides its command line: in an Argo workflow, the outputs of its templates of another tool. */
  dev.kfp4j.format.argo.TemplateOutputs templateOutputs() {
    return root == null ? dev.kfp4j.format.argo.TemplateOutputs.NONE : dev.kfp4j.format.argo.TemplateOutputs.of(root);
  }

  /** The groups the format made around one step, which a run shows as that step ({@link ArgoReader.Read}). */
  synchronized Set<String> stepGroups() {
    pipeline();
    return stepGroups;
  }

  /** The conditions that are an Argo loop task's own {@code when} ({@link ArgoReader.Read}); none in a KFP 2 spec. */
  synchronized Set<String> loopWhens() {
    pipeline();
    return loopWhens;
  }

  /** The pipeline as the model holds it: a KFP 2 spec's, or an Argo workflow's as its format reads it. */
  public synchronized dev.kfp4j.model.Pipeline pipeline() {
    if (model == null) {
      ArgoReader.Read read = argo(() -> ArgoReader.readForRun(root, null, source));
      model = read.pipeline();
      stepGroups = read.groupsAroundSteps();
      loopWhens = read.loopWhens();
    }
    return model;
  }

  public static Workflow read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new WorkflowException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + FileErrors.why(file, e), e);
    }
  }

  /** A workflow on the classpath, such as {@code META-INF/kfp4j/pipelines/add-example.yaml}. */
  public static Workflow resource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new WorkflowException("no workflow '" + resource + "' on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + FileErrors.why(e), e);
    }
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  public List<Parameter> parameters() {
    return List.copyOf(parameters);
  }

  /**
   * The pipeline as a run keeps it in its folder ({@link LocalRunner#WORKFLOW_FILE}), for the local
   * UI's picture of it: the Argo workflow, or the KFP 2 spec with its platform document, if any, as
   * one object ({@link Kfp2Reader#oneObject}); both as parsed, which the formats' readers and {@code
   * PipelineGraph.read} read back as this pipeline.
   */
  JsonNode runCopy() {
    return root != null ? root : Kfp2Reader.oneObject(documents.get(0), documents.size() > 1 ? documents.get(1) : null);
  }

  /**
   * Checks that the pipeline hangs together: an Argo workflow as Argo would ({@link
   * dev.kfp4j.format.argo.WorkflowChecks}); a KFP 2 spec as its model, every task reading and
   * waiting for known tasks.
   */
  public void check() {
    if (root != null) {
      argo(() -> {
        dev.kfp4j.format.argo.WorkflowChecks.check(root, source);
        return null;
      });
    } else {
      PipelineChecks.check(model, source);
    }
  }

  /**
   * Checks that the local runner can run this pipeline: {@link #check()}, its model read (an Argo
   * workflow's by its format's reader, which names what the model does not hold), and every step
   * one the runner runs. A workflow for a cluster only (a resource template, say) loads without it.
   */
  public void checkRunnable() {
    check();
    if (root != null) {
      PipelineChecks.check(pipeline(), source);
    } else if (!dev.kfp4j.spec.Names.KFP_PIPELINE_NAME.matcher(name).matches()) { // it names the folder of its runs
      throw new WorkflowException(source + ": the pipeline's name '" + name + "' (pipelineInfo.name) is not a KFP pipeline name: "
          + "lower case letters, digits and '-', starting with a letter or digit, at most 128 characters, as KFP's compiler requires");
    }
    PipelineChecks.checkRunnable(pipeline(), source);
    if (root == null) {
      reading(source, () -> {
        dev.kfp4j.format.kfp2.Kfp2RunChecks.runnable(documents.get(0), source);
        return null;
      });
    }
  }

  /**
   * The run's parameter values: {@code given} checked against the declared parameters (unknown
   * and missing names, values that do not parse as their KFP type), defaults filled in; an optional
   * parameter without a default that is not given has no value.
   */
  public Map<String, String> arguments(Map<String, String> given) {
    return arguments(given, RunArguments.GIVE);
  }

  /**
   * {@link #arguments(Map)}, a missing value said with {@code give}, how the caller's user writes an argument ({@code kfp4j
   * run}'s {@code -a name=value}; {@link RunArguments#checkNoneMissing(String, List, String)}).
   */
  public Map<String, String> arguments(Map<String, String> given, String give) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> declared = new ArrayList<>();
    parameters.forEach(p -> declared.add(p.name()));
    try {
      RunArguments.checkKnown(name, declared, given.keySet());
    } catch (IllegalArgumentException e) {
      throw new WorkflowException(e.getMessage());
    }
    List<String> missing = new ArrayList<>();
    Set<String> leftOut = new java.util.HashSet<>();
    for (Parameter p : parameters) {
      String value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      if (value == null) {
        if (!p.optional()) {
          missing.add(p.name());
        }
        leftOut.add(p.name());
        continue;
      }
      check(p, value);
      out.put(p.name(), value);
    }
    try {
      RunArguments.checkNoneMissing(name, missing, give);
    } catch (IllegalArgumentException e) {
      throw new WorkflowException(e.getMessage());
    }
    if (root == null && !leftOut.isEmpty()) { // KFP 2: a value left out that KFP's driver fails on
      reading(source, () -> {
        dev.kfp4j.format.kfp2.Kfp2RunChecks.leftOut(documents.get(0), leftOut, source);
        return null;
      });
    }
    return out;
  }

  private void check(Parameter p, String value) {
    ParameterType type = ParameterType.ofV1Name(p.type());
    try {
      RunArguments.checkValue(p.name(), type, value);
      if (root == null) { // a KFP 2 run's values are protobuf Values, as on a cluster: no nan or inf for a float
        dev.kfp4j.format.kfp2.Kfp2Writer.runtimeValue(p.name(), value, type);
      }
    } catch (IllegalArgumentException | dev.kfp4j.format.FormatException e) {
      throw new WorkflowException(e.getMessage());
    }
  }
}
