package dev.kfp4j.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code implementation.container}: the image and command line a component runs. */
public record ContainerSpec(
    String image,
    List<Placeholder> command,
    List<Placeholder> args,
    Map<String, Placeholder> env,
    Map<String, String> fileOutputs) {
  /**
   * The classpath inside a kfp4j image, in the layout Jib writes: resources, classes, then the
   * dependency jars. A {@code @Component}'s command is {@code java -cp <this> <Entrypoint> <method>}.
   */
  public static final String IMAGE_CLASSPATH = "/app/resources:/app/classes:/app/libs/*";

  /**
   * The image of a {@code @Component} compiled with none ({@code -Akfp4j.image} unset, no {@code
   * @Component(image)}): a name in the reserved {@code .invalid} domain, which no registry has. The
   * local runner ignores images, so such a component runs locally; the cluster commands give it
   * {@code run_config.image} of the config file, and refuse to send a workflow that still has it.
   */
  public static final String NO_IMAGE = "kfp4j.invalid/no-image";

  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    fileOutputs =
        fileOutputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fileOutputs));
  }

  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor) milliseconds per record class.
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof ContainerSpec o
        && Objects.equals(image, o.image)
        && Objects.equals(command, o.command)
        && Objects.equals(args, o.args)
        && Objects.equals(env, o.env)
        && Objects.equals(fileOutputs, o.fileOutputs);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(image);
    h = 31 * h + Objects.hashCode(command);
    h = 31 * h + Objects.hashCode(args);
    h = 31 * h + Objects.hashCode(env);
    h = 31 * h + Objects.hashCode(fileOutputs);
    return h;
  }
}
