package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an artifact parameter of a {@link Component} method an output artifact, as KFP 2's {@code
 * Output[Model]}: the method writes it at its {@code path()} and describes it in its {@code
 * metadata()} (the artifact types are in {@code dev.kfp4j.artifacts} of {@code kfp4j-entrypoint}).
 * An artifact parameter without it is an input, as KFP's {@code Input[Dataset]}:
 *
 * <pre>{@code
 * @Component
 * public static double train(Dataset data, int epochs, @Out Model model, @Out Metrics metrics) { ... }
 * }</pre>
 *
 * <p>An annotation rather than a wrapper type such as {@code Output<Model>}: a Java method's
 * parameters are its inputs, and {@code @Out} marks the few it writes, as {@code @OutputPath} marks
 * a file it writes; the method works on a plain {@code Model}, and a test passes it one ({@code new
 * Model(path)}). The output is named as the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Out {}
