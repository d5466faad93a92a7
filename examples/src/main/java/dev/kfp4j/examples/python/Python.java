package dev.kfp4j.examples.python;

import dev.kfp4j.annotations.ImportComponents;

/**
 * Imports the KFP SDK's own Python {@code add} component (its {@code add.component.yaml}, copied
 * into the class output by the build from {@code ../shared/testdata}): the processor generates
 * {@code PythonOps.add(long value1, long value2)}.
 */
@ImportComponents("META-INF/kfp4j/components/python/add.component.yaml")
public final class Python {
  private Python() {}
}
