package dev.kfp4j.processor.validation;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ValueKind;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Maps Java types to KFP value kinds and artifact types, as the type table in the README says. */
public final class TypeMapper {
  /** The package of the artifact types ({@code kfp4j-entrypoint}). */
  public static final String ARTIFACTS = "dev.kfp4j.artifacts";
  /** The artifact types kfp4j passes, by simple name, which is also their KFP v1 type name. */
  public static final List<String> ARTIFACT_TYPES =
      List.of("Artifact", "Dataset", "Model", "Metrics", "ClassificationMetrics", "SlicedClassificationMetrics", "HTML", "Markdown");

  /** The type of the pipeline's final status, which the exit task takes. */
  public static final String FINAL_STATUS = ARTIFACTS + ".PipelineTaskFinalStatus";
  /** The type of a task's configuration (KFP 2's {@code dsl.TaskConfig}), which KFP's driver gives a component. */
  public static final String TASK_CONFIG = ARTIFACTS + ".TaskConfig";

  /** The output of KFP v1's scalar metrics, as the KFP SDK names it: {@code mlpipeline_metrics}. */
  public static final String MLPIPELINE_METRICS = dev.kfp4j.spec.Names.MLPIPELINE_METRICS;
  /** The output of KFP v1's visualizations, as the KFP SDK names it: {@code mlpipeline_ui_metadata}. */
  public static final String MLPIPELINE_UI_METADATA = dev.kfp4j.spec.Names.MLPIPELINE_UI_METADATA;

  private final Types types;
  private final Elements elements;

  public TypeMapper(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Thrown with a reason when a type cannot be carried. */
  public static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;
    /** The message to report, formatted with the element's name and {@link #detail}. */
    public final dev.kfp4j.processor.base.Message message;
    public final String detail;

    Unsupported(dev.kfp4j.processor.base.Message message, String detail) {
      super(null, null, false, false);
      this.message = message;
      this.detail = detail;
    }
  }

  /**
   * The kind of {@code type}, or null after an error on {@code on}: why the type of {@code name}
   * cannot be carried, else (no kind fits it) {@code otherwise} with {@code args}.
   */
  public ValueKind kind(TypeMirror type, Reporter reporter, Element on, String name, Message otherwise, Object... args) {
    try {
      ValueKind kind = kind(type);
      if (kind == null) {
        reporter.error(on, otherwise, args);
      }
      return kind;
    } catch (Unsupported u) {
      reporter.error(on, u.message, name, u.detail);
      return null;
    }
  }

  /** The kind of a value type, or null when it cannot be carried. */
  public ValueKind kind(TypeMirror type) throws Unsupported {
    switch (type.getKind()) {
      case INT:
        return ValueKind.INT;
      case LONG:
        return ValueKind.LONG;
      case FLOAT:
        return ValueKind.FLOAT;
      case DOUBLE:
        return ValueKind.DOUBLE;
      case BOOLEAN:
        return ValueKind.BOOLEAN;
      case DECLARED:
        break;
      default:
        return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "java.lang.Integer":
        return ValueKind.INT;
      case "java.lang.Long":
        return ValueKind.LONG;
      case "java.lang.Float":
        return ValueKind.FLOAT;
      case "java.lang.Double":
        return ValueKind.DOUBLE;
      case "java.lang.Boolean":
        return ValueKind.BOOLEAN;
      case "java.lang.String":
        return ValueKind.STRING;
      case FINAL_STATUS:
        // a component parameter only: ComponentValidator takes it before asking the kind of a value
        throw new Unsupported(dev.kfp4j.processor.base.Message.FINAL_STATUS_NOT_A_VALUE, type.toString());
      case TASK_CONFIG:
        throw new Unsupported(dev.kfp4j.processor.base.Message.TASK_CONFIG_NOT_A_VALUE, type.toString());
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      return ValueKind.ENUM;
    }
    if (dev.kfp4j.entrypoint.TextTypes.named(name) != null) {
      return ValueKind.TEXT;
    }
    if (isSubtypeOfErased(type, "java.util.List")) {
      if (declared.getTypeArguments().isEmpty()) {
        throw new Unsupported(dev.kfp4j.processor.base.Message.RAW_TYPE, type.toString());
      }
      // a list of artifacts is no JSON value (a component parameter List<Model> is an input taking a list of artifacts)
      return isArtifact(declared.getTypeArguments().get(0)) ? null : ValueKind.JSON_ARRAY;
    }
    if (isSubtypeOfErased(type, "java.util.Map")) {
      List<? extends TypeMirror> args = declared.getTypeArguments();
      if (args.isEmpty()) {
        throw new Unsupported(dev.kfp4j.processor.base.Message.RAW_TYPE, type.toString());
      }
      if (!types.isSameType(args.get(0), elements.getTypeElement("java.lang.String").asType())) {
        throw new Unsupported(dev.kfp4j.processor.base.Message.MAP_KEY, args.get(0).toString());
      }
      return isArtifact(args.get(1)) ? null : ValueKind.JSON_OBJECT;
    }
    if (element.getKind() == ElementKind.RECORD) {
      return ValueKind.JSON_OBJECT;
    }
    if (isBean(element)) {
      return ValueKind.JSON_OBJECT;
    }
    return null;
  }

