package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Smaller KFP files in Java: parallel_and_nested/nested_parallel_for_secret.py (a secret named by a task's output, in a
 * loop), pipeline_with_retry.py, local_execution/local_execution_pipeline_with_oneof.py (OneOf, returned) and
 * critical/pipeline_with_input_status_state.py (the exit task's PipelineTaskFinalStatus).
 */
public final class SmallPorts {
  private SmallPorts() {}

  /** Emits the secret name dynamically. */
  @Component(image = "python:3.11")
  public static String emitSecretName() {
    return "test-secret-1";
  }

  @Component(image = "python:3.11")
  public static String workerComponent(String item) {
    return System.getenv().getOrDefault("MY_SECRET_KEY", "not-set");
  }

  /** Pipeline with outer task output used as secret name inside ParallelFor. */
  @Pipeline(name = "pipeline-4-nested-parallel-for-secret", formats = Format.KFP2)
  public static void pipelineNestedParallelForSecret() {
    var secretNameTask = SmallPortsOps.emitSecretName();
    Dsl.forEach(List.of("x", "y"), 1, item ->
        SmallPortsOps.workerComponent(item).envFromSecret("MY_SECRET_KEY", secretNameTask.output(), "username"));
  }

  @Component
  public static double add(double a, double b) {
    return a + b;
  }

  @Pipeline(name = "test-pipeline", formats = Format.KFP2)
  public static void pipelineWithRetry(@Default("1") double a, @Default("7") double b) {
    SmallPortsOps.add(a, b).retries(3);
  }

  @Component
  public static String branchA() {
    return "A";
  }

  @Component
  public static String branchB() {
    return "B";
  }

  @Component
  public static String tagSelected(String value) {
    return "selected:" + value;
  }

  @Pipeline(formats = Format.KFP2)
  public static String pipelineWithOneof(@Default("True") boolean pick_a) {
    var value = Dsl.oneOf(Dsl.eq(pick_a, true), () -> SmallPortsOps.branchA().output())
        .otherwise(() -> SmallPortsOps.branchB().output());
    return SmallPortsOps.tagSelected(value).output();
  }

  @Component
  public static void echoState(PipelineTaskFinalStatus status) {
    if (!status.succeeded() || !status.pipelineJobResourceName().contains("status-state-pipeline")
        || !status.pipelineTaskName().equals("exit-handler-1")) {
      throw new IllegalStateException(status.toString());
    }
  }

  @Component
  public static void someTask() {
    System.out.println("Executing some_task()...");
  }

  @Pipeline(formats = Format.KFP2)
  public static void statusStatePipeline() {
    Dsl.exitHandler(SmallPortsOps.echoState(Dsl.runStatus()), () -> SmallPortsOps.someTask());
  }
}
