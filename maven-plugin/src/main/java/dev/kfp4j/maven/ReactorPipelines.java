package dev.kfp4j.maven;

import dev.kfp4j.local.CompiledPipelines;
import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * A goal given a pipeline's name in a build of several modules ({@code mvn compile kfp4j:run -Dkfp4j.pipeline=report} at the
 * root of a project of modules) runs in the modules that compiled that pipeline; the others skip it, saying so. When none of
 * them has it, the last module runs the goal, whose error says which pipelines that module has.
 */
final class ReactorPipelines {
  /** Each build's goals and names found in a module ({@code "kfp4j:run report"}). */
  private static final Map<MavenSession, Set<String>> FOUND = Collections.synchronizedMap(new WeakHashMap<>());

  private ReactorPipelines() {}

  /** Why {@code goal}, given {@code pipeline}, skips the current module of {@code session}, whose class output is {@code classes}; or null. */
  static String skip(MavenSession session, String goal, String pipeline, File classes) {
    List<MavenProject> modules = session.getProjects().stream().filter(p -> !"pom".equals(p.getPackaging())).toList();
    if (modules.size() < 2 || classes == null || !isName(pipeline)) {
      return null;
    }
    Set<String> found = FOUND.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet());
    return skip(goal, pipeline, compiled(classes, pipeline), session.getCurrentProject() == modules.get(modules.size() - 1), found);
  }

  /**
   * Why {@code goal} skips a module: null when the module compiled {@code pipeline} (noted in {@code found}), or is the last
   * module and none before it did; else the line saying so.
   */
  static String skip(String goal, String pipeline, boolean compiledHere, boolean lastModule, Set<String> found) {
    String key = goal + " " + pipeline;
    if (compiledHere) {
      found.add(key);
      return null;
    }
    return lastModule && !found.contains(key) ? null : "kfp4j: skipped: this module compiled no pipeline '" + pipeline + "' ("
        + goal + " runs in the modules of the build that did)";
  }

  /** Whether {@code pipeline} is a pipeline's name, not a file (which any module may be given). */
  static boolean isName(String pipeline) {
    return !pipeline.isEmpty() && !pipeline.contains("/") && !pipeline.contains(File.separator) && !pipeline.endsWith(".yaml")
        && !pipeline.endsWith(".yml") && !pipeline.endsWith(".json") && !new File(pipeline).isFile();
  }

  /** Whether the class output {@code classes} holds the pipeline named {@code name}, in either format ({@link CompiledPipelines}). */
  static boolean compiled(File classes, String name) {
    return CompiledPipelines.FOLDERS.stream().anyMatch(folder -> new File(classes, folder + "/" + name + ".yaml").isFile());
  }
}
