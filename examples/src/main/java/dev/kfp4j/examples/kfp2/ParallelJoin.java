package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java port of KFP's sample {@code samples/core/parallel_join/parallel_join.py} ({@code
 * parallel-pipeline}): two downloads run in parallel, each writing the text to its {@code
 * OutputPath(str)} file, and a third task takes both texts as values ({@code
 * echo2_op(text1=download1_task.output, ...)}, here {@code Dsl.value(download1.output())}).
 */
public final class ParallelJoin {
  private ParallelJoin() {}

  /**
   * Downloads the text at {@code url} into {@code output}, as the sample's {@code gsutil cat $0 |
   * tee $1}: a {@code gs://bucket/object} URL is read over HTTPS from Cloud Storage (the sample's
   * objects are public), any other URL ({@code https:}, {@code file:}) as it is.
   *
   * @param url where the text is
   * @param output the file the text is written to, a value of type String
   */
  @Component
  public static void gcsDownloadOp(String url, @OutputPath("String") Path output) throws IOException {
    URI uri = URI.create(url.startsWith("gs://") ? "https://storage.googleapis.com/" + url.substring("gs://".length()) : url);
    try (InputStream in = uri.toURL().openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      System.out.print(text);
      Files.writeString(output, text);
    }
  }

  /**
   * Prints two texts.
   *
   * @param text1 the first
   * @param text2 the second
   */
  @Component
  public static void echo2Op(String text1, String text2) {
    System.out.println("Text 1: " + text1);
    System.out.println("Text 2: " + text2);
  }

  /**
   * A three-step pipeline with first two running in parallel.
   *
   * @param url1 the first text's URL
   * @param url2 the second's
   */
  @Pipeline(name = "parallel-pipeline", description = "Download two messages in parallel and prints the concatenated result.")
  public static void downloadAndJoin(
      @Default("gs://ml-pipeline/sample-data/shakespeare/shakespeare1.txt") String url1,
      @Default("gs://ml-pipeline/sample-data/shakespeare/shakespeare2.txt") String url2) {
    var download1Task = ParallelJoinOps.gcsDownloadOp(url1);
    var download2Task = ParallelJoinOps.gcsDownloadOp(url2);
    ParallelJoinOps.echo2Op(Dsl.value(download1Task.output()), Dsl.value(download2Task.output()));
  }
}
