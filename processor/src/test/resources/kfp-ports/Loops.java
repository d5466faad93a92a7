package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;
import java.util.Map;

/**
 * KFP's parallel_and_nested/pipeline_with_loops.py: loops over a pipeline parameter, a task's output and constant dicts,
 * whose item KFP's compiler numbers before the loop ({@code loop-item-param-3}, {@code for-loop-4}); and
 * pipeline_with_nested_loops.py: a loop over a field of an outer loop's item, and a loop over constants in a loop over
 * constants ({@code loop-item-param-3}, {@code for-loop-4}, {@code loop-item-param-5}, {@code for-loop-6}).
 */
public final class Loops {
  private Loops() {}

  static final List<Map<String, String>> LOOP_ARGS = List.of(Map.of("A_a", "1", "B_b", "2"), Map.of("A_a", "10", "B_b", "20"));

  @Component
  public static List<Map<String, String>> argsGeneratorOp() {
    return List.of(Map.of("A_a", "1", "B_b", "2"), Map.of("A_a", "10", "B_b", "20"));
  }

  @Component
  public static void printText(String msg) {
    System.out.println(msg);
  }

  @Component
  public static void printStruct(Map<String, String> struct) {
    System.out.println(struct);
  }

  @Pipeline(name = "pipeline-with-loops", formats = Format.KFP2)
  public static void myPipeline(@Default("[\"a\", \"b\"]") List<String> loop_parameter) {
    Dsl.forEach(loop_parameter, item -> LoopsOps.printText(item));
    var argsGenerator = LoopsOps.argsGeneratorOp();
    Dsl.forEach(argsGenerator.output(), item -> {
      LoopsOps.printStruct(item);
      LoopsOps.printText(item.get("A_a"));
      LoopsOps.printText(item.get("B_b"));
    });
    Dsl.forEach(LOOP_ARGS, item -> {
      LoopsOps.printStruct(item);
      LoopsOps.printText(item.get("A_a"));
      LoopsOps.printText(item.get("B_b"));
    });
  }

  @Component
  public static void printOp(String msg, java.util.Optional<String> msg2) {
    System.out.println("msg: " + msg + ", msg2: " + msg2.orElse(null));
  }

  public record Q(String q_a) {}

  public record P(List<Q> p_a, String p_b) {}

  @Pipeline(name = "pipeline-with-nested-loops", formats = Format.KFP2)
  public static void nestedLoops(@Default("[{\"p_a\": [{\"q_a\": \"1\"}, {\"q_a\": \"2\"}], \"p_b\": \"hello\"}, "
      + "{\"p_a\": [{\"q_a\": \"11\"}, {\"q_a\": \"22\"}], \"p_b\": \"halo\"}]") List<P> loop_parameter) {
    Dsl.forEach(loop_parameter, item -> Dsl.forEach(item.p_a(), itemPA -> LoopsOps.printOp(itemPA.q_a())));
    Dsl.forEach(List.of("1", "2"), outterItem -> {
      LoopsOps.printOp(outterItem);
      Dsl.forEach(List.of("100", "200", "300"), innerItem -> LoopsOps.printOp(outterItem, innerItem));
    });
  }
}
