package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.ImportComponents;
import dev.kfp4j.annotations.Pipeline;

/**
 * KFP files whose components are loaded from text, in Java: essential/pipeline_with_after.py (a task after two others),
 * pipeline_with_concat_placeholder.py (a concat placeholder) and essential/pipeline_with_if_placeholder.py's
 * pipeline_none (if placeholders, one with an else, of inputs left out), the components' text in
 * {@code kfp-ports/components/};
 * essential/pipeline_with_reused_component.py (three tasks of KFP 2's component file critical/add_numbers.yaml, also in
 * {@code kfp-ports/components/}) and critical/multiple_parameters_namedtuple.py (a NamedTuple returned through two called pipelines, caching off on
 * its container tasks).
 */
public final class PlaceholderPorts {
  private PlaceholderPorts() {}

  /** The components loaded from text, and the KFP 2 component file. */
  @ImportComponents({"kfp-ports/components/print_text.yaml", "kfp-ports/components/component_with_concat_placeholder.yaml",
      "kfp-ports/components/add_numbers.yaml", "kfp-ports/components/component_with_optional_inputs.yaml"})
  public static final class Texts {
    private Texts() {}
  }

  @Pipeline(name = "pipeline-with-after", formats = Format.KFP2)
  public static void pipelineWithAfter() {
    var task1 = PlaceholderPorts_TextsOps.printText("1st task");
    var task2 = PlaceholderPorts_TextsOps.printText("2nd task").after(task1);
    PlaceholderPorts_TextsOps.printText("3rd task").after(task1, task2);
  }

  @Pipeline(name = "one-step-pipeline-with-concat-placeholder", formats = Format.KFP2)
  public static void pipelineWithConcatPlaceholder() {
    PlaceholderPorts_TextsOps.componentWithConcatPlaceholder("one", "two");
  }

  @Pipeline(name = "one-step-pipeline-with-if-placeholder-supply-none", formats = Format.KFP2)
  public static void pipelineNone(@Default("input0") String input0) {
    // supply neither optional_input_1 nor optional_input_2
    PlaceholderPorts_TextsOps.componentWithOptionalInputs(input0);
  }

  @Pipeline(name = "pipeline-with-reused-component", formats = Format.KFP2)
  public static void pipelineWithReusedComponent(@Default("2") long a, @Default("5") long b) {
    var firstAddTask = PlaceholderPorts_TextsOps.addNumbers(a, 3);
    var secondAddTask = PlaceholderPorts_TextsOps.addNumbers(firstAddTask.output(), b);
    PlaceholderPorts_TextsOps.addNumbers(secondAddTask.output(), 7);
  }

  public record Outputs(String val1, String val2) {}

  @Component
  public static Outputs coreComp() {
    return new Outputs("foo", "bar");
  }

  @Component
  public static void crustComp(String val1, String val2) {
    System.out.println("val1: " + val1);
    System.out.println("val2: " + val2);
  }

  @Pipeline(formats = Format.KFP2)
  public static Outputs core() {
    var task = PlaceholderPortsOps.coreComp().caching(false);
    return new Outputs(task.val1(), task.val2());
  }

  @Pipeline(formats = Format.KFP2)
  public static Outputs mantle() {
    var dagTask = core(); // a call is no task: KFP's set_caching_options(False) on it, which KFP's driver ignores, has none
    return new Outputs(dagTask.val1(), dagTask.val2());
  }

  @Pipeline(name = "multiple-parameters-namedtuple-pipeline", formats = Format.KFP2)
  public static void crust() {
    var dagTask = mantle();
    PlaceholderPortsOps.crustComp(dagTask.val1(), dagTask.val2()).caching(false);
  }
}
