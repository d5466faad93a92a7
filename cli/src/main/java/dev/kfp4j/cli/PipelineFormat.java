package dev.kfp4j.cli;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The two forms of a compiled pipeline a cluster takes, where {@code mvn compile} writes each, and
 * their reader and writer: KFP v1's Argo workflow (KFP's v1beta1 API, an Argo Server), KFP 2's
 * pipeline spec (KFP's v2beta1 API).
 */
enum PipelineFormat {
  ARGO(CompiledPipelines.ARGO, "a KFP v1 pipeline (an Argo Workflow)"),
  KFP2(CompiledPipelines.KFP2, "a KFP 2 pipeline spec");

  private final String folder;
  private final String what;

  PipelineFormat(String folder, String what) {
    this.folder = folder;
    this.what = what;
  }

  /** Where the processor writes this form, in the class output: {@code <folder>/<name>.yaml}. */
  String folder() {
    return folder;
  }

  String what() {
    return what;
  }

  /**
   * What to do to have a pipeline compiled in this form too: the one way that works, as {@code chosen} says what chose its
   * formats (its pipelines index: {@link FormatsRead}). Its {@code @Pipeline(formats = ...)}, where the processor option
   * changes nothing; else the option. When that is not known ({@code chosen} null: an index kfp4j wrote before it said, a
   * pipeline file), both, the annotation first.
   */
  String compileToo(FormatsFrom chosen) {
    String too = "compile it for " + (this == ARGO ? "KFP v1" : "KFP 2") + " too: ";
    String annotation = "add Format." + name() + " to its @Pipeline(formats = ...)";
    if (chosen == FormatsFrom.ANNOTATION) {
      return too + annotation + ", which chose its formats";
    }
    if (chosen == FormatsFrom.OPTION) {
      return too + "set the processor option kfp4j.formats to argo,kfp2 (its default; in Maven, <arg>-Akfp4j.formats=argo,kfp2</arg>"
          + " in the maven-compiler-plugin's <compilerArgs>)";
    }
    return too + annotation + " where it sets formats, else to the processor option kfp4j.formats";
  }

  PipelineFormat other() {
    return this == ARGO ? KFP2 : ARGO;
  }

  /**
   * The pipeline in {@code yaml}, read once, to be run on this machine (tracked in MLflow): an Argo workflow as a run here
   * reads it ({@link ArgoReader#read(String, String)}), taking what a workflow written again would lose and a run here does
   * not use (a key of the workflow's own such as {@code spec.tolerations}, a hand edit of a kfp4j template), as the same run
   * untracked does.
   *
   * @throws ConfigException saying what the file is when it is the other form, else why it does not read
   */
  Pipeline read(String yaml, String source, Terms terms) {
    return read(yaml, source, Cluster.whyFormat(this, terms, null), null, true);
  }

  /**
   * The pipeline in {@code yaml}, read once.
   *
   * @param why why the other form will not do, and what to do instead
   * @param namespace where the one who runs it gives the namespace a run goes to, in their words ({@link
   *     ArgoReader#readToWrite(String, String, String)}); null when it runs where there is none
   * @throws ConfigException saying what the file is when it is the other form, else why it does not read
   */
  Pipeline read(String yaml, String source, String why, String namespace) {
    return read(yaml, source, why, namespace, false);
  }

  private Pipeline read(String yaml, String source, String why, String namespace, boolean here) {
    try {
      // KFP 2: its called pipelines kept, so that the file written again has each as KFP's nested DAG
      return this == KFP2 ? Kfp2Reader.readNested(yaml, source)
          : here ? ArgoReader.read(yaml, source) : ArgoReader.readToWrite(yaml, source, namespace);
    } catch (FormatException e) {
      if (other().recognizes(yaml)) {
        Path same = counterpart(source);
        throw new ConfigException(source + " is " + other().what() + ", not " + what() + (same == null ? " " + why
            : "; the same pipeline compiled as " + what() + " is " + same + ": give that file"));
      }
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * The file of this form that {@code mvn compile} wrote beside {@code source}, a pipeline file of the other form in the
   * compiled layout ({@code META-INF/kfp4j/pipelines/NAME.yaml} beside {@code META-INF/kfp4j/kfp2/pipelines/NAME.yaml}),
   * written as {@code source} is (relative or not); null when there is none.
   */
  private Path counterpart(String source) {
    Path given;
    try {
      given = Path.of(source).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    Path folder = given.getParent();
    if (folder == null || !folder.endsWith(other().folder())) {
      return null;
    }
    Path mine = folder.resolve(Path.of(other().folder()).relativize(Path.of(folder()))).normalize().resolve(given.getFileName());
    return Files.isRegularFile(mine) ? mine : null;
  }

  String write(Pipeline pipeline) {
    try {
      return this == ARGO ? ArgoWriter.write(pipeline) : Kfp2Writer.write(pipeline);
    } catch (FormatException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Whether {@code yaml} is of this form. */
  private boolean recognizes(String yaml) {
    try {
      List<JsonNode> docs = Yaml.readAll(yaml);
      JsonNode first = docs.isEmpty() ? null : docs.get(0);
      return this == KFP2 ? Kfp2Reader.isPipelineSpec(first) : ArgoReader.isWorkflow(first);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
