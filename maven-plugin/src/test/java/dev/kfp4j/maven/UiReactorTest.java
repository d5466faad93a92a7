package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.UiLink;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn kfp4j:ui -Dkfp4j.local} at the root of a project of modules: it served the local UI in the first project of
 * the build, the parent (its runs folder, no pipelines), and blocked there until stopped, so no module had its turn. The
 * build serves one module's UI now, once, in the module whose turn is the last: that of the module that compiled {@code
 * -Dkfp4j.pipeline}, else of the last module of the build's order that has pipelines or runs.
 */
class UiReactorTest {
  @TempDir Path dir;

  /** A build of lib, app and docs: lib's class output holding a pipeline 'prep', app's the examples' (add-example), docs' none. */
  private Reactor reactor() throws Exception {
    Reactor r = new Reactor(dir, "lib", "app", "docs");
    Path prep = r.classes("lib").toPath().resolve("META-INF/kfp4j/pipelines/prep.yaml");
    Files.createDirectories(prep.getParent());
    Files.copy(GoalsTest.CLASSES.toPath().resolve("META-INF/kfp4j/pipelines/add-example.yaml"), prep);
    return r;
  }

  /** The goal in the project {@code name} of {@code r}, as Maven configures it for {@code -Dkfp4j.local -Dkfp4j.port=0}. */
  private UiMojo mojo(Reactor r, String name, String pipeline) throws Exception {
    UiMojo mojo = (UiMojo) PluginDescriptor.goals().get("ui").configure(Map.of("kfp4j.local", "true", "kfp4j.port", "0"));
    var project = r.project(name);
    mojo.session = r.session(name);
    mojo.packaging = project.getPackaging();
    mojo.root = new File(project.getBasedir(), ".kfp4j/runs");
    mojo.classes = name.equals("app") ? GoalsTest.CLASSES : r.classes(name);
    mojo.classpath = List.of(mojo.classes.getPath());
    mojo.pipeline = pipeline;
    return mojo;
  }

  /**
   * Runs {@code mojo}: when it serves the runs in {@code servedRoot}, the pipelines its UI's form lists, and stops it; null
   * when it ended without serving. (Before, the parent's and lib's goals served their own, and blocked until stopped so.)
   */
  private static String pipelinesServed(UiMojo mojo, Path servedRoot) throws Exception {
    CompletableFuture<Void> served = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        mojo.execute();
        served.complete(null);
      } catch (Exception e) {
        served.completeExceptionally(e);
      }
    });
    Path link = servedRoot.resolve(UiLink.FILE);
    t.start();
    while (!Files.exists(link) && t.isAlive()) {
      Thread.onSpinWait();
    }
    if (!Files.exists(link)) {
      served.get();
      return null;
    }
    URI url = URI.create(Files.readAllLines(link).get(0));
    String pipelines = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/pipelines")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    t.interrupt();
    served.get();
    return pipelines;
  }

  private Path runs(Reactor r, String name) {
    return r.project(name).getBasedir().toPath().resolve(".kfp4j/runs");
  }

  @Test
  void withoutAPipelineTheLastModuleWithPipelinesIsServedOnceInTheLastTurn() throws Exception {
    Reactor r = reactor();
    Files.createDirectories(runs(r, "parent"));
    List<Path> roots = new ArrayList<>(List.of(runs(r, "parent"), runs(r, "lib"), runs(r, "app")));
    assertNull(pipelinesServed(mojo(r, "parent", null), runs(r, "parent")), "the parent, of packaging pom, skips the goal");
    assertNull(pipelinesServed(mojo(r, "lib", null), runs(r, "lib")), "lib, before app, leaves it its turn");
    assertNull(pipelinesServed(mojo(r, "app", null), runs(r, "app")), "app, the last with pipelines, leaves docs its turn");
    assertEquals(List.of(), roots.stream().filter(p -> Files.exists(p.resolve(UiLink.FILE))).toList());
    // docs, which has nothing to show, has the last turn: app's UI is served there, its runs folder and its pipelines
    String served = pipelinesServed(mojo(r, "docs", null), runs(r, "app"));
    assertTrue(served != null && served.contains("{\"name\":\"add-example\""), served);
  }

  @Test
  void aPipelineGivenServesTheModuleThatCompiledIt() throws Exception {
    Reactor r = reactor();
    assertNull(pipelinesServed(mojo(r, "lib", "prep"), runs(r, "lib")));
    assertNull(pipelinesServed(mojo(r, "app", "prep"), runs(r, "lib")));
    assertTrue(pipelinesServed(mojo(r, "docs", "prep"), runs(r, "lib")) != null, "lib's UI served in docs' turn");
    assertFalse(Files.exists(runs(r, "app").resolve(UiLink.FILE)));
  }

  @Test
  void aPipelineNoModuleCompiledFailsTheLastTurnAndNothingIsServed() throws Exception {
    Reactor r = reactor();
    assertNull(pipelinesServed(mojo(r, "lib", "nope"), runs(r, "lib")));
    assertNull(pipelinesServed(mojo(r, "app", "nope"), runs(r, "app")));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo(r, "docs", "nope")::execute);
    assertEquals("kfp4j:ui failed: no module of the build compiled a pipeline 'nope' (compile it first: mvn compile kfp4j:ui"
        + " -Dkfp4j.local -Dkfp4j.pipeline=nope)", e.getMessage());
  }

  /** With nothing to show in any module, no module blocks serving an empty UI. */
  @Test
  void nothingToShowServesNothing() throws Exception {
    Reactor r = new Reactor(dir, "lib", "app");
    for (String m : List.of("lib", "app")) {
      UiMojo mojo = mojo(r, m, null);
      mojo.classes = r.classes(m);
      assertNull(pipelinesServed(mojo, runs(r, m)), m);
      assertFalse(Files.exists(runs(r, m)));
    }
  }
}
