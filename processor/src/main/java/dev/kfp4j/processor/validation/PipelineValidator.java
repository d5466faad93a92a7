package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.annotation;
import static dev.kfp4j.processor.base.Annotations.erroneous;
import static dev.kfp4j.processor.base.Annotations.stringValue;
import static dev.kfp4j.processor.base.Annotations.strings;
import static dev.kfp4j.processor.base.Annotations.value;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Javadoc;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.spec.Names;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Pipeline} method's signature and annotation and builds its {@link
 * PipelineModel}; its body is read later. Every problem is reported on the element; a method with
 * errors gives no model.
 */
public final class PipelineValidator {
  public static final String PIPELINE = "dev.kfp4j.annotations.Pipeline";

  private final Elements elements;
  private final Reporter reporter;
  private final MethodChecks methods;
  private final DefaultValues defaults;
  private final TypeMapper mapper;
  private final PipelineArtifactParameters artifacts;
  private final Set<Format> formats;
  private final UniqueNames names;

  private final ParameterOverrides overrides;

  /**
   * {@code formats}: what a pipeline is written in unless its {@code @Pipeline(formats)} says; {@code overrides}: the
   * defaults the processor option {@value ParameterOverrides#OPTION} gives pipelines' parameters.
   */
  public PipelineValidator(Elements elements, TypeMapper mapper, Reporter reporter, Set<Format> formats,
      ParameterOverrides overrides) {
    this.overrides = overrides;
    this.elements = elements;
    this.mapper = mapper;
    this.reporter = reporter;
    this.methods = new MethodChecks(reporter);
    this.defaults = new DefaultValues(reporter);
    this.artifacts = new PipelineArtifactParameters(reporter, mapper);
    this.formats = formats;
    this.names = new UniqueNames(reporter, "pipeline", Message.DUPLICATE_PIPELINE);
  }

  /**
   * What checking a {@code @Pipeline} method's signature gave: its {@code model}, null when it has errors; else,
   * {@code partial}, the pipeline as far as it was read, whose body can still be read for its own mistakes (null when
   * it cannot: a return type it has not, a name javac cannot resolve), with {@code failedParameters}, the names of the
   * parameters with errors, whose uses are no mistakes of their own, and {@code name}, the pipeline's name (null when
   * {@code @Pipeline(name)} is an expression javac cannot resolve).
   */
  public record Checked(PipelineModel model, PipelineModel partial, Set<String> failedParameters, String name) {}

  /** The model of {@code method}, or null when it has errors (all of them reported). */
  public PipelineModel validate(ExecutableElement method) {
    return check(method).model();
  }

