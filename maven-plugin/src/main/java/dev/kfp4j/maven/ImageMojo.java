package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the project's image with Jib's library and pushes it (or loads it into the local engine,
 * or writes a tar): {@code mvn compile kfp4j:image}. The image is the one the Java steps run in:
 * {@code run_config.image} of the config, else the components' ({@code -Akfp4j.image}); a
 * {@code kfp4j.image} that names another fails the build.
 */
@Mojo(name = "image", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ImageMojo extends CompiledMojo {
  public ImageMojo() {
    super("image", true);
  }

  /** The project's runtime class path: its dependencies go to /app/libs. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
  List<String> classpath;

  /** The image to build, where the components and the config name none (or the same). */
  @Parameter(property = "kfp4j.image")
  String image;

  /** The base image, with java on its PATH ({@code docker://NAME}: one the local engine has; {@code tar://FILE}). */
  @Parameter(property = "kfp4j.base")
  String base;

  /** {@code registry} (push, the default), {@code daemon} (the local engine) or {@code tar}. */
  @Parameter(property = "kfp4j.to")
  String to;

  /** The tar file of {@code to=tar}. */
  @Parameter(property = "kfp4j.tar")
  File tar;

  /** Allow plain HTTP and untrusted certificates for registries (always allowed on loopback). */
  @Parameter(property = "kfp4j.insecure", defaultValue = "false")
  boolean insecure;

  /** Then run the image check in the built image. */
  @Parameter(property = "kfp4j.check", defaultValue = "false")
  boolean check;

  /** Build the image without a class-data-sharing archive of its steps' classes. */
  @Parameter(property = "kfp4j.noClassDataArchive", defaultValue = "false")
  boolean noClassDataArchive;

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    option(args, "--classes", classes);
    if (classpath != null) {
      option(args, "--classpath", String.join(File.pathSeparator, classpath));
    }
    option(args, "--image", image);
    option(args, "--base", base);
    option(args, "--to", to);
    option(args, "--tar", tar);
    flag(args, "--insecure", insecure);
    flag(args, "--check", check);
    flag(args, "--no-class-data-archive", noClassDataArchive);
    engine(args);
    return args;
  }
}
