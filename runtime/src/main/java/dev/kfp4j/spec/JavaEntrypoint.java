package dev.kfp4j.spec;

import java.util.List;
import java.util.Optional;

/**
 * A component kfp4j generated from a {@code @Component} method: its container runs {@code java -cp
 * <IMAGE_CLASSPATH> <entrypoint class> <component>}, the generated entrypoint that speaks both
 * KFP v1's argument protocol and KFP 2's executor input. Formats and runners recognise kfp4j's
 * Java steps by that command.
 *
 * @param entrypointClass the generated entrypoint, such as {@code dev.acme.StepsEntrypoint}
 * @param component the component's name, which the entrypoint takes first
 */
public record JavaEntrypoint(String entrypointClass, String component) {
  /** The flag that passes KFP 2's executor input to the entrypoint, as KFP's lightweight components take it. */
  public static final String EXECUTOR_INPUT_FLAG = "--executor_input";

  /** The command that starts it in a kfp4j image. */
  public List<Placeholder> command() {
    return List.of(Placeholder.literal("java"), Placeholder.literal("-cp"), Placeholder.literal(ContainerSpec.IMAGE_CLASSPATH),
        Placeholder.literal(entrypointClass), Placeholder.literal(component));
  }

  /** The kfp4j Java entrypoint {@code container} runs, if it runs one. */
  public static Optional<JavaEntrypoint> of(ContainerSpec container) {
    List<Placeholder> c = container.command();
    if (c.size() == 5 && literal(c.get(0), "java") && literal(c.get(1), "-cp") && literal(c.get(2), ContainerSpec.IMAGE_CLASSPATH)
        && c.get(3) instanceof Placeholder.Literal cls && c.get(4) instanceof Placeholder.Literal name) {
      return Optional.of(new JavaEntrypoint(cls.value(), name.value()));
    }
    return Optional.empty();
  }

  private static boolean literal(Placeholder p, String value) {
    return p instanceof Placeholder.Literal l && l.value().equals(value);
  }
}