  /** Checks {@code method}, reporting each error: its model, or what its body can still be read with. */
  public Checked check(ExecutableElement method) {
    int before = reporter.errorCount();
    AnnotationMirror annotation = annotation(method, PIPELINE);
    methods.checkModifiers(method, "Pipeline", annotation);
    String methodName = method.getSimpleName().toString();
    boolean returnsOutputs = checkReturnType(method, methodName);
    String name = names.claim(method, annotation);
    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    String description = stringValue(annotation, "description");
    if (description.isEmpty()) {
      description = doc.text();
    }
    Set<Format> written = formats(annotation);
    boolean ownFormats = !strings(annotation, "formats").isEmpty();
    List<PipelineModel.Parameter> parameters = new ArrayList<>();
    Set<String> failed = new java.util.TreeSet<>();
    String status = null;
    // a pipeline taking the final status runs only as the exit task of a KFP 2 pipeline: no workflow's parameters of its own
    boolean argo = written.contains(Format.ARGO)
        && method.getParameters().stream().noneMatch(p -> mapper.isType(p.asType(), TypeMapper.FINAL_STATUS));
    for (VariableElement p : method.getParameters()) {
      if (argo) {
        checkArgoName(p);
      }
      PipelineModel.Parameter parameter = parameter(p, doc.param(p.getSimpleName().toString()));
      if (parameter == null) {
        failed.add(p.getSimpleName().toString());
      }
      if (parameter != null && parameter.kind() == ValueKind.FINAL_STATUS) {
        if (status != null) {
          reporter.error(p, Message.FINAL_STATUS_TWICE, parameter.name(), status);
          failed.add(parameter.name());
          continue;
        }
        status = parameter.name();
      }
      if (parameter != null && parameter.defaultText() != null && written.contains(Format.KFP2)
          && !defaults.kfp2Number(p, annotation(p, ComponentValidator.DEFAULT), parameter.name(), parameter.defaultText(),
              parameter.kind(), "write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)")) {
        failed.add(parameter.name());
        continue;
      }
      if (parameter != null && parameter.isArtifact() && argo) {
        reporter.error(p, FormatMessage.ARGO_ARTIFACT_PARAMETER, parameter.name(), parameter.kfpInput());
        failed.add(parameter.name());
        continue;
      }
      if (parameter != null) {
        parameters.add(parameter);
        if (parameter.mayBeLeftOut() && argo) {
          reporter.error(p, FormatMessage.ARGO_OPTIONAL_PARAMETER, parameter.name());
        }
      }
    }
    PipelineSettings settings = settings(method, annotation);
    Workspace workspace = workspace(method, annotation);
    if (workspace != null && written.contains(Format.ARGO)) {
      reporter.error(method, annotation, "workspaceSize", FormatMessage.ARGO_WORKSPACE);
    }
    if (settings != null && workspace != null) {
      settings = settings.withWorkspace(workspace);
    }
    for (String attribute : List.of("displayName", "pipelineRoot")) {
      if (!stringValue(annotation, attribute).isEmpty() && written.contains(Format.ARGO)) {
        reporter.error(method, annotation, attribute, FormatMessage.ARGO_PIPELINE_INFO, attribute,
            attribute.equals("displayName") ? "pipelineInfo.displayName" : "defaultPipelineRoot");
      }
    }
    if (settings != null) {
      settings = settings.withInfo(stringValue(annotation, "displayName"), stringValue(annotation, "pipelineRoot"));
    }
    if (name == null) { // javac reports its name: no pipeline, and no error of its own
      overrides.unnamed();
      return new Checked(null, null, Set.copyOf(failed), null);
    }
    ClassName owner = ClassName.get((TypeElement) method.getEnclosingElement());
    PipelineModel partial = !returnsOutputs ? null : new PipelineModel(method, owner, methodName, name, description, parameters,
        settings == null ? PipelineSettings.DEFAULTS : settings, ComponentValidator.describe(method), written,
        outputDescriptions(method, doc), ownFormats);
    if (reporter.errorCount() > before || Annotations.unresolved(method)) { // javac reports a value it cannot resolve
      overrides.seen(name);
      return new Checked(null, partial, Set.copyOf(failed), name);
    }
    List<PipelineModel.Parameter> given = overrides.apply(method, annotation, name, parameters, written.contains(Format.KFP2));
    if (given == null) {
      return new Checked(null, partial, Set.of(), name);
    }
    return new Checked(new PipelineModel(method, owner, methodName, name, description, given, settings,
        ComponentValidator.describe(method), written, outputDescriptions(method, doc), ownFormats), null, Set.of(), name);
  }

  /**
   * Claims the name of {@code method}, whose signature is not checked (a type of it is still unknown in the last round):
   * reports it when it is not valid or another pipeline's, as it would be with the signature's other errors. Its name,
   * null when javac cannot resolve it.
   */
  public String claimName(ExecutableElement method) {
    return names.claim(method, annotation(method, PIPELINE));
  }

  /** The formats {@code @Pipeline(formats)} names, or the build's. */
  private Set<Format> formats(AnnotationMirror annotation) {
    List<String> named = strings(annotation, "formats");
    if (named.isEmpty()) {
      return formats;
    }
    Set<Format> out = EnumSet.noneOf(Format.class);
    named.forEach(n -> out.add(Format.valueOf(n)));
    return out;
  }

  /**
   * The descriptions of the pipeline's outputs, as KFP reads a pipeline's docstring's {@code Returns:}: the
   * Javadoc's {@code @return} of the one output {@code Output}, or the returned record's {@code @param} of each
   * of its components, as a component's outputs are described.
   */
  private Map<String, String> outputDescriptions(ExecutableElement method, Javadoc doc) {
    TypeMirror ret = method.getReturnType();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (ret.getKind() == TypeKind.VOID) {
      return out;
    }
    if (mapper.isRecord(ret)) {
      TypeElement record = (TypeElement) ((DeclaredType) ret).asElement();
      Javadoc recordDoc = Javadoc.parse(elements.getDocComment(record));
      record.getRecordComponents().forEach(c -> out.put(c.getSimpleName().toString(), recordDoc.param(c.getSimpleName().toString())));
    } else {
      out.put("Output", doc.returns());
    }
    out.values().removeIf(text -> text == null || text.isEmpty());
    return out;
  }

