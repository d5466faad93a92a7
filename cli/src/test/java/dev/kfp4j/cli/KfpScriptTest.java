package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code kfp4j} script, run beside a stand-in for the CLI's jar: its first run makes
 * a class-data archive beside the jar, later runs start from it, a rebuilt jar gets a new one, and
 * the command's output and exit code pass through unchanged.
 */
class KfpScriptTest {
  @TempDir
  Path dir;

  /** A main that prints its arguments and the JVM's options, and exits with the code its first argument names. */
  private static final String MAIN = "public class Main { public static void main(String[] a) {"
      + " System.out.println(String.join(\" \", a) + \" | \" + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());"
      + " System.exit(Integer.parseInt(a[0])); } }";

  private record Run(int code, String out) {}

  /** Removes the links to a java the tests leave, so that deleting the folder never follows one out of it. */
  @AfterEach
  void removeLinks() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(p);
      }
    }
  }

  private Run run(String... args) throws Exception {
    return runWith(Path.of(System.getProperty("java.home"), "bin"), args);
  }

  /** A run of the script with {@code javaDir}'s {@code java} first on the {@code PATH}. */
  private Run runWith(Path javaDir, String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("sh", dir.resolve("kfp4j").toString()), Stream.of(args)).toList());
    pb.environment().put("PATH", javaDir + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), Files.readString(out));
  }

  /** The script beside a stand-in for the CLI's jar, in {@link #dir}: the jar's path. */
  private Path scriptAndJar() throws Exception {
    String script = Files.readString(Path.of("../kfp4j"));
    Matcher name = Pattern.compile("cli/target/(kfp4j-cli-[^\"/]+\\.jar)").matcher(script);
    assertTrue(name.find(), "the script names the CLI's jar");
    Files.writeString(dir.resolve("kfp4j"), script);
    Path jar = Files.createDirectories(dir.resolve("cli/target")).resolve(name.group(1));
    jar(jar);
    return jar;
  }

  private static Path archiveOf(Path jar) {
    return jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
  }

  @Test
  void theFirstRunMakesAnArchiveThatLaterRunsStartFrom() throws Exception {
    Path jar = scriptAndJar();
    Path target = jar.getParent();
    Path archive = archiveOf(jar);

    Run first = run("0", "hello");
    assertEquals(0, first.code(), first.out());
    assertTrue(first.out().startsWith("0 hello | "), first.out());
    assertTrue(first.out().contains("-XX:ArchiveClassesAtExit="), first.out());
    assertTrue(Files.size(archive) > 0, "the archive is made");
    FileTime made = Files.getLastModifiedTime(archive);

    Run second = run("3", "again");
    assertEquals(3, second.code(), "the command's exit code: " + second.out());
    assertTrue(second.out().startsWith("3 again | "), second.out());
    assertTrue(second.out().contains("-XX:SharedArchiveFile=" + archive), second.out());
    assertEquals(made, Files.getLastModifiedTime(archive), "the archive is reused, not made again");

    Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 10_000));
    Run rebuilt = run("0", "rebuilt");
    assertEquals(0, rebuilt.code(), rebuilt.out());
    assertTrue(rebuilt.out().contains("-XX:ArchiveClassesAtExit="), "a jar newer than its archive gets a new one: " + rebuilt.out());
    assertNotEquals(made, Files.getLastModifiedTime(archive));
    try (Stream<Path> files = Files.list(target)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of(jar.getFileName().toString(), archive.getFileName().toString(), archive.getFileName() + ".java"), names,
          "nothing else is left beside the jar than the archive and its link to the java that made it");
    }
  }

  @Test
  void anotherJavaMakesTheArchiveAgainTheSameJavaByAnotherPathDoesNot() throws Exception {
    Path jar = scriptAndJar();
    Path archive = archiveOf(jar);
    assertTrue(run("0", "first").out().contains("-XX:ArchiveClassesAtExit="));
    FileTime made = Files.getLastModifiedTime(archive);
    Path sameJava = Files.createDirectories(dir.resolve("same"));
    Files.createSymbolicLink(sameJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    Run same = runWith(sameJava, "0", "same");
    assertTrue(same.out().contains("-XX:SharedArchiveFile=" + archive), same.out());
    assertEquals(made, Files.getLastModifiedTime(archive));

    Path other = otherJdk();
    assumeTrue(other != null,
        "skipped the second JDK's run: no JDK in /usr/lib/jvm other than this one (" + System.getProperty("java.home") + ")");
    Run first = runWith(other.resolve("bin"), "0", "other");
    assertTrue(first.out().contains("-XX:ArchiveClassesAtExit="), "an archive of another java is not mapped: " + first.out());
    Run again = runWith(other.resolve("bin"), "0", "again");
    assertTrue(again.out().contains("-XX:SharedArchiveFile=" + archive), again.out());
    Run back = run("0", "back");
    assertTrue(back.out().contains("-XX:ArchiveClassesAtExit="), back.out());
  }

  /** A JDK in {@code /usr/lib/jvm} other than this one (not a link to it), or null. */
  private static Path otherJdk() throws IOException {
    Path self = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path java = home.resolve("bin").resolve("java");
        if (Files.isExecutable(java) && !java.toRealPath().equals(self)) {
          return home;
        }
      }
    }
    return null;
  }

  @Test
  void noJarIsExitCode2SayingHowToBuildIt() throws Exception {
    Files.writeString(dir.resolve("kfp4j"), Files.readString(Path.of("../kfp4j")));
    Run r = run("--version");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("not built; run: ./mvnw -q -B install -DskipTests"), r.out());
    assertFalse(Files.exists(dir.resolve("cli")), "nothing is made where there is no jar");
  }

  /** A jar of {@link #MAIN}, as the CLI's executable jar: its manifest names the main class. */
  private void jar(Path jar) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src")).resolve("Main.java");
    Files.writeString(src, MAIN);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(), src.toString()));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("Main.class"));
      out.write(Files.readAllBytes(dir.resolve("classes/Main.class")));
      out.closeEntry();
    }
  }
}
