package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.testing.GithubWorkflows;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.Mojo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The workflows {@code kfp4j init --with-github-actions} writes: valid for GitHub's own parser, every
 * secret they read named in their comments, and every {@code mvn} line they hold run as Maven would
 * run its {@code kfp4j:} goals (from this plugin's descriptor) against a KFP server on loopback.
 */
class GithubActionsTest {
  private static final Pattern SECRET = Pattern.compile("\\$\\{\\{\\s*secrets\\.([A-Za-z0-9_]+)\\s*}}");
  /** Maven's lifecycle phases a line may name. */
  private static final Set<String> PHASES = Set.of("validate", "compile", "test", "package", "verify", "install");
  /**
   * The image goal: configured from the line as Maven would, not run, since it builds and pushes an
   * image to the CI's registry (ImageGoalsTest runs it against a registry on loopback).
   */
  private static final String IMAGE_GOAL = "image";

  @TempDir Path dir;
  FakeKfpServer kfp;

  @BeforeEach
  void start() {
    kfp = FakeKfpServer.start();
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  @Test
  void theWorkflowsParseAndTheirCommandsRunAgainstKfp() throws Exception {
    Path config = dir.resolve("kfp4j.yaml");
    StringWriter out = new StringWriter();
    int code = Kfp4j.execute(new String[] {"init", kfp.uri().toString(), "--config", config.toString(), "--name", "calc",
        "--with-github-actions"}, new PrintWriter(out, true), new PrintWriter(out, true));
    assertEquals(0, code, out.toString());
    Path onPush = dir.resolve(".github/workflows/kfp4j-on-push.yml");
    Path onMerge = dir.resolve(".github/workflows/kfp4j-on-merge-to-main.yml");

    List<GithubWorkflows.Parsed> parsed = GithubWorkflows.parse(List.of(onPush, onMerge));
    for (GithubWorkflows.Parsed p : parsed) {
      assertEquals(List.of(), p.errors(), p.file());
      assertEquals(List.of("push"), p.events(), p.file());
    }
    assertEquals("[\"main\"]", Yaml.read(Files.readString(onMerge)).at("/on/push/branches").toString());

    Map<String, PluginDescriptor> goals = PluginDescriptor.goals();
    List<String> ran = new ArrayList<>();
    for (Path file : List.of(onPush, onMerge)) {
      String text = Files.readString(file);
      String header = text.substring(0, text.indexOf("\nname:"));
      Matcher m = SECRET.matcher(text);
      while (m.find()) {
        assertTrue(header.contains("#   " + m.group(1) + " "), file.getFileName() + ": secret " + m.group(1) + " is not named in its comments");
      }
      for (JsonNode job : Yaml.read(text).path("jobs")) {
        for (JsonNode step : job.path("steps")) {
          if (step.has("run")) {
            ran.add(run(step.path("run").asString().strip(), text, goals, config));
          }
        }
      }
    }
    assertEquals(List.of("verify", "package image", "run-once", "package image", "upload-pipeline", "schedule"), ran);
    // init writes KFP 2 projects (api_version v2beta1): what the goals did is in the server's v2beta1 API
    assertEquals(1, kfp.v2().pipelines().size());
    assertEquals(2, kfp.v2().versions().size(), "run-once and upload-pipeline each uploaded a version");
    assertEquals("SUCCEEDED", kfp.v2().runs().get(0).path("state").asString(), "run-once waited for the run");
    JsonNode job = kfp.v2().recurringRuns().get(0);
    assertEquals("calc daily", job.path("display_name").asString());
    assertEquals("0 0 4 * * *", job.at("/trigger/cron_schedule/cron").asString());
  }

  /** Runs one {@code mvn} line's kfp4j goals as Maven would; returns its phases and goals. */
  private String run(String line, String file, Map<String, PluginDescriptor> goals, Path config) throws Exception {
    List<String> words = shellWords(line);
    assertEquals("mvn", words.get(0), line);
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> did = new ArrayList<>();
    List<String> toRun = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      if (w.startsWith("-D")) {
        int eq = w.indexOf('=');
        properties.put(w.substring(2, eq < 0 ? w.length() : eq), eq < 0 ? "true" : w.substring(eq + 1));
      } else if (w.startsWith("-")) {
        assertTrue(Set.of("-B").contains(w), line + ": option " + w);
      } else if (w.startsWith("kfp4j:")) {
        String goal = w.substring(6);
        did.add(goal);
        assertTrue(goals.containsKey(goal), line + ": no goal kfp4j:" + goal + " in this plugin");
        if (goal.equals(IMAGE_GOAL)) {
          goals.get(goal).configure(properties);
          assertTrue(file.contains("kfp4j:image builds the image with Jib"), "the file says what kfp4j:image is");
        } else {
          toRun.add(goal);
        }
      } else {
        assertTrue(PHASES.contains(w), line + ": '" + w + "' is no lifecycle phase");
        did.add(w);
      }
    }
    for (String goal : toRun) {
      Mojo mojo = goals.get(goal).configure(properties);
      PluginDescriptor.set(mojo, "config", config.toFile());
      // This test stands in for a project with one pipeline: the examples' add-example.
      PluginDescriptor.set(mojo, "classes", new File("../examples/target/classes"));
      PluginDescriptor.set(mojo, "pipeline", "add-example");
      mojo.execute();
    }
    return String.join(" ", did);
  }

  /** The words of a shell command line with double and single quotes, as the Actions runner's bash splits it. */
  static List<String> shellWords(String line) {
    assertTrue(!line.contains("\n") && !line.contains("$") && !line.contains("\\"), "a plain command line: " + line);
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean any = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || w.length() > 0) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
      }
    }
    if (any || w.length() > 0) {
      words.add(w.toString());
    }
    return words;
  }
}
