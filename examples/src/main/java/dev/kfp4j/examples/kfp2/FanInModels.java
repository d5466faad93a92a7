package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Model;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fanning artifacts in, as KFP 2's {@code Input[List[Model]]} and {@code dsl.Collected} do: one
 * model trained per learning rate in a loop, the models collected into a list and given to a task
 * that picks the best. Only KFP 2 passes a list of artifacts, so this pipeline is written for KFP 2
 * only.
 */
public final class FanInModels {
  private FanInModels() {}

  /**
   * "Trains" a model with a learning rate: its file holds the rate, its metadata the loss.
   *
   * @param rate the learning rate
   * @param model the trained model
   */
  @Component
  public static void trainModel(double rate, @Out Model model) throws IOException {
    Files.writeString(model.path(), "rate=" + rate);
    model.metadata().put("rate", rate);
    model.metadata().put("loss", Math.abs(rate - 0.1));
  }

  /**
   * Picks the model of the lowest loss.
   *
   * @param models the trained models, in the order of the rates
   * @return the rate of the best model, and where it was trained from
   */
  @Component
  public static String pickBest(List<Model> models) throws IOException {
    Model best = null;
    for (Model m : models) {
      System.out.println(m.name() + " at " + m.path() + ": loss " + m.metadata().get("loss"));
      if (best == null || loss(m) < loss(best)) {
        best = m;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no model to pick from");
    }
    Path file = best.path();
    return Files.readString(file) + " (" + (models.indexOf(best) + 1) + " of " + models.size() + ")";
  }

  private static double loss(Model m) {
    return ((Number) m.metadata().get("loss")).doubleValue();
  }

  /**
   * Trains one model per rate and picks the best of them.
   *
   * @param rates the learning rates to try
   * @return the best model's rate
   */
  @Pipeline(name = "fan-in-models", formats = Format.KFP2)
  public static String fanInModels(@Default("[0.3, 0.12, 0.01, 0.5]") List<Double> rates) {
    var models = Dsl.collect(rates, rate -> FanInModelsOps.trainModel(rate).model());
    return FanInModelsOps.pickBest(models).output();
  }
}
