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
  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    fileOutputs =
        fileOutputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fileOutputs));
  }
}
