package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@code java.nio.file.Path} (or {@code String}) parameter of a {@link Component} method a
 * file output: the method receives a path to write to, whose parent folders already exist, as
 * KFP's {@code OutputPath} does. The output is named as the parameter less a trailing
 * {@code Path} or {@code File}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface OutputPath {
  /** The KFP type name of the data, such as {@code Model}; empty for untyped. */
  String value() default "";
}
