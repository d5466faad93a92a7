package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.testing.containers.EngineListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two JVMs that run a module's tests tell its skipped tests in one line a want, with both counts. */
class SkippedTestsTest {
  @TempDir Path dir;

  /** Another JVM of the build: opens its session, then, told to, counts its skips and ends it, printing its lines. */
  public static void main(String[] args) throws IOException, InterruptedException {
    SkippedTests tally = new SkippedTests(Path.of(args[0]), args[1]);
    tally.opened();
    System.out.println("open");
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    tally.add(SkippedTests.Want.SHARED, 2, List.of(Shared.KFP_SDK));
    tally.add(SkippedTests.Want.ENGINE, 1, List.of("podman cannot run a container here: C:\\ no"));
    tally.closed().forEach(System.out::println);
  }

  @Test
  void theJvmThatEndsLastTellsTheSumOfBoth() throws IOException, InterruptedException {
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "-D" + Shared.PROPERTY + "=" + Shared.location(), SkippedTestsTest.class.getName(), dir.toString(), "build-1").start();
    BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("open", out.readLine());

    SkippedTests mine = new SkippedTests(dir, "build-1");
    mine.opened();
    mine.add(SkippedTests.Want.SHARED, 1, List.of(Shared.ARGO_SCHEMAS));
    assertEquals(List.of(), mine.closed(), "the other JVM is still running tests");

    try (OutputStream in = other.getOutputStream()) {
      in.write('\n');
    }
    List<String> told = out.lines().toList();
    assertEquals(0, other.waitFor());
    assertEquals(List.of(
        SharedListener.line(3, new java.util.TreeSet<>(List.of(Shared.ARGO_SCHEMAS, Shared.KFP_SDK))),
        "kfp4j: 1 test skipped: they run containers, but podman cannot run a container here: C:\\ no (install podman and runc, "
            + "or docker; see the README's 'Running in containers')"), told);
    assertEquals(List.of(".lock"), names(), "the counts are removed once told");
  }

  @Test
  void aStoppedBuildsCountsAreDroppedNotAdded() throws IOException {
    Files.writeString(dir.resolve("build-0-123.tally"), "SHARED 5\n " + Shared.KFP_API + "\n");
    SkippedTests mine = new SkippedTests(dir, "build-1");
    mine.opened();
    mine.add(SkippedTests.Want.SHARED, 1, List.of(Shared.ARGO_SCHEMAS));
    assertEquals(List.of(SharedListener.line(1, new java.util.TreeSet<>(List.of(Shared.ARGO_SCHEMAS)))), mine.closed());
    assertEquals(List.of(".lock"), names());
  }

  @Test
  void nestedSessionsTellOnceWhenTheOutermostEnds() throws IOException {
    SkippedTests mine = new SkippedTests(dir, "build-1");
    mine.opened();
    mine.opened();
    mine.add(SkippedTests.Want.ENGINE, 2, List.of("none"));
    assertEquals(List.of(), mine.closed());
    assertEquals(List.of(EngineListener.line(2, new java.util.TreeSet<>(List.of("none")))), mine.closed());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
