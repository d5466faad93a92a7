package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README shows what {@code kfp4j init} writes, and every command {@code kfp4j --help} lists,
 * every option of each, and every setting of the config file.
 */
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
    assertEquals(16, commands, help.out());
  }

  /** {@code name} in the README as a word of its own: {@code --no-cache}, not in {@code --no-cache-dir}. */
  private static boolean named(String readme, String name) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(readme).find();
  }

  @Test
  void everyOptionOfEveryCommandIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    Deque<CommandLine> commands = new ArrayDeque<>();
    for (Class<?> c : Kfp4j.COMMANDS) {
      commands.add(new CommandLine(c));
    }
    while (!commands.isEmpty()) {
      CommandLine c = commands.pop();
      commands.addAll(c.getSubcommands().values());
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) {
          continue;
        }
        if (Set.of(o.names()).stream().noneMatch(n -> named(readme, n))) {
          missing.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
        }
      }
    }
    assertEquals(Set.of(), missing, "options the README does not name");
  }

  @Test
  void everySettingOfTheConfigFileIsDocumented(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    // an unknown setting is an error listing the known ones: the config file's own list of its keys
    for (String section : new String[] {"", "auth", "run_config", "run_config.volume", "mlflow"}) {
      String yaml = section.isEmpty() ? "no_such_setting: 1\n" : section.equals("run_config.volume")
          ? "run_config:\n  volume:\n    no_such_setting: 1\n" : section + ":\n  no_such_setting: 1\n";
      Path file = Files.writeString(dir.resolve("kfp4j.yaml"), yaml);
      Cli r = Cli.run("ui", "--host", "http://127.0.0.1:1", "--config", file.toString());
      Matcher known = Pattern.compile("unknown setting '[^']*'; [^\\[]*\\[([^\\]]*)\\]").matcher(r.err());
      assertTrue(known.find(), r.toString());
      for (String key : known.group(1).split(", ")) {
        if (!named(readme, key) && !named(readme, key + ":")) {
          missing.add((section.isEmpty() ? "" : section + ".") + key);
        }
      }
    }
    assertEquals(Set.of(), missing, "settings the README does not name");
  }
}
