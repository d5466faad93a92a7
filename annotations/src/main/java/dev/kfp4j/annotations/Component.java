package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code public static} method as a Kubeflow Pipelines component, as
 * {@code create_component_from_func} does for a Python function.
 *
 * <p>For each annotated method the kfp4j processor generates, in the package of the enclosing
 * class {@code Foo}: a typed op in {@code FooOps}, an entrypoint in {@code FooEntrypoint}, and the
 * component spec {@code META-INF/kfp4j/components/<name>.yaml}.
 *
 * <p>Each method parameter is an input, named as the parameter (compile with {@code -parameters}
 * is not needed: the processor reads names from source). The return value is the output
 * {@code Output}; a returned {@code record} gives one output per record component; {@code void}
 * gives none.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Component {
  /**
   * The component name: lower case letters, digits and {@code -}, at most 63 characters. Defaults
   * to the method name in kebab-case ({@code addNumbers} becomes {@code add-numbers}).
   */
  String name() default "";

  /** The component description. Defaults to the first sentence block of the method's Javadoc. */
  String description() default "";

  /**
   * The container image that holds this method's class and {@code kfp4j-runtime} on its
   * classpath. Defaults to the processor option {@code kfp4j.image}. With neither, the component
   * still runs locally; on a cluster it takes {@code run_config.image} of the kfp4j config file.
   */
  String image() default "";

  /**
   * Extra entries of the component's {@code metadata.annotations}, as {@code "key=value"}
   * strings.
   */
  String[] annotations() default {};

  /**
   * Extra entries of the component's {@code metadata.labels}, as {@code "key=value"} strings.
   */
  String[] labels() default {};
}
