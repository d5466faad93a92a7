package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the compiled pipelines and components; with {@code kfp4j.checkImage}, also runs each Java
 * component's entrypoint in the project's image ({@code kfp4j.checkImage=true}) or the one named.
 */
@Mojo(name = "validate", threadSafe = true)
public final class ValidateMojo extends Kfp4jMojo {
  public ValidateMojo() {
    super("validate", true);
  }

  /** Where {@code mvn compile} wrote the pipelines and components. */
  @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
  File classes;

  @Override
  File classOutput() {
    return classes;
  }

  /** {@code true}: check the project's image too; an image reference: check that one. */
  @Parameter(property = "kfp4j.checkImage")
  String checkImage;

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--classes", classes);
    if (checkImage != null && !checkImage.isBlank() && !checkImage.equals("false")) {
      args.add(checkImage.equals("true") ? "--image" : "--image=" + checkImage);
      engine(args);
    }
    return args;
  }
}
