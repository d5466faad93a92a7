package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java tasks run as subprocesses start from a class-data archive of the classes the first of them
 * loaded: kept in the runner's cache, reused by the next tasks and runs, never a JVM message in a
 * task's log; none where the JVM cannot archive the classpath (a folder of classes before a jar).
 */
class JavaStartTest {
  @TempDir Path dir;

  private static final String CHAIN = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: cds-}\n"
      + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
      + "      - {name: a, template: t}\n      - {name: b, template: t, dependencies: [a]}\n"
      + "  - name: t\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
      + "    container:\n      image: a\n"
      + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, write, found, /tmp/outputs/out/data]\n";

  /** A jar of the test entrypoint, as a project's jar in an image. */
  private Path entrypointJar() throws Exception {
    Path jar = dir.resolve("app.jar");
    String name = TestEntrypoint.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry(name));
      try (var in = TestEntrypoint.class.getClassLoader().getResourceAsStream(name)) {
        in.transferTo(j);
      }
      j.closeEntry();
    }
    return jar;
  }

  private RunResult run(Path root, String classpath) {
    LocalRunner runner = LocalRunner.builder().root(root).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .classpath(classpath).console(new PrintStream(new ByteArrayOutputStream())).progress(false).summary(false).build();
    RunResult r = runner.run(Workflow.parse(CHAIN, "cds"), Map.of());
    assertTrue(r.succeeded(), r.toString());
    assertEquals("found", r.output("b", "out"));
    return r;
  }

  private static List<Path> files(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  @Test
  void theFirstJavaTaskWritesTheArchiveTheOthersStartFromIt() throws Exception {
    Path root = dir.resolve("runs");
    String classpath = entrypointJar().toString();
    RunResult first = run(root, classpath);
    List<Path> archives = files(root.resolve(".cache").resolve("java"));
    assertEquals(1, archives.size(), archives.toString());
    assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
    assertTrue(Files.size(archives.get(0)) > 0);
    for (String task : List.of("a", "b")) {
      assertEquals("writing found\n", Files.readString(first.runDir().resolve(task).resolve("log.txt")));
    }
    RunResult second = run(root, classpath);
    assertEquals(archives, files(root.resolve(".cache").resolve("java")), "the archive alone, no class list left");
    assertEquals("writing found\n", Files.readString(second.runDir().resolve("a").resolve("log.txt")));
    String loaded = loadedFrom(archives.get(0), classpath);
    assertTrue(loaded.contains(" " + TestEntrypoint.class.getName() + " source: shared objects file"), loaded);
  }

  /** The class loading of a task started from {@code archive}, which it must map ({@code -Xshare:on}). */
  private String loadedFrom(Path archive, String classpath) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
        "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-cp", classpath, TestEntrypoint.class.getName(),
        "write", "found", dir.resolve("out").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void theCacheKeepsTheArchivesUsedLastAndNothingElseIsDeleted() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (int i = 0; i < 6; i++) {
      Path a = Files.writeString(cache.resolve(String.format("%024x.jsa", i)), "archive " + i);
      Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    List<String> others = List.of("notes.txt", "writing-loading-1.classlist.jsa", "loading-2.classlist", "ABCDEF0123456789ABCDEF01.jsa");
    for (String name : others) {
      Files.writeString(cache.resolve(name), name);
    }
    JavaStart.prune(cache);
    List<String> left = files(cache).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("000000000000000000000002.jsa", "000000000000000000000003.jsa", "000000000000000000000004.jsa",
        "000000000000000000000005.jsa", "ABCDEF0123456789ABCDEF01.jsa", "loading-2.classlist", "notes.txt",
        "writing-loading-1.classlist.jsa"), left);
  }

  @Test
  void aRunTouchesTheArchiveItMapsSoThatTheCacheKeepsIt() throws Exception {
    Path root = dir.resolve("runs");
    String classpath = entrypointJar().toString();
    run(root, classpath);
    Path cache = root.resolve(".cache").resolve("java");
    Path archive = files(cache).get(0);
    Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(0));
    for (int i = 0; i < JavaStart.KEPT; i++) { // newer archives of other classpaths
      Path other = Files.writeString(cache.resolve(String.format("%024x.jsa", i)), "other");
      Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    run(root, classpath);
    JavaStart.prune(cache);
    assertTrue(Files.isRegularFile(archive), "the archive the run mapped is kept");
    assertFalse(Files.exists(cache.resolve(String.format("%024x.jsa", 0))), "the one used longest ago goes");
    assertEquals(JavaStart.KEPT, files(cache).size());
  }

  @Test
  void aFolderOfClassesBeforeAJarGetsNoArchive() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("x.txt"), "x");
    Path jar = entrypointJar();
    assertFalse(JavaStart.archivable(List.of(classes.toString(), jar.toString())));
    assertTrue(JavaStart.archivable(List.of(jar.toString(), classes.toString())));
    assertTrue(JavaStart.archivable(List.of(dir.resolve("empty").toString(), jar.toString())));
    assertFalse(JavaStart.archivable(List.of(classes.toString())));
    Path root = dir.resolve("runs");
    run(root, classes + java.io.File.pathSeparator + jar);
    assertEquals(List.of(), files(root.resolve(".cache").resolve("java")));
  }
}
