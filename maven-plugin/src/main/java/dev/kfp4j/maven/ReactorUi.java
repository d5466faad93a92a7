package dev.kfp4j.maven;

import dev.kfp4j.local.CompiledPipelines;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.Dependency;

/**
 * {@code mvn kfp4j:ui -Dkfp4j.local} at the root of a project of modules. The goal needs no project, so Maven runs it once,
 * at the root, after the phases given before it have run in every module; the root, of packaging pom, compiles nothing, and
 * its own UI showed no pipeline and none of the modules' runs. The UI served is one module's: the module that compiled the
 * pipeline given as {@code -Dkfp4j.pipeline}, else the last module of the build's order that has something to show (compiled
 * pipelines, or runs in its runs folder), which is the one that depends on the others in a project whose application module
 * comes last.
 */
final class ReactorUi {
  /** The scopes of the dependencies on a runtime class path, as Maven's own. */
  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private ReactorUi() {}

  /**
   * The module of {@code session}'s build whose local UI to serve: the last of the build's order that compiled {@code
   * pipeline} (null or empty: that has compiled pipelines, or runs in its runs folder, {@code runsOf}); null when none has
   * anything to show.
   *
   * @throws MojoFailureException when {@code pipeline} is given and no module compiled it
   */
  static MavenProject module(MavenSession session, String pipeline, Function<MavenProject, File> runsOf)
      throws MojoFailureException {
    String name = pipeline == null ? "" : pipeline.strip();
    List<MavenProject> modules = ReactorPipelines.modules(session);
    for (int i = modules.size() - 1; i >= 0; i--) {
      MavenProject m = modules.get(i);
      if (name.isEmpty() ? hasPipelines(classes(m)) || hasRuns(runsOf.apply(m)) : ReactorPipelines.compiled(classes(m), name)) {
        return m;
      }
    }
    if (!name.isEmpty()) {
      throw new MojoFailureException("kfp4j:ui failed: no module of the build compiled a pipeline '" + name + "' (compile it"
          + " first: mvn compile kfp4j:ui -Dkfp4j.local -Dkfp4j.pipeline=" + name + ")");
    }
    return null;
  }

  /** The class output of {@code module}. */
  static File classes(MavenProject module) {
    return new File(module.getBuild().getOutputDirectory());
  }

  /**
   * The class path of {@code module}'s components: its class output, its runtime dependencies resolved now ({@code
   * resolver}; a goal run at the root has only the root's resolved, and {@code mvn compile} resolves no runtime-scoped
   * one), then the class output of each module of the build it depends on, in place of its jar, which may be missing or
   * older. A dependency that cannot be resolved is left out and told to {@code warn}. Without a resolver (none injected): its
   * runtime class path as far as the build resolved it.
   */
  static List<String> classpath(MavenSession session, MavenProject module, ProjectDependenciesResolver resolver,
      Consumer<String> warn) {
    List<String> out = new ArrayList<>();
    if (resolver == null) {
      try {
        out.addAll(module.getRuntimeClasspathElements());
      } catch (DependencyResolutionRequiredException e) {
        out.add(classes(module).getPath());
      }
    } else {
      out.add(classes(module).getPath());
      out.addAll(dependencies(session, module, resolver, warn));
    }
    ProjectDependencyGraph graph = session.getProjectDependencyGraph();
    for (MavenProject upstream : graph == null ? List.<MavenProject>of() : graph.getUpstreamProjects(module, true)) {
      String classes = classes(upstream).getPath();
      if (!"pom".equals(upstream.getPackaging()) && !out.contains(classes)) {
        out.add(classes);
      }
    }
    return out;
  }

  /** The files of {@code module}'s compile and runtime dependencies, resolved now, but for the modules of the build. */
  private static List<String> dependencies(MavenSession session, MavenProject module, ProjectDependenciesResolver resolver,
      Consumer<String> warn) {
    Set<String> modules = new HashSet<>();
    session.getProjects().forEach(p -> modules.add(p.getGroupId() + ":" + p.getArtifactId()));
    DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(module, session.getRepositorySession());
    request.setResolutionFilter((node, parents) -> node.getDependency() == null
        || RUNTIME_SCOPES.contains(node.getDependency().getScope()));
    DependencyResolutionResult result;
    try {
      result = resolver.resolve(request);
    } catch (DependencyResolutionException e) {
      result = e.getResult(); // what was resolved; a module of the build neither packaged nor compiled is not, nor needed
    }
    List<String> out = new ArrayList<>();
    for (Dependency d : result.getDependencies()) {
      Artifact a = d.getArtifact();
      if (a.getFile() != null && !modules.contains(a.getGroupId() + ":" + a.getArtifactId())) {
        out.add(a.getFile().getPath());
      }
    }
    for (Dependency d : result.getUnresolvedDependencies()) {
      Artifact a = d.getArtifact();
      if (!modules.contains(a.getGroupId() + ":" + a.getArtifactId())) {
        warn.accept("kfp4j: " + a + ", a dependency of module " + module.getArtifactId() + ", could not be resolved, so its"
            + " classes are not on the class path of the local UI's runs: " + result.getResolutionErrors(d).stream()
                .map(Throwable::getMessage).findFirst().orElse("no reason given"));
      }
    }
    return out;
  }

  /** Whether the class output {@code classes} holds compiled pipelines, in either format (one it cannot list holds none). */
  static boolean hasPipelines(File classes) {
    try {
      return !CompiledPipelines.in(classes.toPath()).isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Whether the runs folder {@code root} holds a run (a folder). */
  static boolean hasRuns(File root) {
    File[] runs = root == null ? null : root.listFiles(File::isDirectory);
    return runs != null && runs.length > 0;
  }
}
