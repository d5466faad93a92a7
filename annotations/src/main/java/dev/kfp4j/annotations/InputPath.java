package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@code java.nio.file.Path} (or {@code String}) parameter of a {@link Component} method a
 * file input: the method receives the path of a local file holding the data, as KFP's
 * {@code InputPath} does. A trailing {@code Path} or {@code File} is dropped from the input name
 * ({@code dataPath} is the input {@code data}), as the KFP SDK drops {@code _path}/{@code _file}.
 *
 * <p>On a {@link Pipeline} method's {@code Path} parameter, an artifact the pipeline takes, as KFP's {@code in_dataset:
 * Input[Dataset]}: {@code @InputPath("Dataset") Path inDataset}, given to its tasks' artifact inputs as a task's artifact
 * output is, and given a task's artifact by a pipeline calling it (a run is given values only, so such a pipeline is
 * written for KFP 2 only). Its name is the parameter's as written. {@code @Nullable} makes it one a call may leave out
 * ({@code Optional[Input[Dataset]] = None}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface InputPath {
  /** The KFP type name of the data, such as {@code CSV} or {@code Model}; empty for untyped. */
  String value() default "";
}
