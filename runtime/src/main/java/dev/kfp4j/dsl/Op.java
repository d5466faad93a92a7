package dev.kfp4j.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put by the processor on generated op methods: names the component the op calls, whose spec is
 * the classpath resource {@code META-INF/kfp4j/components/<value>.yaml}. The processor reads it
 * when a {@code @Pipeline} body calls the op, also from a jar compiled earlier.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Op {
  /** The component name. */
  String value();

  /**
   * The classpath resource holding the component spec; default {@code
   * META-INF/kfp4j/components/<value>.yaml}.
   */
  String spec() default "";

  /**
   * The input each parameter of the op method passes, in parameter order; left out when the op
   * passes all the spec's inputs, in the spec's order.
   */
  String[] inputs() default {};

  /** Put on the output accessors of generated task classes: names the output. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface Output {
    String value();
  }
}
