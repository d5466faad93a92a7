package com.example;

import dev.kfp4j.entrypoint.Entrypoint;
import javax.annotation.processing.Generated;

/**
 * Container entrypoint of the components in {@link Trainer}.
 *
 * <p>Usage: {@code java -cp <classpath> com.example.TrainerEntrypoint <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),
 * or {@code java -cp <classpath> com.example.TrainerEntrypoint <component> --executor_input <json>} (KFP 2)
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class TrainerEntrypoint {
  /**
   * One row per component: {@code <component> <method>(<parameter types>) <input>... -> <output>...},
   * then a tab and the first line of its description.
   */
  private static final String[] COMPONENTS = {
    "train train(dev.kfp4j.artifacts.Dataset,int,dev.kfp4j.artifacts.Model,dev.kfp4j.artifacts.Metrics) data:inputArtifact epochs model:outputArtifact metrics:outputArtifact -> Output\tTrains a model.",
    "evaluate evaluate(dev.kfp4j.artifacts.Model,java.util.Optional,dev.kfp4j.artifacts.ClassificationMetrics,dev.kfp4j.artifacts.HTML) model:inputArtifact test:inputArtifact? metrics:outputArtifact report:outputArtifact\tEvaluates a model.",
  };

  private TrainerEntrypoint() {
  }

  /**
   * Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.
   *
   * @param args the component's name, then its arguments, as the class's usage shows
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a component and returns the exit code, without exiting.
   *
   * @param args the component's name, then its arguments, as the class's usage shows
   * @return the exit code: 0 done, 1 failed, 2 bad arguments
   */
  public static int run(String[] args) {
    return Entrypoint.run("com.example.TrainerEntrypoint", args, Trainer.class, COMPONENTS);
  }
}
