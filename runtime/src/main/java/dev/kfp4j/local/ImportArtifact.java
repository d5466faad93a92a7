package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.entrypoint.FileTrees;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an importer runs locally: copies the file or folder it imports (a folder with everything
 * in it, links followed: {@link FileTrees#copy}) to the task's output, which must not exist yet,
 * so that the task's consumers read a copy and the source is never written to, and writes the
 * executor output that gives the artifact its metadata. Run by the
 * local runner in its JVM ({@link #run}) or as {@code java dev.kfp4j.local.ImportArtifact SOURCE
 * OUTPUT EXECUTOR_OUTPUT METADATA_JSON}.
 */
public final class ImportArtifact {
  private ImportArtifact() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code); // NOPMD: a subprocess's exit code is its result
    }
  }

  /** Imports {@code args[0]} to {@code args[1]}, writing the executor output {@code args[2]} with the metadata {@code args[3]}; 0 when done. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /** As {@link #run(String[])}, saying what it did on {@code out} and what went wrong on {@code err}. */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    if (args.length != 4) {
      err.println("usage: ImportArtifact SOURCE OUTPUT EXECUTOR_OUTPUT METADATA_JSON");
      return 2;
    }
    Path source = Path.of(args[0]);
    Path output = Path.of(args[1]);
    if (!Files.exists(source)) {
      err.println("kfp4j: nothing to import: no file or folder at " + source);
      return 1;
    }
    try {
      FileTrees.copy(source, output);
      ObjectNode executorOutput = Yaml.object();
      executorOutput.withObject("artifacts").withObject(dev.kfp4j.model.ImporterStep.OUTPUT).withArray("artifacts").addObject()
          .set("metadata", Yaml.readJson(args[3]));
      Files.createDirectories(Path.of(args[2]).toAbsolutePath().getParent());
      Files.writeString(Path.of(args[2]), Yaml.jsonText(executorOutput));
    } catch (IOException | UncheckedIOException e) {
      err.println("kfp4j: cannot import " + source + ": " + FileErrors.problem(e));
      return 1;
    }
    out.println("imported " + source + (Files.isDirectory(source) ? " (a folder)" : ""));
    return 0;
  }
}
