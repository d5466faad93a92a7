package dev.kfp4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that reads the pipelines {@code mvn compile} wrote ({@code kfp4j.classes}): its parent of packaging pom skips it
 * ({@link Kfp4jMojo#elsewhere}). maven-plugin-plugin reads this parameter and its Javadoc into each such goal's descriptor.
 */
abstract class CompiledMojo extends Kfp4jMojo {
  /** A goal running the {@code kfp4j} command {@code command}, with the config file or not. */
  CompiledMojo(String command, boolean usesConfig) {
    super(command, usesConfig);
  }

  /** Where {@code mvn compile} wrote the pipelines and components: the class output, with its resources. */
  @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
  File classes;

  @Override
  final File classOutput() {
    return classes;
  }
}
