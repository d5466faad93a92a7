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
 * A grid search whose lists are filled in nested loops and under a condition, as KFP 2's {@code dsl.Collected} of a task in
 * an inner loop (KFP's {@code artifacts_complex.py}): one model trained per learning rate and depth, those whose score
 * reaches a threshold kept (copied, under a condition), in one flat list, the rates' order first; per rate, the scores of its depths. Only KFP 2
 * collects, so this pipeline is written for KFP 2 only.
 */
public final class GridSearch {
  private GridSearch() {}

  /**
   * "Trains" a model: its file names the rate and depth, its score is best at rate 0.1 and depth 4.
   *
   * @param rate the learning rate
   * @param depth the depth
   * @param model the trained model
   * @return the model's score, at most 100
   */
  @Component
  public static int trainCandidate(double rate, int depth, @Out Model model) throws IOException {
    int score = (int) Math.round(100 - 100 * Math.abs(rate - 0.1) - 10 * Math.abs(depth - 4));
    Files.writeString(model.path(), "rate=" + rate + " depth=" + depth);
    model.metadata().put("score", score);
    return score;
  }

  /**
   * Keeps a model: a copy of it, with its metadata, as a registry would hold it.
   *
   * @param model the model to keep
   * @param kept the copy kept
   */
  @Component
  public static void keepModel(Model model, @Out Model kept) throws IOException {
    Files.copy(model.path(), kept.path(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    kept.metadata().putAll(model.metadata());
  }

  /**
   * Lists the models kept, best first.
   *
   * @param models the models whose score reached the threshold, in the grid's order
   * @return their files' texts, best first, or "none"
   */
  @Component
  public static String rankModels(List<Model> models) throws IOException {
    List<String> ranked = new java.util.ArrayList<>();
    List<Model> sorted = new java.util.ArrayList<>(models);
    sorted.sort(java.util.Comparator.comparingInt((Model m) -> ((Number) m.metadata().get("score")).intValue()).reversed());
    for (Model m : sorted) {
      Path file = m.path();
      ranked.add(Files.readString(file) + ": " + m.metadata().get("score"));
    }
    return ranked.isEmpty() ? "none" : String.join(", ", ranked);
  }

  /**
   * The best of a rate's scores.
   *
   * @param scores the scores of one rate's depths
   * @return the highest
   */
  @Component
  public static int bestScore(List<Integer> scores) {
    return scores.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  /**
   * Trains a model per rate and depth, keeps those that score at least {@code threshold}, and ranks them.
   *
   * @param rates the learning rates to try
   * @param depths the depths to try
   * @param threshold the lowest score a model is kept with
   * @return the models kept, best first
   */
  @Pipeline(name = "grid-search", formats = Format.KFP2)
  public static String gridSearch(@Default("[0.3, 0.1]") List<Double> rates, @Default("[2, 4, 8]") List<Integer> depths,
      @Default("70") int threshold) {
    List<Path> kept = Dsl.collected();                     // filled in the nested loop, under the condition
    Dsl.forEach(rates, rate -> {
      List<Integer> scores = Dsl.collected();              // one list per rate: filled in the inner loop only
      Dsl.forEach(depths, depth -> {
        var trained = GridSearchOps.trainCandidate(rate, depth);
        scores.add(trained.output());
        Dsl.when(Dsl.ge(trained.output(), threshold), () -> kept.add(GridSearchOps.keepModel(trained.model()).kept()));
      });
      GridSearchOps.bestScore(scores);
    });
    return GridSearchOps.rankModels(kept).output();
  }
}
