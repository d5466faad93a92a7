package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'kfp4j init' refuses to write through a symbolic link to nothing, and writes nothing: it made the file the link named,
 * wherever that was, outside the project too.
 */
class InitLinksTest {
  @TempDir Path dir;

  @Test
  void aConfigFileThatIsALinkToNothingIsRefusedAndNothingIsWritten() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path outside = dir.resolve("outside/kfp4j.yaml");
    Files.createDirectories(outside.getParent());
    Path config = Files.createSymbolicLink(project.resolve("kfp4j.yaml"), outside);
    for (List<String> extra : List.of(List.<String>of(), List.of("--force"), List.of("--with-github-actions"))) {
      List<String> line = new java.util.ArrayList<>(List.of("init", "https://kfp.example.com", "--config", config.toString()));
      line.addAll(extra);
      Cli r = Cli.run(line.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: " + config + " is a symbolic link to " + outside + ", which is not there; init "
          + "writes nothing through it: remove the link, or make what it names\nkfp4j init "), r.toString());
      assertFalse(Files.exists(outside), "the link's target was not made: " + r);
      assertEquals(List.of(config), list(project), "nothing written in the project: " + r);
    }
  }

  @Test
  void aWorkflowOrItsFolderThatIsALinkToNothingIsRefusedAndNothingIsWritten() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    for (String link : List.of(".github", ".github/workflows", ".github/workflows/kfp4j-on-merge-to-main.yml")) {
      Path project = Files.createDirectories(dir.resolve("p" + link.length()));
      Path at = project.resolve(link);
      Files.createDirectories(at.getParent());
      Path target = outside.resolve("gone" + link.length());
      Files.createSymbolicLink(at, target);
      Cli r = Cli.run("init", "https://kfp.example.com", "--config", project.resolve("kfp4j.yaml").toString(), "--with-github-actions",
          "--name", "calc");
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: " + at + " is a symbolic link to " + target + ", which is not there; "),
          r.toString());
      assertFalse(Files.exists(target), "the link's target was not made: " + r);
      assertFalse(Files.exists(project.resolve("kfp4j.yaml")), "no config written either: " + r);
      assertTrue(Files.notExists(project.resolve(".github/workflows/kfp4j-on-push.yml")), "no workflow written: " + r);
    }
  }

  @Test
  void aLinkToAFileThatIsThereIsThatFileAndNeedsForce() throws Exception {
    Path mine = Files.writeString(dir.resolve("shared.yaml"), "host: https://mine.example.com\n");
    Path config = Files.createSymbolicLink(dir.resolve("kfp4j.yaml"), mine);
    Cli r = Cli.run("init", "https://kfp.example.com", "--config", config.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: " + config + " exists; edit it, or pass --force to overwrite it"), r.toString());
    assertEquals("host: https://mine.example.com\n", Files.readString(mine));
  }

  private static List<Path> list(Path folder) throws Exception {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(p -> !p.equals(folder)).sorted().toList();
    }
  }
}
