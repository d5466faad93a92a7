package dev.kfp4j.cli;

import dev.kfp4j.image.JavaComponents;
import dev.kfp4j.image.ProjectImage;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's image: which one it is (one setting), and what {@code kfp4j image} last built of
 * it, kept beside the class output ({@code target/kfp4j-image.json}) so that {@code --pin-image}
 * can name it by digest in the uploaded pipeline.
 */
final class BuiltImage {
  /** The record's file name, beside the class output. */
  static final String FILE = "kfp4j-image.json";

  private BuiltImage() {}

  /**
   * The image the project's Java steps run in on a cluster, so the one to build: {@code
   * run_config.image} of the config when set (it is put on those steps as they are uploaded), else
   * the one image the components were compiled with ({@code -Akfp4j.image}). {@code requested}
   * ({@code --image}) may only say the same, or name it where neither does.
   *
   * @throws ConfigException when {@code requested} differs, or no image can be told, saying how to line them up
   */
  static String name(Config.RunConfig run, Path classes, String requested) {
    return name(run, classes, requested, Terms.COMMAND_LINE);
  }

  /** {@link #name(Config.RunConfig, Path, String)}, its errors naming options in {@code terms}. */
  static String name(Config.RunConfig run, Path classes, String requested, Terms terms) {
    String configured = run.image();
    if (configured != null && !configured.isBlank()) {
      if (requested != null && !requested.isBlank() && !requested.equals(configured)) {
        throw new ConfigException("the image to build is '" + requested + "', but run_config.image of the config file is '"
            + configured + "', which the cluster runs the Java steps in: drop " + terms.option("--image") + ", or set "
            + "run_config.image to it");
      }
      return configured;
    }
    try {
      return JavaComponents.read(classes).projectImage(requested, terms.option("--image"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The record's place for the class output {@code classes}. */
  static Path file(Path classes) {
    Path parent = classes.toAbsolutePath().normalize().getParent();
    return (parent != null ? parent : classes.toAbsolutePath()).resolve(FILE);
  }

  /** Writes what was built, as JSON (no time in it: the same build writes the same file). */
  static Path write(Path classes, ProjectImage.Built built) throws IOException {
    ObjectNode n = Yaml.json().createObjectNode();
    n.put("image", built.image());
    n.put("target", built.target().name().toLowerCase(java.util.Locale.ROOT));
    n.put("digest", built.digest());
    n.put("imageId", built.imageId());
    n.put("pinned", built.pinned());
    Path f = file(classes);
    Files.createDirectories(f.getParent());
    Files.writeString(f, Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    return f;
  }

  /**
   * {@code run} with its image pinned to the digest {@code kfp4j image} last pushed, for {@code
   * --pin-image}: the record must be of a push to a registry, of the image the Java steps run in.
   *
   * @throws ConfigException when there is no such record, saying what to run
   */
  static Config.RunConfig pinned(Config.RunConfig run, Path classes) {
    return pinned(run, classes, Terms.COMMAND_LINE);
  }

  /** {@link #pinned(Config.RunConfig, Path)}, its errors naming options and commands in {@code terms}. */
  static Config.RunConfig pinned(Config.RunConfig run, Path classes, Terms terms) {
    Path f = file(classes);
    String pin = terms.option("--pin-image");
    if (!Files.isRegularFile(f)) {
      throw new ConfigException(pin + ": no image was built for " + classes + " (no " + f + "); build and push it first with '"
          + terms.command("image") + "'" + terms.orGoal("image"));
    }
    JsonNode n;
    try {
      n = Yaml.json().readTree(Files.readString(f));
    } catch (IOException | JacksonException e) {
      throw new ConfigException(pin + ": cannot read " + f + ": " + e.getMessage() + "; build the image again with '"
          + terms.command("image") + "'");
    }
    String image = n.path("image").asString("");
    String pinned = n.path("pinned").asString("");
    if (!"registry".equals(n.path("target").asString("")) || !pinned.contains("@sha256:")) {
      throw new ConfigException(pin + ": " + image + " was not pushed to a registry (" + f + " says " + n.path("target").asString("")
          + "), so it has no digest a cluster can pull; build it with '" + terms.command("image", "--to", "registry") + "'");
    }
    String expected = name(run, classes, null, image, terms);
    if (!expected.equals(image)) {
      throw new ConfigException(pin + ": the image last built, '" + image + "', is not the one the Java steps run in, '" + expected
          + "'; build that one with '" + terms.command("image") + "'");
    }
    return new Config.RunConfig(pinned, run.imagePullPolicy(), run.experimentName(), run.runName(), run.description(),
        run.waitForCompletion(), run.timeoutSeconds(), run.ttlSeconds(), run.volume(), run.resources());
  }

  /** {@link #name}, where components compiled without an image take {@code built}: the pinned image fills them in. */
  private static String name(Config.RunConfig run, Path classes, String requested, String built, Terms terms) {
    JavaComponents components = JavaComponents.read(classes);
    if ((run.image() == null || run.image().isBlank()) && components.images().isEmpty()) {
      return built;
    }
    return name(run, classes, requested, terms);
  }
}
