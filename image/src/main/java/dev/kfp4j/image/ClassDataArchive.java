package dev.kfp4j.image;

import dev.kfp4j.spec.ContainerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A class-data-sharing archive (AppCDS) of what the project's steps load, made by the image's own
 * {@code java} in a container of the image (so by the JVM build the steps run on, on the jars at
 * the paths and times they have there): {@link ArchiveTraining} runs with {@code
 * -XX:DumpLoadedClassList}, then {@code java -Xshare:dump} writes the archive of those classes,
 * and of those alone, not of the JDK's default list too: JDKs of the last years (17.0.15 among
 * them: {@code ArchiveRelocationMode=1}) map an archive at a random address and so rewrite every
 * pointer in it as they start, which costs in proportion to its size, more than loading from the
 * JDK's modules the few classes a step's own code adds (bench/results.md, section 4). The image then starts
 * every {@code java} with {@link #OPTIONS}: a JVM whose class path or build does not match the
 * archive starts as it would without it.
 */
final class ClassDataArchive {
  /** Where the archive is in the image. */
  static final String FILE = "/app/kfp4j.jsa";
  /** The options the image's {@code java} starts with ({@code JDK_JAVA_OPTIONS}); {@code -Xshare:auto}: a mismatch never fails a step. */
  static final String OPTIONS = "-XX:SharedArchiveFile=" + FILE + " -Xshare:auto";
  /** Where the work folder is mounted in the container. */
  private static final String MOUNT = "/kfp4j-cds";
  private static final String TRAINING = ArchiveTraining.class.getName();

  private ClassDataArchive() {}

  /**
   * Makes the archive of {@code components}' classes in {@code image} (which the engine has) in
   * {@code work}, and returns it; an {@link IOException} saying why when the engine or the image's
   * {@code java} cannot.
   */
  static Path make(List<String> engine, String image, List<JavaComponents.Component> components, Path work) throws IOException {
    Path training = work.resolve("training");
    Path file = training.resolve(TRAINING.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    try (InputStream in = ArchiveTraining.class.getResourceAsStream("ArchiveTraining.class")) {
      Files.copy(in, file);
    }
    List<String> train = new ArrayList<>(List.of("-XX:DumpLoadedClassList=" + MOUNT + "/loaded.txt",
        "-cp", MOUNT + "/training:" + ContainerSpec.IMAGE_CLASSPATH, TRAINING));
    for (JavaComponents.Component c : components) {
      train.add(c.entrypointClass());
      train.add(c.name());
    }
    java(engine, image, work, train);
    Files.write(work.resolve("classes.txt"), classes(work.resolve("loaded.txt")));
    java(engine, image, work, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + MOUNT + "/classes.txt",
        "-XX:SharedArchiveFile=" + MOUNT + "/kfp4j.jsa", "-cp", ContainerSpec.IMAGE_CLASSPATH));
    Path archive = work.resolve("kfp4j.jsa");
    if (!Files.isRegularFile(archive)) {
      throw new IOException("java -Xshare:dump wrote no archive");
    }
    return archive;
  }

  /**
   * The classes the training loaded, each once, without the training's own (the class, and the
   * lambdas it made: {@code @lambda-proxy} lines naming it).
   */
  static List<String> classes(Path loaded) throws IOException {
    String training = TRAINING.replace('.', '/');
    Set<String> lines = new LinkedHashSet<>();
    for (String line : Files.readAllLines(loaded, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(training)
          && !line.startsWith("@lambda-proxy " + training + " ")) {
        lines.add(line);
      }
    }
    return new ArrayList<>(lines);
  }

  private static void java(List<String> engine, String image, Path work, List<String> args) throws IOException {
    List<String> run = new ArrayList<>(List.of("run", "--rm", "--volume", work.toAbsolutePath() + ":" + MOUNT, "--entrypoint", "java",
        image));
    run.addAll(args);
    Engines.run(engine, run.toArray(String[]::new));
  }
}
