package dev.kfp4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * Everything the writers need to know about one {@code @Component} method; writers read only
 * this, never the elements (the element is kept to attach generated files to their source).
 *
 * @param element the annotated method, the originating element of generated files
 * @param owner the class that declares the method
 * @param methodName the method's name
 * @param name the component name
 * @param description the component description, or null
 * @param javadoc the method's Javadoc, copied onto the op
 * @param image the container image
 * @param annotations extra {@code metadata.annotations}
 * @param labels extra {@code metadata.labels}
 * @param inputs the method's parameters in declaration order
 * @param outputs the outputs in KFP order: {@code @OutputPath} files are not in
 *     {@code ----output-paths}; returned values are
 * @param returnType the method's return type ({@code void} for none)
 * @param source the method as {@code pkg.Owner.method(types)}, for file headers
 */
public record ComponentModel(
    ExecutableElement element,
    ClassName owner,
    String methodName,
    String name,
    String description,
    String javadoc,
    String image,
    Map<String, String> annotations,
    Map<String, String> labels,
    List<InputModel> inputs,
    List<OutputModel> outputs,
    TypeName returnType,
    String source) {

  /** The generated ops class: {@code Foo} → {@code FooOps}, nested {@code A.B} → {@code A_BOps}. */
  public ClassName opsClass() {
    return generated(owner).get(0);
  }

  /** The generated entrypoint class, {@code FooEntrypoint}. */
  public ClassName entrypointClass() {
    return generated(owner).get(1);
  }

  /** The classes generated for the components of {@code owner}: its ops class, then its entrypoint class. */
  public static List<ClassName> generated(ClassName owner) {
    return List.of(ClassName.get(owner.packageName(), flatName(owner) + "Ops"),
        ClassName.get(owner.packageName(), flatName(owner) + "Entrypoint"));
  }

  /**
   * Whether the op returns a shared runtime task class ({@code ValueTask<T>} for one returned
   * value, {@code VoidTask} for none) rather than a task class of its own: only components with
   * named outputs (a record, or {@code @OutputPath} files) need their own.
   */
  public boolean sharedTask() {
    return outputs.isEmpty() || (outputs.size() == 1 && outputs.get(0).source() == OutputModel.Source.RETURN);
  }

  /** The task type the op returns: {@code ValueTask<Integer>}, {@code VoidTask} or a nested {@code AddTask}. */
  public TypeName taskType() {
    if (outputs.isEmpty()) {
      return ClassName.get("dev.kfp4j.dsl", "VoidTask");
    }
    if (sharedTask()) {
      return sharedTaskType(outputs.get(0).javaType());
    }
    return taskClass();
  }

  /** The runtime's task class for one output {@code Output} of this type: {@code IntTask}..., else {@code ValueTask<T>}. */
  public static TypeName sharedTaskType(TypeName type) {
    if (type.isPrimitive()) {
      String name = dev.kfp4j.processor.writer.TypeNames.keyword(type);
      return ClassName.get("dev.kfp4j.dsl", Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Task");
    }
    return com.palantir.javapoet.ParameterizedTypeName.get(ClassName.get("dev.kfp4j.dsl", "ValueTask"), type);
  }

  /** The task class nested in the ops class: {@code add} → {@code AddTask}. */
  public ClassName taskClass() {
    return opsClass().nestedClass(Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1) + "Task");
  }

  /** Where the component spec is written in the class output. */
  public String resourcePath() {
    return "META-INF/kfp4j/components/" + name + ".yaml";
  }

  static String flatName(ClassName c) {
    return String.join("_", c.simpleNames());
  }
}
