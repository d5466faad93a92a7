package dev.kfp4j.cli;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.KubernetesManifests;
import dev.kfp4j.graph.PipelineGraph;
import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.model.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j graph}: a picture of a compiled pipeline, as SVG or Mermaid text. */
@Command(name = "graph", description = "Draws a compiled pipeline (an Argo Workflow or a KFP 2 pipeline spec, told apart "
    + "from the file) as SVG laid out by Eclipse ELK, or as Mermaid text, which GitHub and GitLab draw.")
final class GraphCommand extends Commands.Base {
  enum Format { svg, mermaid }

  @Parameters(paramLabel = "PIPELINE", arity = "0..1", description = "A compiled pipeline: a YAML file, a name among the "
      + "pipelines in --classes (either format), or a resource on the classpath (META-INF/kfp4j/pipelines/NAME.yaml, "
      + "META-INF/kfp4j/kfp2/pipelines/NAME.yaml). Optional when --classes holds one pipeline, or with -o DIR (then every "
      + "pipeline there is drawn).")
  String pipeline;

  @Option(names = {"-p", "--pipeline"}, paramLabel = "NAME|FILE", description = "The pipeline, as 'run' and the other "
      + "commands take it: the same as PIPELINE.")
  String pipelineOption;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "svg", description = "svg (default) or mermaid.")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR", description = "Write to this file instead of standard output; "
      + "to an existing folder, as PIPELINE.svg (.mmd for Mermaid).")
  Path output;

  @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes",
      description = "Where 'mvn compile' wrote the pipelines (default: ${DEFAULT-VALUE}).")
  Path classes;

  /** A pipeline file to draw: the name its picture is saved under, its YAML, and where it came from. */
  record Source(String name, String yaml, String where) {}

  @Override
  public Integer call() throws IOException {
    if (pipelineOption != null) {
      if (pipeline != null) {
        throw new ConfigException("give the pipeline once: as PIPELINE or with --pipeline, not both");
      }
      pipeline = pipelineOption;
    }
    PipelineGraph.Format f = format == Format.svg ? PipelineGraph.Format.SVG : PipelineGraph.Format.MERMAID;
    boolean toFolder = output != null && Files.isDirectory(output);
    List<Source> sources = sources(toFolder);
    List<String> pictures = new ArrayList<>();
    for (Source s : sources) {
      Pipeline p;
      try {
        p = PipelineGraph.read(s.yaml(), s.where());
      } catch (FormatException e) {
        throw new ConfigException(e.getMessage());
      }
      pictures.add(PipelineGraph.draw(p, f));
    }
    for (int i = 0; i < sources.size(); i++) {
      if (output == null) {
        out().print(pictures.get(i));
        out().flush();
        continue;
      }
      Path file = toFolder ? output.resolve(sources.get(i).name() + "." + f.extension()) : output;
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, pictures.get(i));
      out().println("Wrote " + file);
    }
    return Kfp4j.OK;
  }

  /** The pipelines named: a file, a compiled pipeline's name, a resource; or those in --classes. */
  private List<Source> sources(boolean toFolder) throws IOException {
    Map<String, Path> compiled = CompiledPipelines.in(classes);
    List<String> names = List.copyOf(compiled.keySet());
    if (pipeline == null) {
      if (names.isEmpty()) {
        throw new ConfigException("no compiled pipeline in " + CompiledPipelines.folders(classes) + ModuleHint.of(classes, terms())
            + "; run 'mvn compile' or name a pipeline file");
      }
      if (names.size() > 1 && !toFolder) {
        String into = output == null ? "with " + terms().option("-o", "DIR")
            : "into a folder: " + terms().option("-o", output.toString()) + (Files.exists(output) ? " is a file" : " is not there; make it first");
        throw new ConfigException("choose a pipeline: " + names + ", or draw them all " + into);
      }
      List<Source> all = new ArrayList<>();
      for (Path f : compiled.values()) {
        all.add(file(f));
      }
      return all;
    }
    Path file = Path.of(pipeline);
    if (Files.isRegularFile(file)) {
      return List.of(file(file));
    }
    if (compiled.containsKey(pipeline)) {
      return List.of(file(compiled.get(pipeline)));
    }
    List<String> resources = pipeline.endsWith(".yaml") ? List.of(pipeline)
        : CompiledPipelines.FOLDERS.stream().map(folder -> folder + "/" + pipeline + ".yaml").toList();
    for (String resource : resources) {
      try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          return List.of(new Source(baseName(resource), new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
        }
      }
    }
    throw new ConfigException("no pipeline '" + pipeline + "': not a file, nor a resource on the classpath, and "
        + (names.isEmpty() ? "no compiled pipeline in " + CompiledPipelines.folders(classes) + ModuleHint.of(classes, terms())
            : "the compiled pipelines in " + CompiledPipelines.folders(classes) + " are " + names));
  }

  private static Source file(Path f) {
    try {
      return new Source(baseName(f.getFileName().toString()), KubernetesManifests.specIn(Files.readString(f), f.toString()), f.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + f + ": " + e.getMessage());
    } catch (FormatException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** {@code add-example} of {@code .../add-example.yaml}. */
  private static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.replaceFirst("\\.ya?ml$", "");
  }
}
