package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Imports KFP v1 component specs (YAML written by the KFP SDK or by hand, such as the KFP
 * component library's {@code component.yaml} files) as typed ops. On a class {@code Foo}, the
 * processor generates {@code FooOps} with one op per file: parameters typed from the KFP input
 * types, required inputs first, Javadoc from the descriptions. Use them in {@code @Pipeline}
 * methods like the ops of {@code @Component} methods.
 *
 * <pre>{@code
 * @ImportComponents("components/add.component.yaml")
 * final class Library {}
 * // LibraryOps.add(3, 4).output()
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ImportComponents {
  /**
   * Classpath resources holding component YAML, such as {@code components/add.component.yaml}
   * in {@code src/main/resources} or in a jar on the compile classpath.
   */
  String[] value();
}
