package dev.kfp4j.examples.python;

import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Ops;
import dev.kfp4j.dsl.IntTask;

/**
 * A hand-written op for a component written by the KFP Python SDK: its spec is the classpath
 * resource {@code META-INF/kfp4j/components/python/add.component.yaml}, the SDK's own file
 * (copied there by the build from {@code ../shared/testdata}). This is the shape of op the processor
 * generates for a Java component; {@code @Op} names the spec and the input each parameter feeds.
 */
public final class PythonOps {
  private PythonOps() {}

  /**
   * The KFP SDK's {@code add(value_1: int, value_2: int) -> int}, run by {@code python3}.
   *
   * @param value1 the first number
   * @param value2 the second number
   */
  @Op(value = "python-add", spec = "META-INF/kfp4j/components/python/add.component.yaml", inputs = {"value_1", "value_2"})
  public static IntTask add(int value1, int value2) {
    return new IntTask("python-add", Ops.args("value_1", value1, "value_2", value2));
  }
}
