package dev.kfp4j.processor.graph;

import dev.kfp4j.processor.base.Position;

/**
 * A place in the body that names a task: reads its {@code output}, or waits for it ({@code
 * output} null, {@code after(...)}), from inside group {@code site}.
 */
public record Use(TaskHandle task, String output, Group site, Position position) {
  public boolean isAfter() {
    return output == null;
  }
}
