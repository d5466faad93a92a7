package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/** KFP's cross_loop_after_topology.py: tasks after loops, across loops and within nested ones; Python's .after(one) of a loop's task is .after(loop). */
public final class CrossLoopAfterTopology {
  private CrossLoopAfterTopology() {}

  @Component
  public static void printOp(String message) {
    System.out.println(message);
  }

  @Pipeline(name = "my-pipeline", formats = Format.KFP2)
  public static void crossLoopAfterTopology() {
    var one = Dsl.forEach(List.of(1, 2), i -> CrossLoopAfterTopologyOps.printOp("one"));
    Dsl.forEach(List.of(1, 2), i -> CrossLoopAfterTopologyOps.printOp("two").after(one));
    Dsl.forEach(List.of(1, 2), i -> {
      var three = CrossLoopAfterTopologyOps.printOp("three");
      Dsl.forEach(List.of(1, 2), j -> CrossLoopAfterTopologyOps.printOp("four").after(three));
    });
    var five = Dsl.forEach(List.of(1, 2), i -> CrossLoopAfterTopologyOps.printOp("five"));
    CrossLoopAfterTopologyOps.printOp("six").after(five);
    Dsl.forEach(List.of(1, 2), i -> {
      var seven = Dsl.forEach(List.of(1, 2), j -> CrossLoopAfterTopologyOps.printOp("seven"));
      CrossLoopAfterTopologyOps.printOp("eight").after(seven);
    });
  }
}
