package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.util.Optional;

/**
 * KFP's parallel_and_nested/nested_pipeline_opt_input_child_level.py: a called pipeline whose defaults the call overrides
 * for some parameters ({@code null} leaves the others to their defaults), each given to a component's input that
 * defaults to None ({@code Optional}). Its numbers and booleans are boxed, so that a call may give them {@code null}.
 */
public final class NestedPipelineOptInputChildLevel {
  private NestedPipelineOptInputChildLevel() {}

  private static void check(Object expected, Optional<?> actual) {
    if (!Optional.of(expected).equals(actual)) {
      throw new IllegalArgumentException("componentInput should be " + expected + " but is " + actual);
    }
  }

  @Component
  public static void componentAStr(Optional<String> componentInputStr) {
    check("Input - pipeline", componentInputStr);
  }

  @Component
  public static void componentBStr(Optional<String> componentInputStr) {
    check("Input 2 - nested pipeline", componentInputStr);
  }

  @Component
  public static void componentAInt(Optional<Long> componentInputInt) {
    check(1L, componentInputInt);
  }

  @Component
  public static void componentBInt(Optional<Long> componentInputInt) {
    check(0L, componentInputInt);
  }

  @Component
  public static void componentABool(Optional<Boolean> componentInputBool) {
    check(true, componentInputBool);
  }

  @Component
  public static void componentBBool(Optional<Boolean> componentInputBool) {
    check(false, componentInputBool);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipeline(@Default("Input 1 - nested pipeline") String nestedInputStr1,
      @Default("Input 2 - nested pipeline") String nestedInputStr2, @Default("0") Long nestedInputInt1,
      @Default("0") Long nestedInputInt2, @Default("False") Boolean nestedInputBool1,
      @Default("False") Boolean nestedInputBool2) {
    NestedPipelineOptInputChildLevelOps.componentAStr(nestedInputStr1).caching(false);
    NestedPipelineOptInputChildLevelOps.componentBStr(nestedInputStr2).caching(false);
    NestedPipelineOptInputChildLevelOps.componentAInt(nestedInputInt1).caching(false);
    NestedPipelineOptInputChildLevelOps.componentBInt(nestedInputInt2).caching(false);
    NestedPipelineOptInputChildLevelOps.componentABool(nestedInputBool1).caching(false);
    NestedPipelineOptInputChildLevelOps.componentBBool(nestedInputBool2).caching(false);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipelineOptInputChildLevel() {
    // validate that input value overrides default value, and that when input is not provided, default is used.
    nestedPipeline("Input - pipeline", null, 1L, null, true, null);
  }
}
