package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default value of a component input or pipeline parameter, in its KFP text form
 * ({@code "5"}, {@code "0.5"}, {@code "True"}, {@code "[1, 2]"}, {@code "{\"a\": 1}"}). An input
 * with a default is optional. The processor checks at compile time that the text parses as the
 * parameter's type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Default {
  String value();
}
