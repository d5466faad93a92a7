package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * task's log; none where the JVM cannot archive the classpath (a folder of classes before a jar) or
 * refuses the archive it wrote.
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
  void theClassListOfARunnerStoppedMidTaskIsDeletedByTheNextRunThatListsClasses() throws Exception {
    Path root = dir.resolve("runs");
    Path cache = root.resolve(".cache").resolve("java");
    Path pid = dir.resolve("task.pid");
    Path file = Files.writeString(dir.resolve("sleeps.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: sleeps-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: a, template: t}\n  - name: t\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, sleep, '60', " + pid + "]\n");
    Process p = archivingRunner(file, root);
    long task = Child.number(pid, 60);
    assertTrue(files(cache).stream().anyMatch(f -> f.getFileName().toString().startsWith("loading-")), "its task lists its classes");
    p.destroy(); // Ctrl-C, or a kill: the task is stopped mid-listing
    assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(Child.await(20, () -> !Child.alive(task)));

    run(root, entrypointJar().toString()); // another classpath: its first task lists its classes, and the archive is written
    List<Path> left = files(cache);
    assertEquals(1, left.size(), "only the archive; the stopped runner's class list was left for ever: " + left);
    assertTrue(left.get(0).getFileName().toString().endsWith(".jsa"), left.toString());
  }

  /**
   * A runner in a JVM of its own, running {@code file} in {@code root} with Java tasks as subprocesses, whose classpath the
   * JVM can archive: the jars first.
   */
  private Process archivingRunner(Path file, Path root) throws Exception {
    List<String> jars = new ArrayList<>(List.of(entrypointJar().toString()));
    List<String> folders = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      (Files.isDirectory(Path.of(entry)) ? folders : jars).add(entry);
    }
    jars.addAll(folders);
    return Child.start(List.of(Child.java(), "-cp", String.join(File.pathSeparator, jars), "dev.kfp4j.local.LocalRun",
        file.toString(), "--root", root.toString(), "--subprocess", "--no-cache"), dir.resolve("stopped.log"), Map.of(), null);
  }

  @Test
  void aRunnerStoppedWhileTheJvmWritesTheArchiveStopsItAndLeavesNoneOfItsFiles() throws Exception {
    Path root = dir.resolve("runs");
    Path cache = root.resolve(".cache").resolve("java");
    Path file = Files.writeString(dir.resolve("one.yaml"), CHAIN.replace("      - {name: b, template: t, dependencies: [a]}\n", ""));
    Process p = archivingRunner(file, root);
    ProcessHandle[] dump = new ProcessHandle[1];
    try {
      assertTrue(Child.await(120, () -> {
        dump[0] = p.descendants().filter(d -> d.info().arguments().map(a -> List.of(a).contains("-Xshare:dump")).orElse(false))
            .findFirst().orElse(null);
        return dump[0] != null;
      }), "the task ended well and the JVM writes its classes' archive: " + Child.read(dir.resolve("stopped.log")));
      p.destroy(); // Ctrl-C, or a kill: the runner stops while the archive is written
      assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      assertFalse(Child.alive(dump[0].pid()), "the JVM writing the archive outlived its runner");
      assertEquals(List.of(), files(cache), "the stopped runner's class list and partial archive are left in the cache");
    } finally {
      if (dump[0] != null) {
        Child.kill(dump[0].pid());
      }
    }
  }

  @Test
  void theClassListOfADeadRunnerIsDeletedEvenWhenItsProcessIdIsAnothersNow() throws Exception {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    Path cache = Files.createDirectories(dir.resolve("cache"));
    String earlier = "loading-" + self.pid() + "-" + (start - 3_600_000) + "-123.classlist";
    Files.writeString(cache.resolve(earlier), "java/lang/Object\n");
    Files.writeString(cache.resolve("writing-" + earlier + ".jsa"), "half");
    String own = "loading-" + self.pid() + "-" + start + "-456.classlist";
    Files.writeString(cache.resolve(own), "java/lang/Object\n");
    JavaStart.Options listing = JavaStart.of(cache, List.of(entrypointJar().toString())).options();
    assertNotNull(listing.written(), "the first task lists its classes");
    Files.delete(listing.written());
    assertEquals(List.of(cache.resolve(own)), files(cache),
        "the class list and partial archive of a runner that had this process's id an hour before it started are deleted");
  }

  @Test
  void theCacheKeepsTheArchivesUsedLastAndNothingElseIsDeleted() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (int i = 0; i < 6; i++) {
      Path a = Files.writeString(cache.resolve(String.format(i == 4 ? "%024x" + JavaStart.REFUSED : "%024x.jsa", i)), "archive " + i);
      Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    List<String> others = List.of("notes.txt", "writing-loading-1.classlist.jsa", "loading-2.classlist", "ABCDEF0123456789ABCDEF01.jsa",
        "notes.refused");
    for (String name : others) {
      Files.writeString(cache.resolve(name), name);
    }
    JavaStart.prune(cache);
    List<String> left = files(cache).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("000000000000000000000002.jsa", "000000000000000000000003.jsa", "000000000000000000000004.refused",
        "000000000000000000000005.jsa", "ABCDEF0123456789ABCDEF01.jsa", "loading-2.classlist", "notes.refused", "notes.txt",
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
    run(root, classes + File.pathSeparator + jar);
    assertEquals(List.of(), files(root.resolve(".cache").resolve("java")));
  }

  @Test
  void anArchiveTheJvmRefusesIsNotKeptAndNotWrittenAgain() throws Exception {
    Path jdk = newerJdk();
    assumeTrue(jdk != null, "skipped: no JDK 25 or later in /usr/lib/jvm, whose JVM refuses an archive of a classpath ending in a folder");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("x.txt"), "x");
    String jar = entrypointJar().toString();
    List<String> folderLast = List.of(jar, classes.toString());

    Path cache = dir.resolve("cache-" + jdk.getFileName());
    List<Path> left = writeArchive(jdk, folderLast, cache);
    assertEquals(1, left.size(), left.toString());
    assertTrue(left.get(0).getFileName().toString().endsWith(JavaStart.REFUSED), left.toString());
    JavaStart later = JavaStart.of(cache, folderLast, jdk);
    assertEquals(JavaStart.Options.NONE, later.options(), "tasks start as usual, their classes not listed again");
    assertEquals(JavaStart.Options.NONE, later.ahead(), "a JVM started ahead starts as usual too");

    Path jarsOnly = dir.resolve("cache-jars");
    assertMaps(jdk, writeArchive(jdk, List.of(jar), jarsOnly), jar);
    Path thisJdk = Path.of(System.getProperty("java.home"));
    assertMaps(thisJdk, writeArchive(thisJdk, folderLast, dir.resolve("cache-this")), String.join(File.pathSeparator, folderLast));
  }

  /** What {@code cache} holds once the first task on {@code classpath}, run by {@code jdk}'s java, listed its classes and ended well. */
  private List<Path> writeArchive(Path jdk, List<String> classpath, Path cache) throws Exception {
    JavaStart start = JavaStart.of(cache, classpath, jdk);
    JavaStart.Options listing = start.options();
    assertNotNull(listing.written(), listing.toString());
    try (ProcessGroups groups = new ProcessGroups()) {
      start.ended(listing, task(jdk, listing.jvm(), String.join(File.pathSeparator, classpath)), groups);
    }
    return files(cache);
  }

  /** {@code left} is one archive, which {@code jdk}'s JVM maps for {@code classpath}. */
  private void assertMaps(Path jdk, List<Path> left, String classpath) throws Exception {
    assertEquals(1, left.size(), left.toString());
    assertTrue(left.get(0).getFileName().toString().endsWith(".jsa"), left.toString());
    assertEquals(0, task(jdk, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + left.get(0)), classpath), "mapped");
  }

  /** The exit code of the test entrypoint run by {@code jdk}'s java with {@code options}. */
  private int task(Path jdk, List<String> options, String classpath) throws Exception {
    List<String> command = new ArrayList<>(List.of(jdk.resolve("bin").resolve("java").toString()));
    command.addAll(options);
    command.addAll(List.of("-cp", classpath, TestEntrypoint.class.getName(), "write", "found", dir.resolve("out").toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }

  /** A JDK of release 25 or later in {@code /usr/lib/jvm}, or null. */
  private static Path newerJdk() throws Exception {
    for (Path home : files(Path.of("/usr/lib/jvm"))) {
      Path release = home.resolve("release");
      if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin").resolve("java"))) {
        for (String line : Files.readAllLines(release)) {
          if (line.startsWith("JAVA_VERSION=\"")) {
            String version = line.substring("JAVA_VERSION=\"".length());
            int end = 0;
            while (end < version.length() && Character.isDigit(version.charAt(end))) {
              end++;
            }
            if (end > 0 && Integer.parseInt(version.substring(0, end)) >= 25) {
              return home;
            }
          }
        }
      }
    }
    return null;
  }
}
