package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.ImportComponents;
import dev.kfp4j.annotations.Pipeline;

/**
 * KFP 2 component files, in the shape KFP 2's compiler writes them (beside this class, written for
 * the examples), imported as typed ops: Python lightweight components ({@code add_python.yaml},
 * {@code train_python.yaml}: {@code PythonComponentsOps.add(long, long)} and {@code train(long
 * epochs, Path data)}, parameters first as KFP 2 loads them, whose {@code model()} and {@code
 * metrics()} are artifacts) and a container component ({@code add_container.yaml}: {@code
 * addContainer(long a, long b)}, whose {@code sum()} is a value). The Python components take KFP
 * 2's executor input, which KFP v1 does not give, so the pipeline is KFP 2's only.
 */
@ImportComponents({"dev/kfp4j/examples/kfp2/add_python.yaml", "dev/kfp4j/examples/kfp2/train_python.yaml",
    "dev/kfp4j/examples/kfp2/add_container.yaml"})
public final class PythonComponents {
  private PythonComponents() {}

  /**
   * Makes a dataset in Java and trains on it in Python; adds in Python, then in a shell.
   *
   * @param rows how many points the dataset has
   * @return the training's loss
   */
  @Pipeline(name = "java-and-python-v2", formats = Format.KFP2)
  public static double javaAndPython(@Default("100") int rows) {
    var data = TrainingOps.makeData(rows);
    var train = PythonComponentsOps.train(10, data.data());
    var add = PythonComponentsOps.add(3, 4);
    PythonComponentsOps.addContainer(add.output(), 5);
    return train.output();
  }
}
