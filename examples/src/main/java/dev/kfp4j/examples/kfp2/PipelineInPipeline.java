package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.util.List;

/**
 * KFP 2's {@code pipeline_in_pipeline_complex.py} in Java: a pipeline ({@code inner-pipeline})
 * called in a loop of another, as KFP's pipeline used as a component; kfp4j puts its tasks into
 * the calling pipeline, named after the call ({@code inner-pipeline-print-op1}). {@code
 * greet-twice} calls one pipeline twice, the second call taking the first's output, and returns
 * what the second gave.
 */
public final class PipelineInPipeline {
  private PipelineInPipeline() {}

  /**
   * Prints a message and gives it back.
   *
   * @param msg the message
   * @return the same message
   */
  @Component(name = "print-op1")
  public static String printOp1(String msg) {
    System.out.println(msg);
    return msg;
  }

  /**
   * Prints a message.
   *
   * @param msg the message
   */
  @Component(name = "print-op2")
  public static void printOp2(String msg) {
    System.out.println(msg);
  }

  /**
   * Prints a message, and says 'world' after a 'Hello', 'Bye!' after anything else.
   *
   * @param msg the message
   */
  @Pipeline(name = "inner-pipeline")
  public static void graphComponent(String msg) {
    var task = PipelineInPipelineOps.printOp1(msg);
    Dsl.when(Dsl.eq(task.output(), "Hello"), () -> PipelineInPipelineOps.printOp2("world"));
    Dsl.when(Dsl.ne(task.output(), "Hello"), () -> PipelineInPipelineOps.printOp2("Bye!"));
  }

  /**
   * Prints a message, then runs the inner pipeline once per item.
   *
   * @param msg the message
   */
  @Pipeline(name = "pipeline-in-pipeline-complex")
  public static void pipelineInPipelineComplex(@Default("Hello") String msg) {
    PipelineInPipelineOps.printOp1(msg);
    Dsl.forEach(List.of("Hello", "world!"), item -> graphComponent(item));
  }

  /**
   * Greets: prints a name after a greeting.
   *
   * @param greeting the greeting
   * @param name who is greeted
   * @return the greeting
   */
  @Pipeline(name = "greet")
  public static String greet(String greeting, String name) {
    var said = PipelineInPipelineOps.printOp1(greeting);
    PipelineInPipelineOps.printOp2(name).after(said);
    return said.output();
  }

  /**
   * Greets two people with the same greeting, the second after the first.
   *
   * @param greeting the greeting
   * @return the greeting, as the second call gave it
   */
  @Pipeline(name = "greet-twice")
  public static String greetTwice(@Default("Hello") String greeting) {
    String first = greet(greeting, "Ada");
    return greet(first, "Grace");
  }
}
