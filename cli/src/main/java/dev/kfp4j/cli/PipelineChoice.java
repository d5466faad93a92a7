package dev.kfp4j.cli;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.KubernetesManifests;
import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which compiled pipeline: a file, or a name among those {@code mvn compile} wrote. */
final class PipelineChoice {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = {"-p", "--pipeline"}, paramLabel = "NAME|FILE",
      description = "A compiled pipeline: its name (as in @Pipeline) among those in --classes, or a pipeline file "
          + "(an Argo workflow, or a KFP 2 pipeline spec). Optional when the project has one pipeline.")
  String pipeline;

  @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes",
      description = "Where 'mvn compile' wrote the pipelines (default: ${DEFAULT-VALUE}).")
  Path classes;

  /** A compiled pipeline's text, and where it came from (for messages). */
  record Located(String yaml, String source) {}

  /**
   * For a command that takes either form ({@code kfp4j run}): which form to read the chosen
   * pipeline in, the one {@code mvn compile} wrote it in, Argo's when it wrote both; null for a
   * file, or a name in neither folder (then {@link #locate} looks on the classpath).
   *
   * @throws ConfigException when no name is given and --classes holds none, or several
   */
  PipelineFormat formatOf() {
    if (pipeline != null && Files.isRegularFile(Path.of(pipeline))) {
      return null;
    }
    java.util.SortedMap<String, Path> all = compiled();
    if (pipeline == null) {
      if (all.size() != 1) {
        throw new ConfigException(all.isEmpty()
            ? "no compiled pipeline in " + CompiledPipelines.folders(classes) + ModuleHint.of(classes, terms())
                + "; run 'mvn compile' or pass " + pipelineFile()
            : "choose a pipeline with " + terms().option("--pipeline") + ": " + all.keySet());
      }
      pipeline = all.firstKey();
    }
    Path file = all.get(pipeline);
    return file == null ? null : file.startsWith(classes.resolve(PipelineFormat.KFP2.folder())) ? PipelineFormat.KFP2 : PipelineFormat.ARGO;
  }

  /** The pipelines in --classes, of either form ({@link CompiledPipelines#in}). */
  private java.util.SortedMap<String, Path> compiled() {
    try {
      return CompiledPipelines.in(classes);
    } catch (IOException e) {
      throw new ConfigException("cannot list the pipelines in " + CompiledPipelines.folders(classes) + ": " + FileErrors.why(e));
    }
  }

  /**
   * The chosen pipeline in {@code format}: the file given, or by name (or the only one) among
   * those {@code mvn compile} wrote in that form to {@code --classes}, or on the classpath; a
   * pipeline compiled in the other form only is an error saying so, and {@code why} what to do,
   * given what chose its formats as its pipelines index says ({@link FormatsRead}; null when it does not say).
   */
  Located locate(PipelineFormat format, BiFunction<PipelineFormat, FormatsFrom, String> why) {
    Path file = pipeline != null ? Path.of(pipeline) : null;
    if (file != null && Files.isRegularFile(file)) {
      return read(file);
    }
    Path dir = classes.resolve(format.folder());
    List<String> names = names(dir);
    if (pipeline == null) {
      if (names.size() == 1) {
        return read(dir.resolve(names.get(0) + ".yaml"));
      }
      List<String> others = names(classes.resolve(format.other().folder()));
      if (names.isEmpty() && !others.isEmpty()) {
        throw new ConfigException("none of the compiled pipelines is " + format.what() + ": " + classes.resolve(format.other().folder())
            + " holds " + others + ", each " + format.other().what() + " " + why.apply(format, FormatsRead.of(classes, others)));
      }
      throw new ConfigException(names.isEmpty()
          ? "no compiled pipeline in " + dir + ModuleHint.of(classes, terms()) + "; run 'mvn compile' or pass " + pipelineFile()
          : "choose a pipeline with " + terms().option("--pipeline") + ": " + names);
    }
    if (names.contains(pipeline)) {
      return read(dir.resolve(pipeline + ".yaml"));
    }
    String resource = format.folder() + "/" + pipeline + ".yaml";
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        return new Located(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot read " + resource + ": " + FileErrors.why(e));
    }
    Path other = classes.resolve(format.other().folder()).resolve(pipeline + ".yaml");
    if (Files.isRegularFile(other)
        || Thread.currentThread().getContextClassLoader().getResource(format.other().folder() + "/" + pipeline + ".yaml") != null) {
      throw new ConfigException("pipeline '" + pipeline + "' is compiled as " + format.other().what() + " only (" + other + "), not as "
          + format.what() + " " + why.apply(format, FormatsRead.of(classes, List.of(pipeline))));
    }
    java.util.Set<String> all = compiled().keySet();
    throw new ConfigException("no pipeline '" + pipeline + "': not a file, and " + (all.isEmpty()
        ? "no compiled pipeline in " + classes + " (run 'mvn compile')" + ModuleHint.of(classes, terms())
        : "the pipelines compiled in " + classes + " are " + all));
  }

  /** {@link #locate(PipelineFormat, BiFunction)} for a cluster, which takes one form. */
  Located locate(PipelineFormat format) {
    return locate(format, (wanted, chosen) -> Cluster.whyFormat(wanted, terms(), chosen));
  }

  /** How this execution's messages name options and commands ({@link Kfp4j#terms}). */
  Terms terms() {
    return Kfp4j.terms(mixee);
  }

  private String pipelineFile() {
    return terms().option("--pipeline", "FILE");
  }

  private static Located read(Path file) {
    try {
      return new Located(KubernetesManifests.specIn(Files.readString(file), file.toString()), file.toString());
    } catch (FormatException e) {
      throw new ConfigException(e.getMessage());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + FileErrors.why(file, e));
    }
  }

  private static List<String> names(Path dir) {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
        files.forEach(f -> names.add(f.getFileName().toString().replaceAll("\\.yaml$", "")));
      } catch (IOException e) {
        throw new ConfigException("cannot list " + dir + ": " + FileErrors.why(dir, e));
      }
    }
    names.sort(null);
    return names;
  }
}
