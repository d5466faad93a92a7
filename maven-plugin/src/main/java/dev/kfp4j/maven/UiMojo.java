package dev.kfp4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Prints the KFP UI's address, or a run's page; with {@code -Dkfp4j.local}, serves the local UI
 * as {@code kfp4j ui --local} does, until stopped (Ctrl-C): {@code mvn compile kfp4j:ui
 * -Dkfp4j.local} shows the runs in {@code .kfp4j/runs} on {@code http://127.0.0.1:8765/}, and its
 * "create run" form starts the project's compiled pipelines on the project's classpath. Needing no project, it runs once
 * in a build of several modules, at the root, and serves one module's UI ({@link ReactorUi}).
 */
@Mojo(name = "ui", requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class UiMojo extends ServerMojo {
  public UiMojo() {
    super("ui");
  }

  /** A run's id: print its page's address instead of the UI's front page. */
  @Parameter(property = "kfp4j.run")
  String run;

  /** Serve the local UI over the local runs folder instead. */
  @Parameter(property = "kfp4j.local", defaultValue = "false")
  boolean local;

  /** The local runs folder. */
  @Parameter(property = "kfp4j.root", defaultValue = "${project.basedir}/.kfp4j/runs")
  File root;

  /** The local UI's port; 0 for any free one. */
  @Parameter(property = "kfp4j.port", defaultValue = "8765")
  int port;

  /** A loopback address for the local UI to serve on; any other is refused. */
  @Parameter(property = "kfp4j.bind", defaultValue = "127.0.0.1")
  String bind;

  /** Where {@code mvn compile} wrote the pipelines the local UI's form starts. */
  @Parameter(property = "kfp4j.classes", defaultValue = "${project.build.outputDirectory}")
  File classes;

  /** The project's runtime classpath, where its components load from. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
  List<String> classpath;

  /** Resolves the dependencies of the module whose UI is served at the root of a build of several modules. */
  @Component
  ProjectDependenciesResolver resolver;

  /** Open it in the desktop's browser. */
  @Parameter(property = "kfp4j.open", defaultValue = "false")
  boolean open;

  /**
   * With {@code local}, at the root of a build of several modules: the module whose local UI the goal serves is the one that
   * compiled this pipeline ({@link ReactorUi}).
   */
  @Parameter(property = "kfp4j.pipeline")
  String pipeline;

  /** In a build of several modules, with {@code local}: serves the chosen module's UI ({@link ReactorUi}), or none. */
  @Override
  String elsewhere(String goal) throws MojoFailureException {
    MavenProject top = session == null ? null : session.getCurrentProject();
    if (!local || top == null || session.getProjects().size() < 2) {
      return null; // the UI of KFP, or a build of one project: its own
    }
    boolean defaultRoot = new File(top.getBasedir(), ".kfp4j/runs").equals(root); // else given: the same for any module
    Function<MavenProject, File> runsOf = m -> defaultRoot ? new File(m.getBasedir(), ".kfp4j/runs") : root;
    MavenProject module = ReactorUi.module(session, pipeline, runsOf);
    if (module == null) {
      return "kfp4j: skipped: no module of the build has compiled pipelines or runs to show (compile first: mvn compile"
          + " kfp4j:ui -Dkfp4j.local)";
    }
    getLog().info("kfp4j: the local UI of module " + module.getArtifactId() + " (" + module.getBasedir() + ")");
    root = runsOf.apply(module);
    if (ReactorUi.classes(top).equals(classes)) { // not given: the module's
      classes = ReactorUi.classes(module);
      classpath = ReactorUi.classpath(session, module, resolver, getLog()::warn);
    }
    return null;
  }

  /** {@code kfp4j ui} prints a link or serves a page: it has no {@code --output}. */
  @Override
  boolean printsAnswers() {
    return false;
  }

  @Override
  List<String> goalArguments() {
    List<String> args = new ArrayList<>();
    option(args, "--run", run);
    flag(args, "--open", open);
    if (local) {
      args.add("--local");
      option(args, "--root", root);
      option(args, "--port", port);
      option(args, "--bind", bind);
      // a --classes named must be there: without it (a project not compiled, or none), the UI serves the runs alone
      boolean compiled = classes != null && classes.isDirectory();
      if (compiled) {
        option(args, "--classes", classes);
      }
      List<String> entries = classpath == null ? List.of()
          : classpath.stream().filter(e -> compiled || classes == null || !new File(e).equals(classes)).toList();
      if (!entries.isEmpty()) {
        option(args, "--classpath", String.join(File.pathSeparator, entries));
      }
    }
    return args;
  }
}
