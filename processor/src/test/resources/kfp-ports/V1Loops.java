package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;
import java.util.Map;

/**
 * KFP 1.8.22's compiler test pipelines with loops ({@code sdk/python/tests/compiler/testdata/}, compiled files in {@code
 * kfp-v1/}): {@code withitem_basic.py} and {@code withitem_nested.py} (constant dicts, a loop over constants inside),
 * {@code withparam_global.py}, {@code withparam_global_dict.py} (a pipeline parameter), {@code withparam_output.py}, {@code
 * withparam_output_dict.py} (a task's output {@code out}) and {@code parallelfor_item_argument_resolving.py}, written in
 * Java for Argo; the tasks are Java components of the Python's names.
 */
public final class V1Loops {
  private V1Loops() {}

  public record Ab(int a, int b) {}

  public record Abs(List<Ab> out) {}

  @Component
  public static void myInCoop1(int a, int myPipeParam) {
    System.out.println("op1 " + a + " " + myPipeParam);
  }

  @Component
  public static void myInCoop2(int b) {
    System.out.println("op2 " + b);
  }

  @Component
  public static void myInnerInnerCoop(int a, int inner, int myPipeParam) {
    System.out.println("op1 " + a + " " + inner + " " + myPipeParam);
  }

  @Component
  public static void myOutCop(int myPipeParam) {
    System.out.println(myPipeParam);
  }

  @Component
  public static Abs myOutCop0() {
    return new Abs(List.of(new Ab(1, 2), new Ab(10, 20)));
  }

  @Component
  public static void myInCop1(int item) {
    System.out.println("item: " + item);
  }

  @Component
  public static void myInCop1Whole(Ab item) {
    System.out.println("item: " + item);
  }

  @Component
  public static void myOutCop2(List<Ab> outp) {
    System.out.println("outp: " + outp);
  }

  @Pipeline(name = "withitem-basic", formats = Format.ARGO)
  public static void withitemBasic(@Default("10") int my_pipe_param) {
    Dsl.forEach(List.of(new Ab(1, 2), new Ab(10, 20)), item -> {
      V1LoopsOps.myInCoop1(item.a(), my_pipe_param);
      V1LoopsOps.myInCoop2(item.b());
    });
    V1LoopsOps.myOutCop(my_pipe_param);
  }

  @Pipeline(name = "withitem-nested", formats = Format.ARGO)
  public static void withitemNested(@Default("10") int my_pipe_param) {
    Dsl.forEach(List.of(new Ab(1, 2), new Ab(10, 20)), item -> {
      V1LoopsOps.myInCoop1(item.a(), my_pipe_param);
      Dsl.forEach(List.of(100, 200, 300), innerItem -> V1LoopsOps.myInnerInnerCoop(item.a(), innerItem, my_pipe_param));
      V1LoopsOps.myInCoop2(item.b());
    });
    V1LoopsOps.myOutCop(my_pipe_param);
  }

  @Pipeline(name = "withparam-global", formats = Format.ARGO)
  public static void withparamGlobal(@Default("[3, 5, 7, 9]") List<Integer> loopidy_doop) {
    var op0 = V1LoopsOps.myOutCop0();
    Dsl.forEach(loopidy_doop, item -> V1LoopsOps.myInCop1(item).after(op0));
    V1LoopsOps.myOutCop2(op0.out());
  }

  @Pipeline(name = "withparam-global-dict", formats = Format.ARGO)
  public static void withparamGlobalDict(@Default("[{\"a\": 1, \"b\": 2}, {\"a\": 10, \"b\": 20}]") List<Ab> loopidy_doop) {
    var op0 = V1LoopsOps.myOutCop0();
    Dsl.forEach(loopidy_doop, item -> V1LoopsOps.myInCop1(item.a()).after(op0));
    V1LoopsOps.myOutCop2(op0.out());
  }

  @Pipeline(name = "withparam-output", formats = Format.ARGO)
  public static void withparamOutput() {
    var op0 = V1LoopsOps.myOutCop0();
    Dsl.forEach(op0.out(), item -> V1LoopsOps.myInCop1Whole(item));
    V1LoopsOps.myOutCop2(op0.out());
  }

  @Component
  public static void myInCop1Dict(int a) {
    System.out.println("item.a: " + a);
  }

  @Pipeline(name = "withparam-output-dict", formats = Format.ARGO)
  public static void withparamOutputDict() {
    var op0 = V1LoopsOps.myOutCop0();
    Dsl.forEach(op0.out(), item -> V1LoopsOps.myInCop1Dict(item.a()));
  }

  @Component
  public static String produceStr() {
    return "Hello";
  }

  @Component
  public static List<String> produceListOfStrings() {
    return List.of("a", "z");
  }

  @Component
  public static List<Integer> produceListOfInts() {
    return List.of(1234567890, 987654321);
  }

  @Component
  public static List<Map<String, String>> produceListOfDicts() {
    return List.of(Map.of("aaa", "aaa1", "bbb", "bbb1"), Map.of("aaa", "aaa2", "bbb", "bbb2"));
  }

  @Component
  public static void consume(String param1) {
    System.out.println(param1);
  }

  @Component
  public static void consumeInt(int param1) {
    System.out.println(param1);
  }

  @Component
  public static void consumeList(List<String> param1) {
    System.out.println(param1);
  }

  @Component
  public static void consumeInts(List<Integer> param1) {
    System.out.println(param1);
  }

  @Component
  public static void consumeDicts(List<Map<String, String>> param1) {
    System.out.println(param1);
  }

  @Pipeline(name = "parallelfor-item-argument-resolving", formats = Format.ARGO)
  public static void parallelforItemArgumentResolving() {
    var produceStrTask = V1LoopsOps.produceStr();
    var produceListOfStringsTask = V1LoopsOps.produceListOfStrings();
    var produceListOfIntsTask = V1LoopsOps.produceListOfInts();
    var produceListOfDictsTask = V1LoopsOps.produceListOfDicts();
    Dsl.forEach(produceListOfStringsTask.output(), loopItem -> {
      V1LoopsOps.consumeList(produceListOfStringsTask.output());
      V1LoopsOps.consume(loopItem);
      V1LoopsOps.consume(produceStrTask.output());
    });
    Dsl.forEach(produceListOfIntsTask.output(), loopItem -> {
      V1LoopsOps.consumeInts(produceListOfIntsTask.output());
      V1LoopsOps.consumeInt(loopItem);
    });
    Dsl.forEach(produceListOfDictsTask.output(), loopItem -> {
      V1LoopsOps.consumeDicts(produceListOfDictsTask.output());
      V1LoopsOps.consume(loopItem.get("aaa"));
    });
    // KFP's loops over constant dicts here, passing each whole ({{item}}), which Argo's validation refuses for dicts: numbers
    Dsl.forEach(List.of(1, 10), loopItem -> V1LoopsOps.consumeInt(loopItem));
  }

  /** Not one of KFP's files: a condition inside a loop over constants comparing a field of the item, as KFP 1.8 passes it in. */
  @Pipeline(name = "condition-in-loop", formats = Format.ARGO)
  public static void conditionInLoop() {
    Dsl.forEach(List.of(new Ab(1, 2), new Ab(-1, 20)), item -> Dsl.when(Dsl.gt(item.a(), 0), () -> V1LoopsOps.myInCoop2(item.b())));
  }
}
