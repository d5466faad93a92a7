package dev.kfp4j.examples.python;

import dev.kfp4j.annotations.ImportComponents;

/**
 * Imports components written elsewhere (copied into the class output by the build from {@code
 * ../shared/testdata}): the KFP SDK's own Python {@code add}, and {@code Calculate data hash} from
 * KFP's component library. The processor generates {@code KfpComponentsOps.add(long, long)} and
 * {@code KfpComponentsOps.calculateDataHash(Path)}.
 */
@ImportComponents({
  "META-INF/kfp4j/components/python/add.component.yaml",
  "META-INF/kfp4j/components/library/basics/Calculate_hash/component.yaml"
})
public final class KfpComponents {
  private KfpComponents() {}
}
