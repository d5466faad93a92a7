package dev.kfp4j.image;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import dev.kfp4j.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project's Java components, as {@code mvn compile} wrote them to the class output ({@code
 * META-INF/kfp4j/components/*.yaml}): the components whose command is a kfp4j entrypoint, and the
 * image each names. Components of other tools in the same folder are not the project's image's.
 *
 * @param classes the class output they were read from
 * @param components each Java component, by file name order
 */
public record JavaComponents(Path classes, List<Component> components) {
  /** Where {@code mvn compile} writes the component specs, under the class output. */
  public static final String FOLDER = "META-INF/kfp4j/components";

  /** A Java component: its name, its generated entrypoint class, and the image it names. */
  public record Component(String name, String entrypointClass, String image) {}

  public JavaComponents {
    components = List.copyOf(components);
  }

  /** Reads the component specs in {@code classes}; a spec that does not load is an {@link IllegalArgumentException} naming it. */
  public static JavaComponents read(Path classes) {
    Path dir = classes.resolve(FOLDER);
    List<Component> found = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          ComponentSpec spec;
          try {
            spec = ComponentYaml.read(f);
          } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage());
          }
          ContainerSpec c = spec.container();
          if (c != null) {
            JavaEntrypoint.of(c).ifPresent(e -> found.add(new Component(spec.name(), e.entrypointClass(), c.image())));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return new JavaComponents(classes, found);
  }

  /** The images the components name, sorted; {@link ContainerSpec#NO_IMAGE} left out. */
  public Set<String> images() {
    Set<String> images = new TreeSet<>();
    for (Component c : components) {
      if (!c.image().equals(ContainerSpec.NO_IMAGE)) {
        images.add(c.image());
      }
    }
    return images;
  }

  /** The components that name {@code image}, or name none ({@link ContainerSpec#NO_IMAGE}), and so run in the project's image. */
  public List<Component> in(String image) {
    return components.stream().filter(c -> c.image().equals(image) || c.image().equals(ContainerSpec.NO_IMAGE)).toList();
  }

  /**
   * The project's image: {@code requested} when given, else the one image the components name. It
   * is an {@link IllegalArgumentException}, naming both, when {@code requested} is not the image the
   * components were compiled with, and one that says how to name it when there is none or several.
   */
  public String projectImage(String requested) {
    return projectImage(requested, "--image");
  }

  /** {@link #projectImage(String)}, its errors naming the option that names the image as {@code imageOption}. */
  public String projectImage(String requested, String imageOption) {
    Set<String> named = images();
    if (requested != null && !requested.isBlank()) {
      if (!named.isEmpty() && !named.contains(requested)) {
        throw new IllegalArgumentException("the image to build is '" + requested + "', but the components in " + classes
            + " name " + quoted(named) + ": build the image they name, or compile them with -Akfp4j.image=" + requested
            + " (one setting for both: a property such as kfp4j.image in the pom, used by -Akfp4j.image and by the goal)");
      }
      return requested;
    }
    if (named.size() == 1) {
      return named.iterator().next();
    }
    if (named.isEmpty()) {
      throw new IllegalArgumentException(components.isEmpty()
          ? "no Java component in " + classes.resolve(FOLDER) + "; run 'mvn compile', or name the image to build with " + imageOption
          : "the components in " + classes + " name no image (compiled without -Akfp4j.image); name the image to build with " + imageOption + ", "
              + "and the same in run_config.image of the config file for the cluster");
    }
    throw new IllegalArgumentException("the components in " + classes + " name several images, " + quoted(named)
        + "; name the one to build with " + imageOption);
  }

  private static String quoted(Set<String> images) {
    return String.join(", ", images.stream().map(i -> "'" + i + "'").toList());
  }
}
