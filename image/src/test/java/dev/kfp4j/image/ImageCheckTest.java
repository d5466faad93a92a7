package dev.kfp4j.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.containers.BaseImages;
import dev.kfp4j.testing.containers.Engine;
import dev.kfp4j.testing.containers.LoopbackRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose component calls a library: its image, loaded into the engine, passes the image
 * check only when the library's jar is in it; without it the check names the missing class and
 * the class that needs it, before anything is pushed. Pushed to a registry on loopback, it is checked
 * as the engine pulls it from there.
 */
class ImageCheckTest {
  static final String IMAGE = "localhost/kfp4j-test/shout:check";
  static Engine engine;
  static String base;
  @TempDir static Path project;

  @BeforeAll
  static void compile() throws IOException {
    engine = Engine.require();
    base = BaseImages.java(engine);
    Path src = Files.createDirectories(project.resolve("src/dev/acme"));
    Files.writeString(src.resolve("Shout.java"), """
        package dev.acme;

        import dev.kfp4j.annotations.Component;

        public final class Shout {
          /** Upper-cases a text, with Guava. */
          @Component
          public static String shout(String text) {
            return Helper.loud(text);
          }
        }
        """);
    Files.writeString(src.resolve("Helper.java"), """
        package dev.acme;

        final class Helper {
          static String loud(String text) {
            return com.google.common.base.Ascii.toUpperCase(text) + "!";
          }
        }
        """);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = System.getProperty("java.class.path");
    int code = javac.run(null, null, null, "-d", Files.createDirectories(project.resolve("classes")).toString(), "-classpath", cp,
        "-processorpath", cp, "-Akfp4j.image=" + IMAGE, "--release", "17", src.resolve("Shout.java").toString(),
        src.resolve("Helper.java").toString());
    assertEquals(0, code, "the project compiles");
  }

  @AfterEach
  void removeTheImage() throws IOException {
    engine.remove(IMAGE); // built into the engine by a test: the next one's build would leave it there unnamed
  }

  private static ProjectImage.Built build(List<Path> dependencies) throws IOException {
    return ProjectImage.builder().classes(project.resolve("classes")).dependencies(dependencies).base("docker://" + base)
        .engine(engine.command()).image(IMAGE).to(ProjectImage.Target.DAEMON, null).build();
  }

  private static Path guava() throws IOException {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        try (ZipFile jar = new ZipFile(entry)) {
          if (jar.getEntry("com/google/common/base/Ascii.class") != null) {
            return Path.of(entry);
          }
        }
      }
    }
    throw new IllegalStateException("no Guava on the test's class path");
  }

  @Test
  void aComponentWhoseLibraryIsNotInTheImageFailsTheCheckNamingTheClass() throws IOException {
    ProjectImage.Built built = build(ExamplesProject.entrypointOnly());
    assertEquals(engine.imageId(IMAGE), built.imageId(), "the image the engine has is the one built");
    JavaComponents components = JavaComponents.read(project.resolve("classes"));
    assertEquals(IMAGE, components.projectImage(null));

    ImageCheck.Report report = ImageCheck.run(engine.command(), IMAGE, components.in(IMAGE));

    assertEquals(List.of(), report.ok());
    assertEquals(List.of(new ImageCheck.Problem("shout", "class com.google.common.base.Ascii is not in the image, and dev.acme.Helper "
        + "needs it (a dependency missing from /app/libs?)")), report.problems());
  }

  @Test
  void withTheLibraryTheCheckPasses() throws IOException {
    List<Path> deps = new ArrayList<>(ExamplesProject.entrypointOnly());
    deps.add(guava());
    List<String> log = new ArrayList<>();
    ProjectImage.builder().classes(project.resolve("classes")).dependencies(deps).base("docker://" + base).engine(engine.command())
        .image(IMAGE).to(ProjectImage.Target.DAEMON, null).log(log::add).build();
    assertTrue(log.contains("class-data archive of 1 component made by the image's java: /app/kfp4j.jsa"), log.toString());
    ImageCheck.Report report = ImageCheck.run(engine.command(), IMAGE, JavaComponents.read(project.resolve("classes")).in(IMAGE));
    assertTrue(report.passed(), report.problems().toString());
    assertEquals(List.of("shout"), report.ok());
  }

  @Test
  void anImagePushedToARegistryOnLoopbackIsCheckedThereAsPushed() throws IOException {
    List<Path> deps = new ArrayList<>(ExamplesProject.entrypointOnly());
    deps.add(guava());
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      ProjectImage.Built built = ProjectImage.builder().classes(project.resolve("classes")).dependencies(deps).base("docker://" + base)
          .engine(engine.command()).image(registry.host() + "/acme/shout:check").classDataArchive(false).build();
      try {
        // not pulled first: the engine pulls it from the registry, which serves plain HTTP, as 'kfp4j image --check' right after the push
        ImageCheck.Report report = ImageCheck.run(engine.command(), built.pinned(), JavaComponents.read(project.resolve("classes"))
            .components());
        assertTrue(report.passed(), report.problems().toString());
        assertEquals(List.of("shout"), report.ok());
      } finally {
        engine.remove(built.pinned());
      }
    }
  }

  @Test
  void withoutAnEngineThatRunsItTheImageIsBuiltWithoutAClassDataArchiveAndTheLogSaysWhy(@TempDir Path dir) throws IOException {
    Path baseTar = dir.resolve("base.tar");
    engine.check("save", "--output", baseTar.toString(), base);
    List<String> log = new ArrayList<>();
    Path tar = dir.resolve("image.tar");
    ProjectImage.builder().classes(project.resolve("classes")).dependencies(ExamplesProject.entrypointOnly()).base("tar://" + baseTar)
        .engine(List.of("/nonexistent/kfp4j-engine")).image(IMAGE).to(ProjectImage.Target.TAR, tar).log(log::add).build();
    assertTrue(Files.size(tar) > 0);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("no class-data archive: cannot load the image into /nonexistent/kfp4j-engine")),
        log.toString());
  }

  @Test
  void anImageWithoutJavaCannotBeChecked() throws IOException {
    String shell = BaseImages.shell(engine);
    ImageCheck.NoJavaException e = org.junit.jupiter.api.Assertions.assertThrows(ImageCheck.NoJavaException.class,
        () -> ImageCheck.run(engine.command(), shell, JavaComponents.read(project.resolve("classes")).components()));
    assertTrue(e.getMessage().startsWith("cannot start java in " + shell), e.getMessage());
  }
}
