package dev.kfp4j.maven;

import dev.kfp4j.local.CompiledPipelines;
import java.io.File;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn kfp4j:ui -Dkfp4j.local} at the root of a project of modules serves the local UI once, for one module: the one
 * that compiled the pipeline given as {@code -Dkfp4j.pipeline}, else the last module of the build's order that has something
 * to show (compiled pipelines, or runs in its runs folder), which is the one that depends on the others in a project whose
 * application module comes last. The local UI blocks until stopped: served as each module's turn came, the first module's
 * would have kept the others from theirs. So each module notes what it would serve, and the module that has the last turn
 * ({@link ReactorPipelines.Turns}) serves the chosen one's; a module of packaging pom, which compiles nothing, skips the goal.
 */
final class ReactorUi {
  /** Each build's turns of {@code kfp4j:ui}, by the pipeline given (empty: none); shared by a parallel build's modules. */
  private static final Map<MavenExecutionRequest, Map<String, ReactorPipelines.Turns<List<String>>>> BUILDS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ReactorUi() {}

  /**
   * The {@code kfp4j ui} arguments this module serves, said in {@code said}; null when it skips the goal, said there too.
   * {@code arguments} gives this module's own, asked for only when it has something to show.
   *
   * @throws MojoFailureException when {@code pipeline} is given, this is the last turn, and no module compiled it
   */
  static List<String> serve(MavenSession session, boolean pom, String pipeline, File classes, File root,
      Supplier<List<String>> arguments, StringBuilder said) throws MojoFailureException {
    String name = pipeline == null ? "" : pipeline.strip();
    if (pom) {
      said.append("kfp4j: skipped: a project of packaging pom compiles no pipelines (kfp4j:ui -Dkfp4j.local serves one module's"
          + " UI in a build of several: " + (name.isEmpty() ? "the last one's that has pipelines or runs" : "the one's that"
          + " compiled '" + name + "'") + ")");
      return null;
    }
    boolean shows = name.isEmpty() ? hasPipelines(classes) || hasRuns(root) : classes != null && ReactorPipelines.compiled(classes, name);
    MavenProject here = session.getCurrentProject();
    ReactorPipelines.Turn<List<String>> turn = ReactorPipelines.turns(BUILDS, session, name)
        .take(here, shows ? arguments.get() : null, ReactorPipelines.modules(session), ReactorPipelines.finished(session));
    if (!turn.last()) {
      said.append(shows ? "kfp4j: skipped here for now: the build serves one module's local UI, when each module has had its"
          + " turn (the last module of the build's order that " + (name.isEmpty() ? "has pipelines or runs" : "compiled '" + name
          + "'") + ")" : "kfp4j: skipped: this module " + (name.isEmpty() ? "has no compiled pipelines and no runs"
          : "compiled no pipeline '" + name + "'") + " to show");
      return null;
    }
    List<MavenProject> order = session.getProjects();
    var chosen = turn.found().entrySet().stream().max(Comparator.comparingInt(e -> order.indexOf(e.getKey()))).orElse(null);
    if (chosen == null && !name.isEmpty()) {
      throw new MojoFailureException("kfp4j:ui failed: no module of the build compiled a pipeline '" + name + "' (compile it"
          + " first: mvn compile kfp4j:ui -Dkfp4j.local -Dkfp4j.pipeline=" + name + ")");
    }
    if (chosen == null) {
      said.append("kfp4j: skipped: no module of the build has compiled pipelines or runs to show (compile first: mvn compile"
          + " kfp4j:ui -Dkfp4j.local)");
      return null;
    }
    said.append("kfp4j: the local UI of module " + chosen.getKey().getArtifactId() + " (" + chosen.getKey().getBasedir() + ")");
    return chosen.getValue();
  }

  /** Whether the class output {@code classes} holds compiled pipelines, in either format. */
  static boolean hasPipelines(File classes) {
    return classes != null && CompiledPipelines.FOLDERS.stream().map(f -> new File(classes, f).list((d, n) -> n.endsWith(".yaml")))
        .anyMatch(names -> names != null && names.length > 0);
  }

  /** Whether the runs folder {@code root} holds a run (a folder). */
  static boolean hasRuns(File root) {
    File[] runs = root == null ? null : root.listFiles(File::isDirectory);
    return runs != null && runs.length > 0;
  }
}
