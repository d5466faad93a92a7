package dev.kfp4j.maven;

import dev.kfp4j.local.CompiledPipelines;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * A goal given a pipeline's name in a build of several modules ({@code mvn compile kfp4j:run -Dkfp4j.pipeline=report} at the
 * root of a project of modules) runs in the modules that compiled that pipeline; the others skip it, saying so. When none of
 * them has it, the module that has the last turn runs the goal, whose error says which pipelines that module has: the last
 * to run the goal when every other module has run it or finished building, which under {@code mvn -T} (modules built in
 * parallel) need not be the last in the build's order ({@link Turns}).
 */
final class ReactorPipelines {
  /**
   * Each build's goals ({@code "kfp4j:run report"}) and their turns: by the build's request, which the sessions Maven gives
   * each module of a parallel build (copies of the build's) share.
   */
  private static final Map<MavenExecutionRequest, Map<String, Turns<Boolean>>> BUILDS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ReactorPipelines() {}

  /** Why {@code goal}, given {@code pipeline}, skips the current module of {@code session}, whose class output is {@code classes}; or null. */
  static String skip(MavenSession session, String goal, String pipeline, File classes) {
    List<MavenProject> modules = modules(session);
    if (modules.size() < 2 || classes == null || !isName(pipeline)) {
      return null;
    }
    boolean here = compiled(classes, pipeline);
    Turn<Boolean> turn = turns(BUILDS, session, goal + " " + pipeline).take(session.getCurrentProject(), here ? Boolean.TRUE : null,
        modules, finished(session));
    return skip(goal, pipeline, here, turn.last() && turn.found().isEmpty());
  }

  /**
   * Why {@code goal} skips a module: null when the module compiled {@code pipeline}, or has the last turn and none before it
   * did ({@code lastOfNone}); else the line saying so.
   */
  static String skip(String goal, String pipeline, boolean compiledHere, boolean lastOfNone) {
    return compiledHere || lastOfNone ? null : "kfp4j: skipped: this module compiled no pipeline '" + pipeline + "' (" + goal
        + " runs in the modules of the build that did)";
  }

  /** The modules of {@code session} that compile classes: its projects in the build's order, but those of packaging pom. */
  static List<MavenProject> modules(MavenSession session) {
    return session.getProjects().stream().filter(p -> !"pom".equals(p.getPackaging())).toList();
  }

  /** Whether a module of {@code session} has finished building: its build summary is there (success or failure). */
  static Predicate<MavenProject> finished(MavenSession session) {
    return p -> session.getResult() != null && session.getResult().getBuildSummary(p) != null;
  }

  /** The turns of {@code goal} in the build of {@code session}, in {@code builds}. */
  static <T> Turns<T> turns(Map<MavenExecutionRequest, Map<String, Turns<T>>> builds, MavenSession session, String goal) {
    return builds.computeIfAbsent(session.getRequest(), r -> new ConcurrentHashMap<>()).computeIfAbsent(goal, g -> new Turns<>());
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

  /** What a module's turn gave: whether it is the last, and what the modules that had theirs found, in the order they had them. */
  record Turn<T>(boolean last, Map<MavenProject, T> found) {}

  /**
   * One goal's turns in a build of several modules: each module has its turn as the goal runs there, and notes what it found.
   * The last turn is the one taken when each other module has had its own or has finished building (without running the
   * goal: it failed before, or the goal is not run there); under {@code -T} that is the last to run the goal, whichever
   * module it is, and in a build of one module at a time the last of the build's order.
   */
  static final class Turns<T> {
    private final Map<MavenProject, T> had = new LinkedHashMap<>();

    /** Notes {@code module}'s turn, which found {@code found} (null: nothing), among {@code modules}, of which {@code finished} have ended. */
    synchronized Turn<T> take(MavenProject module, T found, List<MavenProject> modules, Predicate<MavenProject> finished) {
      had.put(module, found);
      boolean last = modules.stream().allMatch(m -> had.containsKey(m) || finished.test(m));
      Map<MavenProject, T> all = new LinkedHashMap<>();
      had.forEach((m, f) -> {
        if (f != null) {
          all.put(m, f);
        }
      });
      return new Turn<>(last, all);
    }
  }
}
