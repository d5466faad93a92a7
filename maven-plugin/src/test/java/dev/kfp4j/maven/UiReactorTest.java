package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.UiLink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn compile kfp4j:ui -Dkfp4j.local} at the root of a project of modules. The goal needs no project: Maven runs it
 * once, at the root, whose own UI it served, of packaging pom (its runs folder, no pipelines), none of the modules' runs or
 * pipelines. It serves one module's UI now: that of the module that compiled {@code -Dkfp4j.pipeline}, else of the last
 * module of the build's order that has pipelines or runs.
 */
class UiReactorTest {
  @TempDir Path dir;

  /** A build of lib, app and docs: lib's class output holding a pipeline 'prep', app's the examples' (add-example), docs' none. */
  private Reactor reactor() throws Exception {
    Reactor r = new Reactor(dir, "lib", "app", "docs");
    Path prep = r.classes("lib").toPath().resolve("META-INF/kfp4j/pipelines/prep.yaml");
    Files.createDirectories(prep.getParent());
    Files.copy(GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j/pipelines/add-example.yaml"), prep);
    Path app = r.classes("app").toPath().resolve("META-INF/kfp4j/pipelines/add-example.yaml");
    Files.createDirectories(app.getParent());
    Files.copy(GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j/pipelines/add-example.yaml"), app);
    return r;
  }

  /** The goal at the root of {@code r}, as Maven configures it for {@code -Dkfp4j.local -Dkfp4j.port=0}: its defaults the root's. */
  private UiMojo mojo(Reactor r, String pipeline) throws Exception {
    UiMojo mojo = (UiMojo) PluginDescriptor.goals().get("ui").configure(Map.of("kfp4j.local", "true", "kfp4j.port", "0"));
    mojo.session = r.session("parent");
    mojo.packaging = "pom";
    mojo.root = runs(r, "parent").toFile();
    mojo.classes = r.classes("parent");
    mojo.classpath = List.of(mojo.classes.getPath());
    mojo.pipeline = pipeline;
    return mojo;
  }

  private Path runs(Reactor r, String name) {
    return r.project(name).getBasedir().toPath().resolve(".kfp4j/runs");
  }

  /** What a served UI showed: the runs folder it served, and the pipelines its form lists. */
  record Served(Path root, String pipelines) {}

  /**
   * Runs {@code mojo}: when it serves the runs in one of {@code roots}, what it served, and stops it; null when it ended
   * without serving.
   */
  static Served served(UiMojo mojo, List<Path> roots) throws Exception {
    CompletableFuture<Void> served = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        mojo.execute();
        served.complete(null);
      } catch (Exception e) {
        served.completeExceptionally(e);
      }
    });
    t.start();
    Path link = null;
    while (link == null && t.isAlive()) {
      link = roots.stream().map(r -> r.resolve(UiLink.FILE)).filter(Files::exists).findFirst().orElse(null);
      Thread.onSpinWait();
    }
    if (link == null) {
      served.get();
      return null;
    }
    URI url = URI.create(Files.readAllLines(link).get(0));
    String pipelines = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/pipelines")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    t.interrupt();
    served.get();
    return new Served(link.getParent(), pipelines);
  }

  /** What the goal at the root of {@code r} served, watching the runs folder of each project. */
  private Served served(Reactor r, UiMojo mojo) throws Exception {
    return served(mojo, r.projects.stream().map(p -> runs(r, p.getArtifactId())).toList());
  }

  @Test
  void withoutAPipelineTheLastModuleWithPipelinesIsServed() throws Exception {
    Reactor r = reactor();
    UiMojo ui = mojo(r, null);
    Served served = served(r, ui);
    assertEquals(runs(r, "app"), served == null ? null : served.root(), "app's UI, not the root's");
    assertTrue(served.pipelines().contains("{\"name\":\"add-example\""), served.pipelines());
    assertEquals(r.classes("app"), ui.classes);
    assertEquals(List.of(r.classes("app").getPath()), ui.classpath);
    assertFalse(Files.exists(runs(r, "parent")), "the root's own UI is not served");
  }

  @Test
  void aModuleWithRunsHasSomethingToShow() throws Exception {
    Reactor r = reactor();
    Files.createDirectories(runs(r, "docs").resolve("report/20261207-000000-000-abcd"));
    Served served = served(r, mojo(r, null));
    assertEquals(runs(r, "docs"), served == null ? null : served.root(), "docs, after app, has runs");
  }

  @Test
  void aPipelineGivenServesTheModuleThatCompiledIt() throws Exception {
    Reactor r = reactor();
    Served served = served(r, mojo(r, "prep"));
    assertEquals(runs(r, "lib"), served == null ? null : served.root(), "lib's UI");
    assertTrue(served.pipelines().contains("{\"name\":\"prep\""), served.pipelines());
  }

  @Test
  void aPipelineNoModuleCompiledFailsAndNothingIsServed() throws Exception {
    Reactor r = reactor();
    UiMojo ui = mojo(r, "nope");
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> served(r, ui));
    MojoFailureException e = assertInstanceOf(MojoFailureException.class, thrown.getCause());
    assertEquals("kfp4j:ui failed: no module of the build compiled a pipeline 'nope' (compile it first: mvn compile kfp4j:ui"
        + " -Dkfp4j.local -Dkfp4j.pipeline=nope)", e.getMessage());
    assertFalse(Files.exists(runs(r, "parent")));
  }

  /** With nothing to show in any module, the goal does not block serving an empty UI. */
  @Test
  void nothingToShowServesNothing() throws Exception {
    Reactor r = new Reactor(dir, "lib", "app");
    assertNull(served(r, mojo(r, null)));
    for (String m : List.of("parent", "lib", "app")) {
      assertFalse(Files.exists(runs(r, m)), m);
    }
  }
}
