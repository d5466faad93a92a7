package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import dev.kfp4j.testing.containers.LoopbackRegistry;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * From {@code mvn compile} to containers, with the goals as Maven runs them: {@code kfp4j:image}
 * builds the examples' image and pushes it to a registry on loopback, {@code kfp4j:run} with
 * {@code containers} runs the add example in it, {@code kfp4j:validate} with {@code checkImage}
 * runs every entrypoint in it, and {@code kfp4j:upload-pipeline} with {@code pinImage} names it by
 * digest. The image is named once, in the config's {@code run_config.image}.
 */
class ImageGoalsTest {
  /** The image the examples' components were compiled with (-Akfp4j.image in examples/pom.xml). */
  static final String COMPILED = "ghcr.io/kfp4j/kfp4j-examples:0.1.0-SNAPSHOT";
  private static final List<String> RUNTIME = List.of("kfp4j-annotations", "annotations/target/classes", "kfp4j-runtime",
      "runtime/target/classes", "kfp4j-entrypoint", "entrypoint/target/classes", "/tools/jackson/", "/jackson-annotations", "snakeyaml");

  static Engine engine;
  static LoopbackRegistry registry;
  static String base;
  static String image;
  static Path classes;
  static File config;
  static String pinned;
  @TempDir static Path dir;

  @BeforeAll
  static void buildWithTheGoal() throws Exception {
    engine = Engine.require();
    base = BaseImages.java(engine);
    registry = LoopbackRegistry.start();
    image = registry.host() + "/kfp4j/examples:goal";
    classes = copy(GoalsTest.CLASSES.toPath(), dir.resolve("target/classes"));
    config = Files.writeString(dir.resolve("kfp4j.yaml"), "run_config:\n  image: " + image + "\n").toFile();
    ImageMojo goal = imageGoal();
    goal.execute();
    JsonNode record = Yaml.json().readTree(Files.readString(dir.resolve("target/kfp4j-image.json")));
    assertEquals(image, record.path("image").asString());
    assertEquals("registry", record.path("target").asString());
    pinned = record.path("pinned").asString();
    assertEquals(image + "@" + record.path("digest").asString(), pinned);
    engine.pullFromLoopback(pinned);
  }