  /** A plain class outside java.* with a public no-argument constructor: JSON via Jackson. */
  private boolean isBean(TypeElement element) {
    if (element.getKind() != ElementKind.CLASS
        || element.getModifiers().contains(Modifier.ABSTRACT)
        || !element.getTypeParameters().isEmpty()) {
      return false;
    }
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      return false;
    }
    for (var c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is {@code dev.kfp4j.artifacts.Artifact} or a subclass of it. */
  public boolean isArtifact(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && isSubtypeOfErased(type, ARTIFACTS + ".Artifact");
  }

  /**
   * The KFP v1 type name of an artifact type ({@code Dataset} for {@code dev.kfp4j.artifacts.Dataset}),
   * null when {@code type} is no artifact.
   *
   * @throws Unsupported for a subclass of {@code Artifact} that is not one of kfp4j's
   */
  public String artifactType(TypeMirror type) throws Unsupported {
    if (!isArtifact(type)) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String simple = element.getSimpleName().toString();
    if (!element.getQualifiedName().contentEquals(ARTIFACTS + "." + simple) || !ARTIFACT_TYPES.contains(simple)) {
      throw new Unsupported(dev.kfp4j.processor.base.Message.UNKNOWN_ARTIFACT_TYPE, type.toString());
    }
    return simple;
  }

  /**
   * The output name of a KFP v1 UI file type ({@code mlpipeline_metrics} for {@code
   * MlpipelineMetrics}, {@code mlpipeline_ui_metadata} for {@code MlpipelineUiMetadata}), else null.
   */
  public static String v1UiOutput(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element e = ((DeclaredType) type).asElement();
    if (!(e instanceof TypeElement t)) {
      return null;
    }
    String name = t.getQualifiedName().toString();
    if (name.equals(ARTIFACTS + ".MlpipelineMetrics")) {
      return MLPIPELINE_METRICS;
    }
    return name.equals(ARTIFACTS + ".MlpipelineUiMetadata") ? MLPIPELINE_UI_METADATA : null;
  }

  public boolean isType(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Element e = ((DeclaredType) type).asElement();
    return e instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName);
  }

  /** The artifact type {@code T} of a {@code java.util.List<T>} of artifacts ({@code List<Model>}), else null. */
  public TypeMirror artifactListItem(TypeMirror type) {
    if (isType(type, "java.util.List")) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() == 1 && isArtifact(args.get(0)) ? args.get(0) : null;
    }
    return null;
  }

  /**
   * Whether {@code type} is {@code List<Path>}, a pipeline's list of artifacts: what {@code Dsl.collect} gives over an
   * artifact output, taken as {@code @InputPath("Dataset") List<Path>} or returned.
   */
  public boolean isPathList(TypeMirror type) {
    return isType(type, "java.util.List") && ((DeclaredType) type).getTypeArguments().size() == 1
        && isType(((DeclaredType) type).getTypeArguments().get(0), "java.nio.file.Path");
  }

  /** The T of an {@code Optional<T>}, or null. */
  public TypeMirror optionalArgument(TypeMirror type) {
    if (isType(type, "java.util.Optional")) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.isEmpty() ? null : args.get(0);
    }
    return null;
  }

  private boolean isSubtypeOfErased(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }

  /**
   * The first type in {@code method}'s signature that javac has not resolved yet (perhaps a class
   * another processor generates in a later round), or null when all are known.
   */
  public static TypeMirror unresolved(ExecutableElement method) {
    for (VariableElement p : method.getParameters()) {
      TypeMirror t = unresolved(p.asType());
      if (t != null) {
        return t;
      }
    }
    return unresolved(method.getReturnType());
  }

  private static TypeMirror unresolved(TypeMirror type) {
    if (type == null) {
      return null;
    }
    switch (type.getKind()) {
      case ERROR:
        return type;
      case ARRAY:
        return unresolved(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType w = (WildcardType) type;
        TypeMirror bound = unresolved(w.getExtendsBound());
        return bound != null ? bound : unresolved(w.getSuperBound());
      case DECLARED:
        for (TypeMirror a : ((DeclaredType) type).getTypeArguments()) {
          TypeMirror t = unresolved(a);
          if (t != null) {
            return t;
          }
        }
        return null;
      default:
        return null;
    }
  }

  public boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD;
  }
}
