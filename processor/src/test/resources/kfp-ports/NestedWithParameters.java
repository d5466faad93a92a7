package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/**
 * KFP's nested_with_parameters.py: the values of a task in a loop nested in another, collected ({@code dsl.Collected})
 * through both loops by a {@code Dsl.collected()} list declared before them, given to a task after them and returned.
 * KFP's {@code add} takes {@code List[List[int]]} and chains them; the list is one flat list, as KFP's driver gathers it
 * (both are KFP's {@code LIST}), so Java's {@code add} takes a {@code List<Integer>}.
 */
public final class NestedWithParameters {
  private NestedWithParameters() {}

  @Component(name = "double")
  public static int doubleIt(int num) {
    return 2 * num;
  }

  @Component
  public static int add(List<Integer> nums) {
    return nums.stream().mapToInt(Integer::intValue).sum();
  }

  @Component
  public static int addTwoNums(int x, int y) {
    return x + y;
  }

  @Pipeline(formats = Format.KFP2)
  public static List<Integer> mathPipeline() {
    List<Integer> sums = Dsl.collected();
    Dsl.forEach(List.of(1, 2, 3), x -> Dsl.forEach(List.of(1, 2, 3), y -> {
      var t1 = NestedWithParametersOps.doubleIt(x);
      var t2 = NestedWithParametersOps.doubleIt(y);
      sums.add(NestedWithParametersOps.addTwoNums(t1.output(), t2.output()).output());
    }));
    NestedWithParametersOps.add(sums);
    return sums;
  }
}