  @AfterAll
  static void stop() throws IOException {
    if (engine != null && image != null) {
      if (pinned != null) {
        engine.remove(pinned);
      }
      engine.remove(image); // the one a test loads into the engine
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static ImageMojo imageGoal() {
    ImageMojo goal = engineOf(new ImageMojo());
    goal.classes = classes.toFile();
    goal.classpath = dependencies();
    goal.base = "docker://" + base;
    goal.config = config;
    return goal;
  }

  private static <T extends Kfp4jMojo> T engineOf(T goal) {
    goal.engine = engine.command().get(0);
    goal.engineArgs = engine.command().subList(1, engine.command().size());
    return goal;
  }

  @Test
  void theGoalRefusesToBuildAnImageTheStepsDoNotRunIn() {
    ImageMojo goal = imageGoal();
    goal.image = registry.host() + "/kfp4j/other:1";
    MojoExecutionException e = assertThrows(MojoExecutionException.class, goal::execute);
    assertTrue(e.getMessage().contains("the image to build is '" + goal.image + "', but run_config.image of the config file is '"
        + image + "'"), e.getMessage());
  }

  @Test
  void theAddExampleRunsInTheBuiltImageWithTheRunGoal() throws Exception {
    RunMojo run = engineOf(new RunMojo());
    run.pipeline = "add-example";
    run.classes = classes.toFile();
    run.arguments = Map.of("value1", "3", "value2", "4");
    run.root = dir.resolve("runs").toFile();
    run.containers = true;
    run.mapImages = List.of(COMPILED + "=" + pinned);
    List<String> lines = new ArrayList<>();
    run.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        lines.add(line.toString());
      }
    });
    run.execute();
    assertEquals(List.of("add = 7", "subtract = -1", "multiply = -7"), lines.subList(0, 3));
    assertTrue(lines.get(3).startsWith("run folder: "), lines.toString());
    Path runJson;
    try (Stream<Path> s = Files.walk(dir.resolve("runs/add-example"))) {
      runJson = s.filter(p -> p.endsWith("run.json")).findFirst().orElseThrow();
    }
    JsonNode tasks = Yaml.json().readTree(Files.readString(runJson)).path("tasks");
    for (String task : List.of("add", "subtract", "multiply")) {
      assertEquals(pinned, tasks.at("/" + task + "/image").asString(), task);
      assertEquals(engine.imageId(pinned), tasks.at("/" + task + "/imageId").asString(), task);
    }
  }

  @Test
  void theValidateGoalRunsEveryEntrypointInTheImage() throws Exception {
    ValidateMojo validate = engineOf(new ValidateMojo());
    validate.classes = classes.toFile();
    validate.config = config;
    validate.checkImage = pinned;
    List<String> lines = new ArrayList<>();
    validate.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        lines.add(line.toString());
      }
    });
    validate.execute();
    assertTrue(lines.contains("ok      add in " + pinned), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("INVALID")), lines.toString());
  }

  /** The image goal refuses to build an image without kfp4j-entrypoint; one built so by another tool fails the validate goal. */
  @Test
  void anImageWithoutADependencyFailsTheValidateGoalNamingTheMissingClass() throws Exception {
    Path lean = copy(classes, dir.resolve("lean/target/classes"));
    List<Path> withoutEntrypoint = dependencies().stream().filter(d -> !d.replace('\\', '/').contains("entrypoint")).map(Path::of).toList();
    ImageMojo goal = imageGoal();
    goal.classes = lean.toFile();
    goal.classpath = withoutEntrypoint.stream().map(Path::toString).toList();
    goal.to = "daemon";
    MojoExecutionException refused = assertThrows(MojoExecutionException.class, goal::execute);
    assertTrue(refused.getMessage().startsWith("kfp4j:image failed: the image would have no kfp4j-entrypoint"),
        refused.getMessage());
    dev.kfp4j.image.ProjectImage.builder().classes(lean).dependencies(withoutEntrypoint).base("docker://" + base)
        .engine(engine.command()).image(image).to(dev.kfp4j.image.ProjectImage.Target.DAEMON, null).classDataArchive(false).build();

    ValidateMojo validate = engineOf(new ValidateMojo());
    validate.classes = lean.toFile();
    validate.config = config;
    validate.checkImage = "true";
    List<String> lines = new ArrayList<>();
    validate.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        lines.add(line.toString());
      }

      @Override
      public void error(CharSequence line) {
        lines.add(line.toString());
      }
    });
    MojoExecutionException e = assertThrows(MojoExecutionException.class, validate::execute);
    assertTrue(e.getMessage().contains("components cannot run in " + image), e.getMessage());
    assertTrue(lines.stream().anyMatch(l -> l.matches("INVALID add: class dev\\.kfp4j\\.entrypoint\\.[A-Za-z.$]+ is not in the image, "
        + "and dev\\.kfp4j\\.[A-Za-z.$]+ needs it \\(a dependency missing from /app/libs\\?\\)")), lines.toString());
  }

  @Test
  void anUploadWithPinImageNamesTheBuiltImageByDigest() throws Exception {
    try (FakeKfpServer kfp = FakeKfpServer.start()) {
      UploadPipelineMojo upload = new UploadPipelineMojo();
      upload.host = kfp.uri().toString();
      upload.classes = classes.toFile();
      upload.pipeline = "add-example";
      upload.output = "table";
      upload.config = config;
      upload.pinImage = true;
      upload.execute();
      String yaml = kfp.template(kfp.versions().get(0).path("id").asString(""));
      List<String> images = new ArrayList<>();
      for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
        if (t.has("container")) {
          images.add(t.at("/container/image").asString());
        }
      }
      assertEquals(List.of(pinned, pinned, pinned), images);
    }
  }

  /** The examples' runtime dependencies on this test's class path. */
  private static List<String> dependencies() {
    List<String> deps = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String unix = entry.replace('\\', '/');
      if (RUNTIME.stream().anyMatch(unix::contains) && !unix.contains("examples")) {
        deps.add(entry);
      }
    }
    return deps;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }
}
