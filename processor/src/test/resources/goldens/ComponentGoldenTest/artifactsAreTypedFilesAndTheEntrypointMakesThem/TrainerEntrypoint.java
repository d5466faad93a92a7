package com.example;

import dev.kfp4j.artifacts.ClassificationMetrics;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.HTML;
import dev.kfp4j.artifacts.Metrics;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.entrypoint.Entrypoint;
import dev.kfp4j.entrypoint.Invocation;
import dev.kfp4j.entrypoint.Signature;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Container entrypoint of the components in {@link Trainer}.
 *
 * <p>Usage: {@code java -cp <classpath> com.example.TrainerEntrypoint <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),
 * or {@code java -cp <classpath> com.example.TrainerEntrypoint <component> --executor_input <json>} (KFP 2)
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class TrainerEntrypoint implements Entrypoint.Handler {
  private static final Signature TRAIN = Signature.of("train", "Trains a model.", "data:inputArtifact epochs model:outputArtifact metrics:outputArtifact -> Output");

  private static final Signature EVALUATE = Signature.of("evaluate", "Evaluates a model.", "model:inputArtifact test:inputArtifact? metrics:outputArtifact report:outputArtifact");

  private TrainerEntrypoint() {
  }

  /**
   * Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a component and returns the exit code, without exiting.
   */
  public static int run(String[] args) {
    return Entrypoint.run("com.example.TrainerEntrypoint", args, new TrainerEntrypoint(), TRAIN, EVALUATE);
  }

  @Override
  public void call(Invocation in) throws Exception {
    switch (in.component()) {
      case "train":
        in.doubleOutput("Output", Trainer.train(in.artifact("data", Dataset.class),
            in.intValue("epochs"), in.outputArtifact("model", Model.class),
            in.outputArtifact("metrics", Metrics.class)));
        return;
      case "evaluate":
        Trainer.evaluate(in.artifact("model", Model.class),
            in.has("test") ? Optional.of(in.artifact("test", Dataset.class)) : Optional.<Dataset>empty(),
            in.outputArtifact("metrics", ClassificationMetrics.class),
            in.outputArtifact("report", HTML.class));
        return;
      default:
        throw new IllegalArgumentException("unknown component " + in.component());
    }
  }
}
