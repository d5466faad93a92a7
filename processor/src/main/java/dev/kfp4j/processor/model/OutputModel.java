package dev.kfp4j.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One output of a component: the returned value ({@code Output}), a component of a returned
 * record, or an {@code @OutputPath} file.
 *
 * @param name the KFP output name
 * @param accessor the method on the generated task that refers to it
 * @param source how the entrypoint gets it: the return value, a record accessor, or a file
 * @param recordAccessor the record component's accessor name, for {@link Source#RECORD_COMPONENT}
 * @param kind the value kind ({@link ValueKind#FILE} for files)
 * @param javaType the Java type of the value ({@code Path} for files)
 * @param kfpType the KFP type name, or null
 * @param description from Javadoc, or null
 */
public record OutputModel(
    String name,
    String accessor,
    Source source,
    String recordAccessor,
    ValueKind kind,
    TypeName javaType,
    String kfpType,
    String description) {

  /**
   * The methods of {@code Object}, its protected {@code clone} and {@code finalize} too, which no generated method may take
   * the name of (a static {@code notify()} in an ops class, an accessor {@code hashCode()}).
   */
  public static final Set<String> OBJECT_METHODS =
      Stream.of(Object.class.getDeclaredMethods()).map(java.lang.reflect.Method::getName).collect(Collectors.toUnmodifiableSet());

  /**
   * The names an output accessor may not take: the methods of {@code dev.kfp4j.dsl.Task} and {@link #OBJECT_METHODS}, which
   * an accessor of that name would override or clash with.
   */
  public static final Set<String> TASK_METHODS = Stream.concat(
          Stream.of(dev.kfp4j.dsl.Task.class.getMethods()).map(java.lang.reflect.Method::getName), OBJECT_METHODS.stream())
      .collect(Collectors.toUnmodifiableSet());

  /** Where the entrypoint takes the output from. */
  public enum Source {
    RETURN,
    RECORD_COMPONENT,
    FILE
  }

  public boolean isFile() {
    return source == Source.FILE;
  }
}
