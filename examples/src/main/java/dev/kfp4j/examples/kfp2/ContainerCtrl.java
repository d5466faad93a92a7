package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.ImportComponents;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/**
 * The Java port of KFP 2.17's {@code container_ctrl.py}: a container component under a condition
 * and a loop. The component is a KFP 2 component file of this project's ({@code add.yaml} beside
 * this class: {@code sh -c} adding two numbers, as KFP's), imported as {@code ContainerCtrlOps.add}.
 */
@ImportComponents("dev/kfp4j/examples/kfp2/add.yaml")
public final class ContainerCtrl {
  private ContainerCtrl() {}

  /**
   * Adds a and b; when the sum is over 4, adds it to 10, 20 and 30.
   *
   * @param a a number
   * @param b another
   */
  @Pipeline(name = "container-if-loop")
  public static void containerIfLoop(@Default("3") int a, @Default("2") int b) {
    var s = ContainerCtrlOps.add(a, b);
    Dsl.when(Dsl.gt(s.output(), 4), () -> Dsl.forEach(List.of(10, 20, 30), item -> ContainerCtrlOps.add(s.output(), item)));
  }
}
