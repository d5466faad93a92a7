package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the compiled pipelines and components; with {@code kfp4j.checkImage}, also runs each Java
 * component's entrypoint in the project's image ({@code kfp4j.checkImage=true}) or the one named.
 */
@Mojo(name = "validate", threadSafe = true)
public final class ValidateMojo extends CompiledMojo {
  public ValidateMojo() {
    super("validate", true);
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