  /** A pipeline returns nothing, one output (a value or a file), or a record of outputs; false after an error. */
  private boolean checkReturnType(ExecutableElement method, String methodName) {
    TypeMirror ret = method.getReturnType();
    if (ret.getKind() == TypeKind.VOID) {
      return true;
    }
    List<TypeMirror> outputs = new ArrayList<>();
    if (mapper.isRecord(ret)) {
      ((TypeElement) ((DeclaredType) ret).asElement()).getRecordComponents().forEach(c -> outputs.add(c.asType()));
    } else {
      outputs.add(ret);
    }
    for (TypeMirror t : outputs) {
      boolean ok;
      try {
        ok = mapper.isType(t, "java.nio.file.Path") || mapper.kind(t) != null;
      } catch (TypeMapper.Unsupported u) {
        ok = false;
      }
      if (!ok) {
        reporter.error(method, Message.PIPELINE_RETURN_TYPE, methodName, ret);
        return false;
      }
    }
    return true;
  }

  private PipelineSettings settings(ExecutableElement method, AnnotationMirror a) {
    Object serviceAccount = value(a, "serviceAccount");
    Object ttl = value(a, "ttlSecondsAfterFinished");
    Object deadline = value(a, "activeDeadlineSeconds");
    Object parallelism = value(a, "parallelism");
    for (String secret : strings(a, "imagePullSecrets")) {
      checkObjectName(method, a, "imagePullSecrets", secret);
    }
    if (serviceAccount != null && !serviceAccount.toString().isEmpty()) {
      checkObjectName(method, a, "serviceAccount", serviceAccount.toString());
    }
    checkNotNegative(method, a, "ttlSecondsAfterFinished", ttl, -1, "-1 (the cluster's default)");
    Object ttlSuccess = value(a, "ttlSecondsAfterSuccess");
    Object ttlFailure = value(a, "ttlSecondsAfterFailure");
    checkNotNegative(method, a, "ttlSecondsAfterSuccess", ttlSuccess, -1, "-1 (as ttlSecondsAfterFinished)");
    checkNotNegative(method, a, "ttlSecondsAfterFailure", ttlFailure, -1, "-1 (as ttlSecondsAfterFinished)");
    checkNotNegative(method, a, "activeDeadlineSeconds", deadline, 0, "0 (none)");
    checkNotNegative(method, a, "parallelism", parallelism, 0, "0 (no limit)");
    String podGc = stringValue(a, "podGc");
    if (!podGc.isEmpty() && !PipelineSettings.POD_GC.contains(podGc)) {
      reporter.error(method, a, "podGc", Message.SETTING_REJECTED, "@Pipeline(podGc = \"" + podGc + "\"): it must be one of "
          + PipelineSettings.POD_GC.stream().sorted().toList() + ", or left out for Argo's default");
      return null;
    }
    try {
      return new PipelineSettings(
          serviceAccount == null ? PipelineSettings.PIPELINE_RUNNER : serviceAccount.toString(),
          ttl == null ? -1 : (Integer) ttl,
          deadline == null ? 0 : (Long) deadline,
          parallelism == null ? 0 : (Integer) parallelism,
          strings(a, "imagePullSecrets"),
          methods.keyValues(method, a, "nodeSelector"),
          stringValue(a, "podGc"))
          .withTtls(ttlSuccess == null ? -1 : (Integer) ttlSuccess, ttlFailure == null ? -1 : (Integer) ttlFailure);
    } catch (IllegalArgumentException e) {
      reporter.error(method, a, Message.SETTING_REJECTED, e.getMessage());
      return null;
    }
  }

  /** KFP 2's workspace the annotation asks for, or null (its errors reported). */
  private Workspace workspace(ExecutableElement method, AnnotationMirror a) {
    String size = stringValue(a, "workspaceSize");
    String storageClass = stringValue(a, "workspaceStorageClass");
    List<String> modes = strings(a, "workspaceAccessModes");
    if (size.isEmpty()) {
      if ((!storageClass.isEmpty() || !modes.isEmpty()) && !erroneous(a, "workspaceSize")) { // javac reports a size it cannot resolve
        reporter.error(method, a, storageClass.isEmpty() ? "workspaceAccessModes" : "workspaceStorageClass", Message.SETTING_REJECTED,
            "the workspace's storage class and access modes need its size: add @Pipeline(workspaceSize = \"10Gi\")");
      }
      return null;
    }
    tools.jackson.databind.node.ObjectNode patch = dev.kfp4j.yaml.Yaml.object(); // KFP's keys, sorted as its compiler writes them
    if (!modes.isEmpty()) {
      for (String mode : modes) {
        if (!dev.kfp4j.model.VolumeStep.ACCESS_MODES.contains(mode)) {
          reporter.error(method, a, "workspaceAccessModes", Message.SETTING_REJECTED, "@Pipeline(workspaceAccessModes) '" + mode
              + "' is not one of " + dev.kfp4j.model.VolumeStep.ACCESS_MODES.stream().sorted().toList());
          return null;
        }
      }
      modes.forEach(patch.putArray("accessModes")::add);
    }
    if (!storageClass.isEmpty()) {
      checkObjectName(method, a, "workspaceStorageClass", storageClass);
      patch.put("storageClassName", storageClass);
    }
    try {
      return new Workspace(size, patch.toString());
    } catch (IllegalArgumentException e) {
      reporter.error(method, a, "workspaceSize", Message.SETTING_REJECTED, e.getMessage());
      return null;
    }
  }

