package dev.kfp4j.image;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples as a project to build an image of, from this test's class path (which holds them
 * and their runtime dependencies): {@code examples/target/classes}, and what {@code kfp4j-examples}
 * needs at run time: the kfp4j annotations, runtime and entrypoint, Jackson and SnakeYAML.
 */
final class ExamplesProject {
  private static final List<String> RUNTIME = List.of("kfp4j-annotations", "annotations/target/classes", "kfp4j-runtime",
      "runtime/target/classes", "kfp4j-entrypoint", "entrypoint/target/classes", "/tools/jackson/", "/jackson-annotations", "snakeyaml");

  private ExamplesProject() {}

  /** The examples' class output. */
  static Path classes() {
    for (String entry : classPath()) {
      Path p = Path.of(entry);
      if (p.endsWith(Path.of("examples", "target", "classes"))) {
        return p;
      }
    }
    Path reactor = Path.of("..", "examples", "target", "classes").toAbsolutePath().normalize();
    if (Files.isDirectory(reactor)) {
      return reactor;
    }
    throw new IllegalStateException("no examples/target/classes on the class path: " + classPath());
  }

  /** The examples' runtime dependencies. */
  static List<Path> dependencies() {
    List<Path> deps = new ArrayList<>();
    for (String entry : classPath()) {
      String unix = entry.replace('\\', '/');
      if (RUNTIME.stream().anyMatch(unix::contains) && !unix.contains("examples")) {
        deps.add(Path.of(entry));
      }
    }
    return deps;
  }

  /** Only what an entrypoint needs: the lean image of the README. */
  static List<Path> entrypointOnly() {
    return dependencies().stream().filter(p -> p.toString().contains("entrypoint")).toList();
  }

  private static List<String> classPath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
