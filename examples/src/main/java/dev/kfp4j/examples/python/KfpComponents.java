package dev.kfp4j.examples.python;

import dev.kfp4j.annotations.ImportComponents;

/**
 * Imports components written in KFP's component format rather than in Java (under {@code
 * src/main/resources/dev/kfp4j/examples/python/}): {@code Add}, a Python program, and {@code Hash
 * file}, a shell script. The processor generates {@code KfpComponentsOps.add(long, long)} and
 * {@code KfpComponentsOps.hashFile(Path)}.
 */
@ImportComponents({
  "dev/kfp4j/examples/python/add.component.yaml",
  "dev/kfp4j/examples/python/hash_file.component.yaml"
})
public final class KfpComponents {
  private KfpComponents() {}
}
