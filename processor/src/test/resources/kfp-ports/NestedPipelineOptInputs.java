package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * KFP's parallel_and_nested/nested_pipeline_opt_inputs_parent_level.py and nested_pipeline_opt_inputs_nil.py: pipelines
 * called with their parameters given or left out, defaults of each type and None ({@code @Nullable}, {@code Optional}).
 */
public final class NestedPipelineOptInputs {
  private NestedPipelineOptInputs() {}

  @Target(ElementType.PARAMETER)
  public @interface Nullable {}

  private static void check(Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException("componentInput should be " + expected + " but is " + actual);
    }
  }

  @Component
  public static void componentNilStrDefault(Optional<String> componentInput) {
    check(Optional.of("Input - parent pipeline"), componentInput);
  }

  @Component
  public static void componentStrDefault(@Default("Input - component") String componentInput) {
    check("Input - parent pipeline", componentInput);
  }

  @Component
  public static void componentNilIntDefault(Optional<Integer> componentInput) {
    check(Optional.of(1), componentInput);
  }

  @Component
  public static void componentIntDefault(@Default("0") int componentInput) {
    check(1, componentInput);
  }

  @Component
  public static void componentNilBoolDefault(Optional<Boolean> componentInput) {
    check(Optional.of(true), componentInput);
  }

  @Component
  public static void componentBoolDefault(@Default("False") boolean componentInput) {
    check(true, componentInput);
  }

  @Component
  public static void componentStr(Optional<String> componentInput) {
    check(Optional.empty(), componentInput);
  }

  @Component
  public static void componentInt(Optional<Integer> componentInput) {
    check(Optional.empty(), componentInput);
  }

  @Component
  public static void componentBool(Optional<Boolean> componentInput) {
    check(Optional.empty(), componentInput);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipelineNonNilDefaults(@Default("Input - nested pipeline") String nestedInputStr,
      @Default("0") int nestedInputInt, @Default("False") boolean nestedInputBool) {
    NestedPipelineOptInputsOps.componentStrDefault(nestedInputStr).caching(false);
    NestedPipelineOptInputsOps.componentIntDefault(nestedInputInt).caching(false);
    NestedPipelineOptInputsOps.componentBoolDefault(nestedInputBool).caching(false);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipelineNilDefaults(@Default("Input - nested pipeline") String nestedInputStr,
      @Nullable Integer nestedInputInt, @Nullable Boolean nestedInputBool) {
    NestedPipelineOptInputsOps.componentNilStrDefault(nestedInputStr).caching(false);
    NestedPipelineOptInputsOps.componentNilIntDefault(nestedInputInt).caching(false);
    NestedPipelineOptInputsOps.componentNilBoolDefault(nestedInputBool).caching(false);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipelineOptInputsParentLevel(@Default("Input - parent pipeline") String inputStr,
      @Default("1") int inputInt, @Default("True") boolean inputBool) {
    nestedPipelineNonNilDefaults(inputStr, inputInt, inputBool);
    nestedPipelineNilDefaults(inputStr, inputInt, inputBool);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipeline(@Nullable String nestedInputStr, @Nullable Integer nestedInputInt, @Nullable Boolean nestedInputBool) {
    NestedPipelineOptInputsOps.componentStr(nestedInputStr).caching(false);
    NestedPipelineOptInputsOps.componentInt(nestedInputInt).caching(false);
    NestedPipelineOptInputsOps.componentBool(nestedInputBool).caching(false);
  }

  @Pipeline(formats = Format.KFP2)
  public static void nestedPipelineOptInputsNil() {
    nestedPipeline(null, null, null);
  }
}
