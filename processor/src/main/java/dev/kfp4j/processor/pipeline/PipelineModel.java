package dev.kfp4j.processor.pipeline;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.model.ValueKind;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Pipeline} method's signature and settings, known in the round (before its body is
 * read), so the pipeline class can be generated then.
 */
public record PipelineModel(
    ExecutableElement element,
    ClassName owner,
    String methodName,
    String name,
    String description,
    String serviceAccount,
    List<Parameter> parameters,
    String source) {

  /** A pipeline parameter. */
  public record Parameter(String name, ValueKind kind, TypeName javaType, String kfpType, String defaultText) {}

  public ClassName pipelineClass() {
    String simple = Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1) + "Pipeline";
    return ClassName.get(owner.packageName(), simple);
  }

  public String resourcePath() {
    return "META-INF/kfp4j/pipelines/" + name + ".yaml";
  }

  public Parameter parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
