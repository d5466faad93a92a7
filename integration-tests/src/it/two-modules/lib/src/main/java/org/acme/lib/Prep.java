package org.acme.lib;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.util.FastMath;

/** Data preparation shared by the team's pipelines. */
public final class Prep {
  private Prep() {}

  /** Writes {@code rows} points of y = 2x + 1 as CSV. */
  @Component
  public static void makeData(int rows, @Out Dataset data) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      lines.add(i + "," + FastMath.addExact(2 * i, 1)); // a third-party library's class, as components use them
    }
    Files.write(data.path(), lines);
    data.metadata().put("rows", rows);
  }

  /** Keeps the rows whose x is at least {@code minX}. */
  @Component
  public static int clean(Dataset raw, int minX, @Out Dataset kept, @Out Metrics metrics) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(raw.path())) {
      if (Integer.parseInt(line.split(",")[0]) >= minX) {
        out.add(line);
      }
    }
    Files.write(kept.path(), out);
    metrics.log("kept", out.size());
    return out.size();
  }

  /** Makes and cleans a dataset. */
  @Pipeline(name = "prep")
  public static Path prep(@Default("10") int rows, @Default("3") int minX) {
    var made = PrepOps.makeData(rows);
    return PrepOps.clean(made.data(), minX).kept();
  }
}
