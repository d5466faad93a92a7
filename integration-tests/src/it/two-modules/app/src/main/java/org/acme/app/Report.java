package org.acme.app;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.Markdown;
import java.io.IOException;
import java.nio.file.Files;
import org.acme.lib.Prep;

/** Reports on data the lib module prepares. */
public final class Report {
  private Report() {}

  /** Tidies a title; named as a component of lib's pipeline, which is no concern of this module's. */
  @Component
  public static String clean(String title) {
    return title.strip();
  }

  /** Sums the y column and writes a short report. */
  @Component
  public static long summarize(Dataset data, String title, @Out Markdown report) throws IOException {
    long sum = 0;
    for (String line : Files.readAllLines(data.path())) {
      sum += Long.parseLong(line.split(",")[1]);
    }
    Files.writeString(report.path(), "# " + title + "\n\nsum: " + sum + "\n");
    return sum;
  }

  /** Prepares data with lib's pipeline, then reports on it. */
  @Pipeline(name = "report")
  public static long report(@Default("20") int rows) {
    var data = Prep.prep(rows, 5);
    return ReportOps.summarize(data, ReportOps.clean(" Weekly ").output()).output();
  }
}
