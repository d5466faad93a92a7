package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.ImportComponents;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.examples.CalcOps;
import dev.kfp4j.examples.kfp.BasicsOps;

/**
 * A KFP 2 pipeline file, compiled by KFP's compiler ({@code text_stats.yaml} beside this class: pipeline {@code
 * text-stats}, three busybox container tasks that save a text as a dataset, count its words and hash it), imported as a
 * typed op, as KFP's {@code components.load_component_from_file} loads it: {@code ImportedPipelineFileOps.textStats(String
 * text)}, whose task gives the pipeline's outputs {@code words()}, {@code sha256()} and {@code data()}. Each call runs the
 * file's whole DAG where it is: in KFP 2 one task running it as a sub-DAG, as KFP nests a loaded pipeline; in the Argo
 * workflow and the local runner its tasks put in flat ({@code text-stats-save-text}, ...).
 */
@ImportComponents("dev/kfp4j/examples/kfp2/text_stats.yaml")
public final class ImportedPipelineFile {
  private ImportedPipelineFile() {}

  /**
   * Runs the pipeline file on a text, then on the text's digest; reads the saved text back in Java and adds the two word
   * counts in Java.
   *
   * @param text the text to count and hash
   * @return the words of the text and of its digest (one)
   */
  @Pipeline(name = "text-stats-twice")
  public static int textStatsTwice(@Default("to be or not to be") String text) {
    var stats = ImportedPipelineFileOps.textStats(text).displayName("stats of the text"); // KFP's set_display_name
    var ofDigest = ImportedPipelineFileOps.textStats(stats.sha256()).caching(false);      // set_caching_options(False)
    BasicsOps.readText(stats.data());                                                      // an artifact output into Java
    return CalcOps.add((int) stats.words(), (int) ofDigest.words()).output();             // KFP Integer imports as long
  }
}
