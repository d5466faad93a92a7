package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pipelines {@code mvn compile} wrote to a class output, in either format: the Argo workflows
 * in {@value #ARGO}, the KFP 2 specs in {@value #KFP2}. By name, a pipeline compiled in both
 * formats is its Argo workflow, one compiled for KFP 2 only its spec; the commands that take
 * either form ({@code kfp4j run}, {@code kfp4j graph}, the local UI) choose a pipeline this way.
 */
public final class CompiledPipelines {
  /** Where the processor writes the Argo workflows, in the class output. */
  public static final String ARGO = "META-INF/kfp4j/pipelines";
  /** Where the processor writes the KFP 2 pipeline specs, in the class output. */
  public static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines";
  /** The two folders, in the order a pipeline compiled in both is taken from. */
  public static final List<String> FOLDERS = List.of(ARGO, KFP2);

  private CompiledPipelines() {}

  /** Each pipeline's file under {@code classes}, by name, sorted; none when a folder is not there. */
  public static SortedMap<String, Path> in(Path classes) throws IOException {
    SortedMap<String, Path> files = new TreeMap<>();
    for (String folder : FOLDERS) {
      Path dir = classes.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> yamls = Files.newDirectoryStream(dir, "*.yaml")) {
          yamls.forEach(f -> files.putIfAbsent(f.getFileName().toString().replaceFirst("\\.yaml$", ""), f));
        }
      }
    }
    return files;
  }

  /** Where {@link #in} looks under {@code classes}, for messages. */
  public static String folders(Path classes) {
    return classes.resolve(ARGO) + " or " + classes.resolve(KFP2);
  }
}
