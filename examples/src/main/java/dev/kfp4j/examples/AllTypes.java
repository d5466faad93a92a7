package dev.kfp4j.examples;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.OutputPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One component that exercises every type and passing style. It mirrors the KFP SDK's {@code
 * all_types} test component ({@code ../shared/testdata/kfp-sdk-1.8.22/all_types.component.yaml}),
 * so the two specs can be compared input by input; the snake_case names are kept for that.
 */
public final class AllTypes {
  private AllTypes() {}

  /** How a run treats its input. */
  public enum Mode {
    FAST,
    CAREFUL
  }

  /**
   * The outputs of {@link #allTypes}: one KFP output per component, as a Python NamedTuple.
   *
   * @param sum the sum of the numbers
   * @param flag the boolean input, echoed
   * @param items the list input with one more item
   * @param obj the map input with one more key
   * @param name the string input in upper case
   * @param count how many lines the CSV input has
   * @param mode the mode, echoed
   */
  public record Result(
      double sum, boolean flag, List<Integer> items, Map<String, Integer> obj, String name, int count, Mode mode) {}

  /**
   * Exercises every type.
   *
   * <p>Longer description.
   *
   * @param s a string
   * @param i an integer
   * @param f a float
   * @param b a boolean
   * @param l a JSON array
   * @param d a JSON object
   * @param dataPath a CSV file
   * @param text a text file
   * @param bin a binary file
   * @param modelPath where the model is written
   * @param logFile where the log is written
   * @param opt_s an optional string
   * @param di an integer with a default
   * @param db a boolean with a default
   * @param dl a list with a default
   * @param dd a map with a default
   * @param opt_inPath an optional file
   * @param mode an enum, passed by name
   * @return the outputs
   */
  @Component(name = "all-types", annotations = "author=me")
  public static Result allTypes(
      String s,
      long i,
      double f,
      boolean b,
      List<Integer> l,
      Map<String, Integer> d,
      @InputPath("CSV") Path dataPath,
      @InputPath("String") Path text,
      @InputPath Path bin,
      @OutputPath("Model") Path modelPath,
      @OutputPath Path logFile,
      Optional<String> opt_s,
      @Default("5") int di,
      @Default("True") boolean db,
      @Default("[1, 2]") List<Integer> dl,
      @Default("{\"a\": 1}") Map<String, Integer> dd,
      @InputPath Optional<Path> opt_inPath,
      @Default("FAST") Mode mode)
      throws IOException {
    long lines;
    try (var stream = Files.lines(dataPath)) {
      lines = stream.count();
    }
    Files.writeString(modelPath, "model of " + s + " " + Files.readString(text).strip() + " " + Files.size(bin));
    Files.writeString(logFile, "i=" + i + " di=" + di + " db=" + db + " opt_s=" + opt_s.orElse("-") + " opt_in="
        + opt_inPath.map(p -> "given").orElse("-"));
    List<Integer> items = new java.util.ArrayList<>(l);
    items.add(items.size() + dl.size());
    Map<String, Integer> obj = new java.util.TreeMap<>(d);
    obj.putAll(dd);
    return new Result(f + i, b, items, obj, s.toUpperCase(java.util.Locale.ROOT), (int) lines, mode);
  }

  /**
   * Adds two floats, as the SDK's {@code single} test component.
   *
   * @param a a float
   * @param b another float
   * @return {@code a + b}
   */
  @Component
  public static double single(double a, double b) {
    return a + b;
  }

  /**
   * Fails on purpose after starting to write its output, to show a failed task leaves nothing.
   *
   * @param outPath the file it starts to write
   */
  @Component
  public static void failing(@OutputPath Path outPath) throws IOException {
    Files.writeString(outPath, "half of it");
    throw new IllegalStateException("failing on purpose");
  }
}
