package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.cli.Kfp4j;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every goal's command line is one its {@code kfp4j} command takes, with the goal configured as
 * Maven configures it from this plugin's descriptor: its defaults (the project's expressions filled
 * in) and a value for every other parameter set by a property; then again with every switch on. The command's
 * parser reads each line; nothing runs.
 */
class GoalArgumentsTest {
  /** A value for each parameter that takes one of a few words; any other takes a path, or 1. */
  private static final Map<String, String> CHOICES = Map.of("to", "tar", "apiVersion", "v2beta1", "format", "kfp2", "arg", "n=1,l=[1,2]");

  @TempDir Path dir;

  @Test
  void everyGoalsLineIsOneItsCommandTakes() throws Exception {
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, PluginDescriptor> goal : PluginDescriptor.goals().entrySet()) {
      for (boolean switchesOn : List.of(false, true)) {
        Kfp4jMojo mojo = configured(goal.getValue(), switchesOn, dir);
        List<String> line = new ArrayList<>(List.of(mojo.command().split(" ")));
        line.addAll(mojo.arguments());
        String error = Kfp4j.parseError(line.toArray(String[]::new));
        if (error != null) {
          refused.add("kfp4j:" + goal.getKey() + (switchesOn ? " with every switch on" : "") + " runs 'kfp4j " + String.join(" ", line)
              + "': " + error);
        }
      }
    }
    assertEquals(List.of(), refused);
  }

  /**
   * {@code -Dkfp4j.insecureSkipVerify=false} checks the server's certificate whatever the config file says: the goal passes
   * {@code --no-insecure-skip-verify}. Before, false passed nothing, and a config file's {@code auth.insecure_skip_verify: true}
   * won. True passes {@code --insecure-skip-verify}; unset, neither, the config file deciding. Each line is one the command takes.
   */
  @Test
  void insecureSkipVerifyIsTrueFalseOrTheConfigFiles() throws Exception {
    PluginDescriptor runGet = PluginDescriptor.goals().get("run-get");
    Map<String, List<String>> passed = new java.util.TreeMap<>();
    for (String value : new String[] {"true", "false", null}) {
      Map<String, String> properties = new java.util.HashMap<>(Map.of("kfp4j.runId", "r1"));
      if (value != null) {
        properties.put("kfp4j.insecureSkipVerify", value);
      }
      Kfp4jMojo mojo = (Kfp4jMojo) runGet.configure(properties);
      List<String> line = new ArrayList<>(List.of(mojo.command().split(" ")));
      line.addAll(mojo.arguments());
      assertEquals(null, Kfp4j.parseError(line.toArray(String[]::new)), String.join(" ", line));
      passed.put(String.valueOf(value), mojo.arguments().stream().filter(a -> a.contains("insecure")).toList());
    }
    assertEquals(Map.of("true", List.of("--insecure-skip-verify"), "false", List.of("--no-insecure-skip-verify"), "null", List.of()),
        passed);
    assertEquals("-Dkfp4j.insecureSkipVerify=false", new GoalTerms("runs get").option("--no-insecure-skip-verify"));
  }

  /** The goal as Maven configures it in a project in {@code dir}. */
  static Kfp4jMojo configured(PluginDescriptor goal, boolean switchesOn, Path dir) throws Exception {
    Kfp4jMojo mojo = (Kfp4jMojo) goal.configure(Map.of());
    for (Map.Entry<String, String> d : goal.defaults().entrySet()) {
      Class<?> type = PluginDescriptor.type(mojo, d.getKey());
      if (d.getValue().contains("${") && (type == String.class || type == File.class)) {
        PluginDescriptor.set(mojo, d.getKey(), project(d.getValue(), dir));
      }
    }
    for (String name : goal.fieldOfProperty().values()) {
      Class<?> type = PluginDescriptor.type(mojo, name);
      if (!goal.defaults().containsKey(name) && (type == String.class || type == File.class || type == Integer.class)) {
        PluginDescriptor.set(mojo, name, type == Integer.class ? "1" : CHOICES.getOrDefault(name, dir.resolve("some-" + name).toString()));
      }
    }
    if (switchesOn) {
      for (String name : goal.fieldOfProperty().values()) {
        Class<?> type = PluginDescriptor.type(mojo, name);
        if ((type == boolean.class || type == Boolean.class) && !name.equals("skip")) {
          PluginDescriptor.set(mojo, name, "true");
        }
      }
    }
    return mojo;
  }

  /** A default value with Maven's project expressions filled in, for a project in {@code dir}. */
  private static String project(String value, Path dir) {
    return value.replace("${project.basedir}", dir.toString())
        .replace("${project.build.outputDirectory}", GoalsTest.CLASSES.getPath())
        .replace("${project.build.directory}", dir.resolve("target").toString())
        .replace("${project.artifactId}", "demo")
        .replace("${project.version}", "1.0");
  }
}
