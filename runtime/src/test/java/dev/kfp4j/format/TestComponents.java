package dev.kfp4j.format;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;

/** Components for the formats' tests. */
public final class TestComponents {
  /** Prints its one input, {@code msg}; no outputs. */
  public static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs:
      - {name: msg, type: String}
      implementation:
        container:
          image: alpine
          command: [echo, {inputValue: msg}]
      """, "echo.yaml");

  private TestComponents() {}
}
