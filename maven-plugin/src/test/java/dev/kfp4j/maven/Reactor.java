package dev.kfp4j.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/**
 * A build of several modules as Maven gives it to a goal: the projects in the build's order (a parent of packaging pom
 * first), and for each module the session Maven hands its goals, a copy of the build's whose current project is that
 * module (as {@code mvn -T} makes one for each module it builds in parallel).
 */
final class Reactor {
  final MavenSession build;
  final List<MavenProject> projects = new ArrayList<>();

  /** The parent {@code parent} of packaging pom, then a jar module in {@code dir} for each of {@code modules}. */
  Reactor(Path dir, String... modules) {
    projects.add(project(dir, "parent", "pom"));
    for (String m : modules) {
      projects.add(project(dir.resolve(m), m, "jar"));
    }
    build = new MavenSession(null, null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult());
    build.setProjects(projects);
  }

  private static MavenProject project(Path dir, String name, String packaging) {
    Model model = new Model();
    model.setGroupId("org.acme");
    model.setArtifactId(name);
    model.setVersion("1.0");
    model.setPackaging(packaging);
    Build build = new Build();
    build.setOutputDirectory(dir.resolve("target/classes").toString());
    model.setBuild(build);
    MavenProject p = new MavenProject(model);
    p.setFile(dir.resolve("pom.xml").toFile());
    return p;
  }

  /** The project named {@code name}. */
  MavenProject project(String name) {
    return projects.stream().filter(p -> p.getArtifactId().equals(name)).findFirst().orElseThrow();
  }

  /** The session of the module {@code name}'s goals, in any thread (a copy's current project is the one it was made with). */
  MavenSession session(String name) {
    build.setCurrentProject(project(name));
    return build.clone();
  }

  /** Notes that the module {@code name} has finished building. */
  void finished(String name) {
    build.getResult().addBuildSummary(new BuildSuccess(project(name), 1));
  }

  /** The module {@code name}'s class output. */
  File classes(String name) {
    return new File(project(name).getBuild().getOutputDirectory());
  }
}
