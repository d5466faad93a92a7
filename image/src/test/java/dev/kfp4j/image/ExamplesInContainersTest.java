package dev.kfp4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.Containers;
import dev.kfp4j.local.LocalRun;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import dev.kfp4j.testing.containers.LoopbackRegistry;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The examples' image, built by {@link ProjectImage} from {@code examples/target/classes} and their
 * runtime dependencies on a JRE base, pushed to a registry on loopback and pulled from it; then the
 * examples run in containers of it, with docker or podman, as a cluster would run them.
 */
class ExamplesInContainersTest {
  /** The image the examples' components name (-Akfp4j.image in examples/pom.xml). */
  static final String NAMED = "ghcr.io/kfp4j/kfp4j-examples:0.1.0-SNAPSHOT";

  static Engine engine;
  static LoopbackRegistry registry;
  static String image;
  static ProjectImage.Built built;

  @TempDir static Path runs;

  @BeforeAll
  static void buildAndPush() throws IOException {
    engine = Engine.require();
    long t0 = System.nanoTime();
    String base = BaseImages.java(engine);
    long t1 = System.nanoTime();
    registry = LoopbackRegistry.start();
    image = registry.host() + "/kfp4j/examples:test";
    built = ProjectImage.builder().classes(ExamplesProject.classes()).dependencies(ExamplesProject.dependencies())
        .base("docker://" + base).engine(engine.command()).image(image).build();
    long t2 = System.nanoTime();
    engine.pullFromLoopback(built.pinned());
    long t3 = System.nanoTime();
    System.out.printf("kfp4j: java base %d ms, image build and push %d ms, pull %d ms%n", (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (built != null) {
      engine.remove(built.pinned());
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static LocalRunner runner(Containers containers) {
    return LocalRunner.builder().root(runs).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).containers(containers).build();
  }

  private static Containers containers() {
    return Containers.engine(engine.command().get(0)).withEngineArgs(engine.command().subList(1, engine.command().size()))
        .withImage(NAMED, built.pinned());
  }

  private static Workflow pipeline(String name) {
    return Workflow.resource(ExamplesInContainersTest.class.getClassLoader(), "META-INF/kfp4j/pipelines/" + name + ".yaml");
  }

  @Test
  void theAddExamplePrintsWhatItPrintsInProcessAndEachTaskRanInTheBuiltImage() throws IOException {
    Map<String, String> args = Map.of("value1", "3", "value2", "4");
    RunResult here = runner(null).run(pipeline("add-example"), args);
    long t0 = System.nanoTime();
    RunResult inContainers = runner(containers()).run(pipeline("add-example"), args);
    System.out.printf("kfp4j: the add example in containers: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    assertTrue(inContainers.succeeded(), inContainers.tasks().toString());
    assertEquals(List.of("add = 7", "subtract = -1", "multiply = -7"), LocalRun.results(inContainers));
    assertEquals(LocalRun.results(here), LocalRun.results(inContainers));
    JsonNode record = Yaml.json().readTree(Files.readString(inContainers.runDir().resolve("run.json")));
    for (String task : List.of("add", "subtract", "multiply")) {
      JsonNode t = record.at("/tasks/" + task);
      assertEquals(built.pinned(), t.path("image").asString(), task);
      assertEquals(engine.imageId(built.pinned()), t.path("imageId").asString(), task);
      assertEquals("java", t.at("/command/0").asString(), task + " ran the component's own command");
      assertTrue(t.path("command").toString().contains("/tmp/outputs/Output/data"), task + ": the container's own paths");
    }
  }

  @Test
  void theMixedJavaAndPythonExampleRunsEachTaskInItsImage() throws IOException {
    String python = BaseImages.python(engine);
    String shell = BaseImages.shell(engine);
    RunResult r = runner(containers().withImage("python:3.12-slim", python).withImage("busybox:1.36", shell))
        .run(pipeline("mixed-java-python"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    RunResult here = runner(null).run(pipeline("mixed-java-python"), Map.of());
    assertEquals(LocalRun.results(here), LocalRun.results(r));
    JsonNode record = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json")));
    assertEquals(python, record.at("/tasks/add-2/image").asString());
    assertEquals(shell, record.at("/tasks/hash-file/image").asString());
    assertEquals(built.pinned(), record.at("/tasks/add/image").asString());
  }

  /** The KFP 2 pipeline file the examples import: its busybox tasks in the shell image, where the calls are, beside Java tasks. */
  @Test
  void theImportedPipelineFileRunsEachOfItsTasksInItsImage() throws IOException {
    String shell = BaseImages.shell(engine);
    RunResult r = runner(containers().withImage("busybox:1.36", shell)).run(pipeline("text-stats-twice"), Map.of());
    assertTrue(r.succeeded(), r.tasks().toString());
    RunResult here = runner(null).run(pipeline("text-stats-twice"), Map.of());
    assertEquals(LocalRun.results(here), LocalRun.results(r));
    assertEquals("7", r.output("add", "Output"));
    JsonNode record = Yaml.json().readTree(Files.readString(r.runDir().resolve("run.json")));
    assertEquals(shell, record.at("/tasks/text-stats-count-words/image").asString());
    assertEquals(shell, record.at("/tasks/text-stats-2-sha256/image").asString());
    assertEquals(built.pinned(), record.at("/tasks/read-text/image").asString());
  }

  @Test
  void aStepStartsFromTheClassDataArchiveTheImageCarries() throws IOException {
    Engine.Result r = engine.run("run", "--rm", "--entrypoint", "java", built.pinned(), "-Xlog:class+load=info", "-cp",
        dev.kfp4j.spec.ContainerSpec.IMAGE_CLASSPATH, "dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4",
        "----output-paths", "/tmp/outputs/Output/data");
    assertEquals(0, r.exit(), r.output());
    for (String c : List.of("dev.kfp4j.examples.CalcEntrypoint", "dev.kfp4j.examples.Calc", "dev.kfp4j.entrypoint.Entrypoint",
        "java.lang.Object")) {
      assertTrue(r.output().contains(" " + c + " source: shared objects file"), c + " from the archive:\n" + r.output());
    }
    List<String> outside = r.output().lines().filter(l -> l.contains("[class,load]") && !l.endsWith("source: shared objects file"))
        .toList();
    assertEquals(List.of(), outside, "every class the step loads comes from the archive");
  }

  @Test
  void aJavaWhoseClassPathDoesNotMatchTheArchiveStillRuns() throws IOException {
    Engine.Result r = engine.run("run", "--rm", "--entrypoint", "java", built.pinned(), "-cp", "/app/libs/lib/*", "-version");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("Picked up JDK_JAVA_OPTIONS: " + ClassDataArchive.OPTIONS), r.output());
  }

  @Test
  void theImageCheckPassesForEveryComponentOfTheExamples() throws IOException {
    JavaComponents components = JavaComponents.read(ExamplesProject.classes());
    long t0 = System.nanoTime();
    ImageCheck.Report report = ImageCheck.run(engine.command(), built.pinned(), components.in(NAMED));
    System.out.printf("kfp4j: image check of %d components: %d ms%n", components.in(NAMED).size(), (System.nanoTime() - t0) / 1_000_000);
    assertTrue(report.passed(), report.problems().toString());
    assertEquals(components.in(NAMED).stream().map(JavaComponents.Component::name).toList(), report.ok());
  }
}
