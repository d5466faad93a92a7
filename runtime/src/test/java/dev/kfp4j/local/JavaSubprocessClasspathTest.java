package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java task run as a {@code java} subprocess finds its classes however the runner was started:
 * with relative classpath entries (as {@code ./kfp4j run} with {@code --classes target/classes}),
 * or with the project's classes in a class loader rather than on the system classpath (as
 * {@code mvn exec:java}). The subprocess runs in the task's folder, on absolute paths.
 */
class JavaSubprocessClasspathTest {
  @TempDir Path dir;

  /** This test JVM's classpath entries: what a runner needs, and the test entrypoint. */
  private static List<String> entries() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> out = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        out.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return out;
  }

  private Path workflow() throws Exception {
    return Files.writeString(dir.resolve("java.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: java-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: t, template: t}\n"
        + "  - name: t\n    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}\n"
        + "    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, write, found, /tmp/outputs/out/data]\n");
  }

  private String run(List<String> command) throws Exception {
    Process p = Child.start(command, dir.resolve("out.log"), Map.of(), dir);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void relativeClasspathEntries() throws Exception {
    List<String> relative = new ArrayList<>();
    for (String e : entries()) {
      relative.add(dir.relativize(Path.of(e)).toString());
    }
    assertTrue(relative.stream().anyMatch(e -> e.startsWith("..")), relative.toString());
    String out = run(List.of(Child.java(), "-cp", String.join(File.pathSeparator, relative), "dev.kfp4j.local.LocalRun",
        workflow().getFileName().toString(), "--root", "runs", "--subprocess", "--no-cache"));
    assertTrue(out.startsWith("t.out = found\n"), out);
  }

  @Test
  void theProjectsClassesInAClassLoaderAsMvnExecJavaLoadsThem() throws Exception {
    Path launcher = Files.writeString(dir.resolve("ExecJavaLike.java"), String.join("\n",
        "import java.net.URL;",
        "import java.net.URLClassLoader;",
        "import java.nio.file.Path;",
        "import java.util.Arrays;",
        "import java.util.List;",
        "public class ExecJavaLike {",
        "  public static void main(String[] args) throws Exception {",
        "    List<String> all = Arrays.asList(args);",
        "    int sep = all.indexOf(\"--\");",
        "    URL[] urls = all.subList(0, sep).stream().map(e -> { try { return Path.of(e).toUri().toURL(); }",
        "        catch (Exception x) { throw new RuntimeException(x); } }).toArray(URL[]::new);",
        "    URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());",
        "    Thread.currentThread().setContextClassLoader(loader);",
        "    Object code = loader.loadClass(\"dev.kfp4j.local.LocalRun\").getMethod(\"run\", String[].class)",
        "        .invoke(null, (Object) all.subList(sep + 1, all.size()).toArray(String[]::new));",
        "    System.exit((Integer) code);",
        "  }",
        "}", ""));
    List<String> command = new ArrayList<>(List.of(Child.java(), launcher.toString()));
    command.addAll(entries());
    command.addAll(List.of("--", workflow().toString(), "--root", dir.resolve("runs").toString(), "--subprocess", "--no-cache"));
    String out = run(command);
    assertTrue(out.startsWith("t.out = found\n"), out);
  }
}
