package dev.kfp4j.graph;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Pipeline;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Pictures of a compiled pipeline, as {@code kfp4j graph} draws them: an SVG laid out by Eclipse
 * ELK, or Mermaid text for a code host to draw. Both show each step with its component and display
 * name, what flows along each edge ({@code Output → msg}; files and artifacts apart from values),
 * {@code after} edges, and conditions, loops and the exit handler as groups.
 *
 * <pre>{@code
 * Pipeline p = PipelineGraph.read(Files.readString(file), file.toString()); // Argo or KFP 2
 * Files.writeString(Path.of("pipeline.svg"), PipelineGraph.svg(p));
 * }</pre>
 */
public final class PipelineGraph {
  private PipelineGraph() {}

  /** The two pictures. */
  public enum Format {
    SVG("svg"),
    MERMAID("mmd");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** The file name extension of this format, without the dot. */
    public String extension() {
      return extension;
    }
  }

  /**
   * Reads a compiled pipeline, whichever format it is in: an Argo Workflow (KFP v1, or plain Argo)
   * or a KFP 2 pipeline spec (with its platform spec as a second document, or the two as one
   * object, as KFP's API and a local run's {@code workflow.json} hold them). {@code source} names it in errors.
   *
   * @throws FormatException when it is neither, or broken
   */
  public static Pipeline read(String yaml, String source) {
    List<JsonNode> docs = Kfp2Reader.documents(Documents.read(yaml, source));
    JsonNode first = docs.isEmpty() ? null : docs.get(0);
    if (Kfp2Reader.isPipelineSpec(first)) {
      return Kfp2Reader.read(docs, yaml, source);
    }
    if (ArgoReader.isWorkflow(first)) {
      return ArgoReader.read(yaml, source);
    }
    throw new FormatException(source + ": not a compiled pipeline: neither an Argo Workflow (kind: Workflow) "
        + "nor a KFP 2 pipeline spec (pipelineInfo and root)");
  }

  /** What the pictures show, before layout: a called pipeline's tasks put in, as a run shows them. */
  public static Diagram diagram(Pipeline pipeline) {
    return DiagramBuilder.of(dev.kfp4j.model.Flattening.flat(pipeline));
  }

  /** The picture in {@code format}. */
  public static String draw(Pipeline pipeline, Format format) {
    return format == Format.SVG ? svg(pipeline) : mermaid(pipeline);
  }

  /** The pipeline as a standalone SVG, laid out by ELK's layered algorithm. */
  public static String svg(Pipeline pipeline) {
    Diagram d = diagram(pipeline);
    return SvgWriter.write(d, Layout.of(d));
  }

  /** The pipeline as a Mermaid flowchart. */
  public static String mermaid(Pipeline pipeline) {
    return MermaidWriter.write(diagram(pipeline));
  }
}
