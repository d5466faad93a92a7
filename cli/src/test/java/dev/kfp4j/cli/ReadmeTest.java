package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README shows what {@code kfp4j init} writes, and every command {@code kfp4j --help} lists. */
class ReadmeTest {
  @Test
  void theConfigFileInTheReadmeIsWhatInitWrites(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?s)### The config file.*?```yaml\n(.*?)```").matcher(readme);
    assertTrue(m.find(), "the README has a config file section with a yaml block");
    Path file = dir.resolve("kfp4j.yaml");
    Cli r = Cli.run("init", "https://kubeflow.example.com/pipeline", "--config", file.toString(), "--name", "my-project");
    assertEquals(0, r.code(), r.toString());
    assertEquals(Files.readString(file), m.group(1));
  }

  @Test
  void theBuildSetupInTheReadmeIsThePomOfTheProjectTheBuildCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?s)## Build setup.*?```xml\n(.*?)```").matcher(readme);
    assertTrue(m.find(), "the README's build setup has a pom.xml");
    Matcher version = Pattern.compile("<artifactId>kfp4j-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("../pom.xml")));
    assertTrue(version.find());
    String it = Files.readString(Path.of("../integration-tests/src/it/add-example/pom.xml"), StandardCharsets.UTF_8);
    assertTrue(it.contains("<kfp4j.version>@kfp4j.version@</kfp4j.version>"), "the project takes the version being built");
    assertEquals(it.replace("@kfp4j.version@", version.group(1)), m.group(1));
  }

  @Test
  void everyCommandIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("### Commands"), readme.indexOf("Options the commands share"));
    Cli help = Cli.run("--help");
    Matcher m = Pattern.compile("(?m)^  ([a-z-]+)  ").matcher(help.out());
    int commands = 0;
    while (m.find()) {
      commands++;
      assertTrue(table.matches("(?s).*\\| `" + m.group(1) + "[ `].*|.*, `" + m.group(1) + "` \\|.*"),
          "the README's command table lists " + m.group(1));
    }
    assertEquals(15, commands, help.out());
  }
}