  /** A count or a number of seconds, at least {@code least}, which stands for the default. */
  private void checkNotNegative(ExecutableElement method, AnnotationMirror a, String attribute, Object value, long least, String means) {
    if (value != null && ((Number) value).longValue() < least) {
      reporter.error(method, a, attribute, Message.SETTING_REJECTED,
          "@Pipeline(" + attribute + " = " + value + "): it must be at least " + means + "; Argo refuses a smaller value");
    }
  }

  /** A name of a Kubernetes object (a secret, a service account) that a pod would refer to. */
  private void checkObjectName(ExecutableElement method, AnnotationMirror a, String attribute, String name) {
    String why = Names.whyInvalidObjectName(name);
    if (why != null) {
      reporter.error(method, a, attribute, Message.SETTING_REJECTED,
          "@Pipeline(" + attribute + " = \"" + name + "\"): " + why + "; write the name kubectl shows, such as \"my-secret\"");
    }
  }

  /** A parameter's name is a workflow parameter's, which Argo takes only of ASCII letters, digits, '_' and '-' (Java also allows '$' and other letters). */
  private void checkArgoName(VariableElement p) {
    String name = p.getSimpleName().toString();
    String why = ArgoRules.whyInvalidParameterName(name);
    if (why != null) {
      String suggestion = name.replaceAll("[^A-Za-z0-9_]", "");
      reporter.error(p, Message.INVALID_NAME, "pipeline parameter", name, "it names the workflow's parameter, and " + why,
          suggestion.isEmpty() || !Character.isJavaIdentifierStart(suggestion.charAt(0)) ? "p" + suggestion : suggestion);
    }
  }

  private PipelineModel.Parameter parameter(VariableElement p, String description) {
    String name = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    if (mapper.isType(type, TypeMapper.FINAL_STATUS)) {
      // KFP's exit_op(status: PipelineTaskFinalStatus): a pipeline run as the exit task, given Dsl.runStatus()
      AnnotationMirror dflt = annotation(p, ComponentValidator.DEFAULT);
      if (dflt != null || Nullable.marks(p)) {
        reporter.error(p, Message.FINAL_STATUS_OPTIONAL, name, dflt != null ? "@Default" : "@Nullable");
        return null;
      }
      return new PipelineModel.Parameter(name, ValueKind.FINAL_STATUS, TypeName.get(type), null, false, description);
    }
    if (artifacts.concerns(p)) { // KFP's in_dataset: Input[Dataset], @InputPath("Dataset") Path inDataset
      return artifacts.read(p, description);
    }
    TypeMirror optional = mapper.optionalArgument(type);
    if (optional != null) {
      reporter.error(p, Message.OPTIONAL_PIPELINE_PARAMETER, name, type, shortName(TypeName.get(optional)), name);
      return null;
    }
    ValueKind kind = mapper.kind(type, reporter, p, name, Message.PIPELINE_PARAMETER_TYPE, name, type);
    if (kind == null) {
      return null;
    }
    boolean nullable = Nullable.marks(p);
    if (nullable && type.getKind().isPrimitive()) {
      String primitive = type.getKind().name().toLowerCase(java.util.Locale.ROOT); // not '@Nullable int' of a type annotation
      reporter.error(p, Message.NULLABLE_PRIMITIVE, name, primitive, shortName(TypeName.get(type).box()), name);
      return null;
    }
    AnnotationMirror dflt = annotation(p, ComponentValidator.DEFAULT);
    String defaultText = null;
    if (dflt != null) {
      defaultText = defaults.check(p, dflt, name, stringValue(dflt, "value"), kind, type);
      if (defaultText == null) {
        return null;
      }
    }
    return new PipelineModel.Parameter(name, kind, TypeName.get(type), defaultText, nullable && defaultText == null, description);
  }

  /** {@code type} as a user writes it: {@code Integer}, {@code List<String>}, without java.lang's and java.util's packages. */
  private static String shortName(TypeName type) {
    return type.toString().replaceAll("\\bjava\\.(lang|util)\\.", "");
  }
}
