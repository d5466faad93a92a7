package dev.kfp4j.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.InputModel.Role;
import dev.kfp4j.processor.model.ValueKind;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a component parameter of an artifact type ({@code Dataset data}, {@code @Out Model
 * model}) and gives its input or output; every problem is reported on the parameter.
 */
final class ArtifactParameters {
  private final Reporter reporter;
  private final TypeMapper mapper;

  ArtifactParameters(Reporter reporter, TypeMapper mapper) {
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /**
   * {@code @Out Model model}: an output artifact, or one of KFP v1's UI files; null after reporting
   * an error. {@code path} is its {@code @InputPath} or {@code @OutputPath}, if any.
   */
  InputModel output(VariableElement p, AnnotationMirror out, AnnotationMirror path, AnnotationMirror dflt, String description) {
    String javaName = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    if (mapper.isType(type, TypeMapper.FINAL_STATUS)) {
      reporter.error(p, out, Message.FINAL_STATUS_OUT, javaName, type);
      return null;
    }
    if (mapper.optionalArgument(type) != null || dflt != null) {
      reporter.error(p, dflt != null ? dflt : out, Message.OUT_OPTIONAL, javaName, dflt != null ? "@Default" : "the Optional");
      return null;
    }
    if (mapper.artifactListItem(type) != null) {
      reporter.error(p, out, Message.OUT_ARTIFACT_LIST, javaName, type, mapper.artifactListItem(type), javaName);
      return null;
    }
    String v1Output = TypeMapper.v1UiOutput(type);
    if (v1Output != null) {
      if (path != null) {
        reporter.error(p, path, Message.OUT_WITH_PATH, javaName, path.getAnnotationType().asElement().getSimpleName(),
            ((DeclaredType) type).asElement().getSimpleName(), javaName);
        return null;
      }
      // KFP v1's UI files: file outputs under the SDK's names (mlpipeline_metrics_path: OutputPath('Metrics'))
      return new InputModel(javaName, v1Output, Role.OUTPUT_PATH, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
          false, false, v1Output.equals(TypeMapper.MLPIPELINE_METRICS) ? "Metrics" : null, false, null, description);
    }
    String artifact;
    try {
      artifact = mapper.artifactType(type);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (artifact == null) {
      reporter.error(p, out, Message.OUT_NOT_ARTIFACT, javaName, type);
      return null;
    }
    if (path != null) {
      reporter.error(p, path, Message.OUT_WITH_PATH, javaName, path.getAnnotationType().asElement().getSimpleName(), artifact, javaName);
      return null;
    }
    return new InputModel(javaName, javaName, Role.OUTPUT_ARTIFACT, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
        false, false, artifact, false, null, description);
  }

  /**
   * {@code List<Model> models}: an input taking a list of artifacts of type {@code item} (KFP 2's {@code
   * Input[List[Model]]}), which the artifacts a loop collects feed; null after reporting an error.
   */
  InputModel inputList(VariableElement p, TypeMirror item, AnnotationMirror path, AnnotationMirror dflt, String description) {
    String javaName = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    String artifact;
    try {
      artifact = mapper.artifactType(item);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (path != null) {
      reporter.error(p, path, Message.ARTIFACT_LIST_WITH_PATH, javaName, type, path.getAnnotationType().asElement().getSimpleName(),
          artifact, javaName);
      return null;
    }
    if (dflt != null || mapper.optionalArgument(type) != null) {
      reporter.error(p, dflt, Message.ARTIFACT_LIST_OPTIONAL, javaName, dflt != null ? "@Default" : "the Optional", artifact, javaName);
      return null;
    }
    return new InputModel(javaName, javaName, Role.INPUT_ARTIFACTS, ValueKind.FILE, TypeName.get(type), TypeName.get(item),
        false, false, artifact, false, null, description);
  }

  /** {@code Dataset data} or {@code Optional<Dataset> data}: an input artifact; null after reporting an error. */
  InputModel input(VariableElement p, String artifact, AnnotationMirror path, AnnotationMirror dflt, String description) {
    String javaName = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    TypeMirror inner = mapper.optionalArgument(type);
    if (path != null) {
      reporter.error(p, path, Message.ARTIFACT_WITH_PATH, javaName, artifact, path.getAnnotationType().asElement().getSimpleName(),
          artifact, javaName, artifact, javaName);
      return null;
    }
    if (dflt != null) {
      reporter.error(p, dflt, Message.ARTIFACT_DEFAULT, javaName, artifact);
      return null;
    }
    return new InputModel(javaName, javaName, Role.INPUT_ARTIFACT, ValueKind.FILE, TypeName.get(type),
        TypeName.get(inner != null ? inner : type), inner != null, false, artifact, inner != null, null, description);
  }
}
