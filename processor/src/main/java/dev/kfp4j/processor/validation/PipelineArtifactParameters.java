package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.annotation;
import static dev.kfp4j.processor.base.Annotations.stringValue;

import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.spec.TypeSpec;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @Pipeline} parameter that is an artifact, KFP's {@code in_dataset: Input[Dataset]}: in Java
 * {@code @InputPath("Dataset") Path inDataset}, as an op takes an input artifact and a task gives one; {@code @Nullable}
 * for KFP's {@code Optional[Input[Dataset]] = None}. Every other way of writing one (an artifact class, a bare {@code
 * Path}, {@code @OutputPath}, a {@code @Default}) is an error on the parameter saying what to write. A list of artifacts,
 * KFP's {@code Input[List[Dataset]]}, is {@code @InputPath("Dataset") List<Path>}, what {@code Dsl.collect} gives.
 */
public final class PipelineArtifactParameters {
  private static final String PATH = "java.nio.file.Path";

  private final Reporter reporter;
  private final TypeMapper mapper;

  PipelineArtifactParameters(Reporter reporter, TypeMapper mapper) {
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** Whether {@code p} is (or is written as) an artifact or a file: {@link #read} says which, or what is wrong. */
  boolean concerns(VariableElement p) {
    TypeMirror type = p.asType();
    TypeMirror inner = mapper.optionalArgument(type);
    TypeMirror value = inner != null ? inner : type;
    return annotation(p, ComponentValidator.INPUT_PATH) != null || annotation(p, ComponentValidator.OUTPUT_PATH) != null
        || mapper.isArtifact(value) || mapper.isType(value, PATH) || mapper.artifactListItem(value) != null || mapper.isPathList(value);
  }

  /** The artifact parameter {@code p} is; null after reporting what to write instead. */
  PipelineModel.Parameter read(VariableElement p, String description) {
    String name = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    TypeMirror inner = mapper.optionalArgument(type);
    AnnotationMirror inPath = annotation(p, ComponentValidator.INPUT_PATH);
    AnnotationMirror outPath = annotation(p, ComponentValidator.OUTPUT_PATH);
    AnnotationMirror dflt = annotation(p, ComponentValidator.DEFAULT);
    if (outPath != null) {
      reporter.error(p, outPath, Message.PIPELINE_OUTPUT_PATH, name);
      return null;
    }
    String typeName = inPath == null ? "Dataset" : stringValue(inPath, "value").isEmpty() ? "" : stringValue(inPath, "value");
    if (mapper.artifactListItem(type) != null) { // List<Dataset>: KFP's Input[List[Dataset]]
      String simple = ((DeclaredType) mapper.artifactListItem(type)).asElement().getSimpleName().toString();
      reporter.error(p, Message.PIPELINE_PARAMETER_ARTIFACT, name, type, "Input[List[" + simple + "]]", list(simple, name));
      return null;
    }
    if (mapper.isArtifact(inner != null ? inner : type)) {
      String simple = ((DeclaredType) (inner != null ? inner : type)).asElement().getSimpleName().toString();
      reporter.error(p, Message.PIPELINE_PARAMETER_ARTIFACT, name, type, kfp(simple, inner != null), write(simple, inner != null, name));
      return null;
    }
    if (mapper.isPathList(type) && inPath == null) {
      reporter.error(p, Message.PIPELINE_PARAMETER_ARTIFACT, name, type, "Input[List[Dataset]]", list("Dataset", name));
      return null;
    }
    if (inner != null) { // Optional<Path>
      reporter.error(p, Message.PIPELINE_PARAMETER_ARTIFACT, name, type, kfp(typeName, true), write(typeName, true, name));
      return null;
    }
    if (inPath == null) { // a bare Path
      reporter.error(p, Message.PIPELINE_PATH_UNMARKED, name, write("Dataset", Nullable.marks(p), name), name);
      return null;
    }
    if (mapper.isPathList(type) && (Nullable.marks(p) || dflt != null)) { // as a component's: a loop over no items gives an empty list
      reporter.error(p, dflt != null ? dflt : inPath, Message.PIPELINE_ARTIFACT_LIST_OPTIONAL, name, dflt != null ? "@Default" : "@Nullable",
          list(typeName, name));
      return null;
    }
    if (!mapper.isType(type, PATH) && !mapper.isPathList(type)) {
      reporter.error(p, inPath, Message.PIPELINE_INPUT_PATH_TYPE, name, type, write(typeName, Nullable.marks(p), name));
      return null;
    }
    if (dflt != null) {
      reporter.error(p, dflt, Message.PIPELINE_ARTIFACT_DEFAULT, name, kfp(typeName, false), write(typeName, true, name),
          kfp(typeName, true));
      return null;
    }
    String title = schemaTitle(typeName);
    if (title == null) {
      reporter.error(p, inPath, Message.PIPELINE_ARTIFACT_TYPE, typeName, name, String.join(", ", TypeMapper.ARTIFACT_TYPES), name);
      return null;
    }
    return new PipelineModel.Parameter(name, ValueKind.FILE, TypeName.get(type), null, Nullable.marks(p), description, title);
  }

  /**
   * The schema title of an artifact of type {@code name}, as {@code @InputPath} names it: untyped, {@code system.Artifact};
   * one of kfp4j's artifact types, {@code system.<name>}; a schema title ({@code google.VertexModel}), as it is; else null
   * (a KFP v1 file type such as {@code CSV}, which a KFP 2 pipeline's input has no form of).
   */
  public static String schemaTitle(String name) {
    if (name.isEmpty()) {
      return "system.Artifact";
    }
    if (TypeMapper.ARTIFACT_TYPES.contains(name)) {
      return "system." + name;
    }
    return TypeSpec.named(name).isSchemaTitle() ? name : null;
  }

  /** KFP's Python for an input artifact of type {@code type}: {@code Input[Dataset]}, {@code Optional[Input[Dataset]] = None}. */
  private static String kfp(String type, boolean optional) {
    String t = "Input[" + (type.isEmpty() ? "Artifact" : type) + "]";
    return optional ? "Optional[" + t + "] = None" : t;
  }

  /** The Java to write for a list of artifacts: {@code @InputPath("Dataset") List<Path> data}. */
  private static String list(String type, String name) {
    return "@InputPath" + (type.isEmpty() ? "" : "(\"" + type + "\")") + " List<Path> " + name;
  }

  /** The Java to write: {@code @InputPath("Dataset") Path data}, {@code @Nullable} first when it may be left out. */
  private static String write(String type, boolean optional, String name) {
    return (optional ? "@Nullable " : "") + "@InputPath" + (type.isEmpty() ? "" : "(\"" + type + "\")") + " Path " + name;
  }
}
