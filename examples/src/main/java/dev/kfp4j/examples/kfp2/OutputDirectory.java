package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java port of KFP's sample {@code samples/core/output_a_directory/output_a_directory.py}
 * ({@code dir-pipeline}): an artifact that is a folder of files, written by one task and listed by
 * the next.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /**
   * Writes {@code numFiles} files into a folder of the artifact.
   *
   * @param outputDir the artifact, a folder
   * @param numFiles how many files
   * @param subdir the folder in it
   */
  @Component
  public static void produceDirWithFilesOp(@Out Artifact outputDir, @Default("10") int numFiles,
      @Default("texts") String subdir) throws IOException {
    Path dir = outputDir.path().resolve(subdir);
    Files.createDirectories(dir);
    for (int i = 0; i < numFiles; i++) {
      Files.writeString(dir.resolve(i + ".txt"), String.valueOf(i));
    }
  }

  /**
   * Lists the files of a folder of the artifact.
   *
   * @param inputDir the artifact, a folder
   * @param subdir the folder in it
   * @return the files' names, sorted
   */
  @Component
  public static List<String> listDirFiles(Artifact inputDir, @Default("texts") String subdir) throws IOException {
    try (Stream<Path> files = Files.list(inputDir.path().resolve(subdir))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      names.forEach(System.out::println);
      return names;
    }
  }

  /**
   * Writes fifteen files into a folder and lists them.
   *
   * @param subdir the folder's name in the artifact
   */
  @Pipeline(name = "dir-pipeline")
  public static void dirPipeline(@Default("texts") String subdir) {
    var produce = OutputDirectoryOps.produceDirWithFilesOp(15, subdir);
    OutputDirectoryOps.listDirFiles(produce.outputDir(), subdir);
  }
}
