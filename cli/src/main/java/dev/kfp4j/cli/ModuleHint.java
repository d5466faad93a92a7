package dev.kfp4j.cli;

import dev.kfp4j.local.CompiledPipelines;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a command run at the root of a project of modules finds no pipeline in the root's class output: the modules under
 * the root whose class outputs hold pipelines, and how to name one. A root's own {@code target/classes} holds none (its
 * packaging is {@code pom}); the pipelines are each module's.
 */
final class ModuleHint {
  private ModuleHint() {}

  /**
   * What to add to "no compiled pipeline in {@code classes}" ({@code target/classes} of a folder with a {@code pom.xml}):
   * the folders beside it whose {@code target/classes} hold pipelines, with their names; empty when there are none.
   */
  static String of(Path classes, Terms terms) {
    Path target = classes.toAbsolutePath().normalize().getParent();
    Path root = target == null ? null : target.getParent();
    if (root == null || !target.getFileName().toString().equals("target") || !Files.isRegularFile(root.resolve("pom.xml"))) {
      return "";
    }
    SortedMap<String, String> modules = new TreeMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        SortedMap<String, Path> pipelines = CompiledPipelines.in(dir.resolve("target/classes"));
        if (!pipelines.isEmpty()) {
          modules.put(dir.getFileName().toString(), String.join(", ", pipelines.keySet()));
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    if (modules.isEmpty()) {
      return "";
    }
    List<String> listed = new ArrayList<>();
    modules.forEach((module, names) -> listed.add(module + "/ (" + names + ")"));
    String first = modules.firstKey();
    return "; the modules here compiled pipelines: " + String.join(", ", listed) + ": run in a module's folder (cd " + first
        + "), or name its classes (" + terms.option("--classes", first + "/target/classes") + ")";
  }
}
