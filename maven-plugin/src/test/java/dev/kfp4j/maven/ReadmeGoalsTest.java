package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every user property of every goal is in the README: named there ({@code kfp4j.cron}), or the
 * camel case of a command option the README names ({@code kfp4j.noCache} of {@code --no-cache}),
 * as the README says the goals' properties are named.
 */
class ReadmeGoalsTest {
  @Test
  void everyGoalPropertyIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Set<String> options = new TreeSet<>();
    Matcher m = Pattern.compile("(?<![\\w-])--([a-z][a-z-]*)").matcher(readme);
    while (m.find()) {
      options.add(GoalTerms.camel(m.group(1)));
    }
    Set<String> missing = new TreeSet<>();
    PluginDescriptor.goals().forEach((goal, d) -> d.fieldOfProperty().keySet().stream()
        .filter(p -> p.startsWith("kfp4j."))
        .filter(p -> !Pattern.compile(Pattern.quote(p) + "(?![\\w])").matcher(readme).find())
        .filter(p -> !options.contains(p.substring("kfp4j.".length())))
        .forEach(p -> missing.add("kfp4j:" + goal + " " + p)));
    assertEquals(Set.of(), missing, "goal properties the README names neither as such nor as a command option");
  }

  /** Every goal is named in the README as it is run, {@code kfp4j:<goal>}, so that a user finds each one there. */
  @Test
  void everyGoalIsNamed() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    for (String goal : PluginDescriptor.goals().keySet()) {
      if (!Pattern.compile("kfp4j:" + Pattern.quote(goal) + "(?![\\w-])").matcher(readme).find()) {
        missing.add("kfp4j:" + goal);
      }
    }
    assertEquals(Set.of(), missing, "goals the README does not name");
  }

  /**
   * The README's build setup names the Maven version this plugin requires, as its descriptor says it (maven-plugin-plugin takes
   * it from the Maven API it is built against): an older {@code mvn}, such as the 3.8.7 Debian and Ubuntu install, refuses the
   * plugin, and a user following the README with it was told nothing of it before.
   */
  @Test
  void theReadmeNamesTheMavenVersionThePluginRequires() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("target/classes/META-INF/maven/plugin.xml"));
    String required = doc.getDocumentElement().getElementsByTagName("requiredMavenVersion").item(0).getTextContent().trim();
    assertTrue(readme.contains("The plugin needs Maven " + required + " or newer"), "README names Maven " + required);
    assertTrue(readme.contains("requires Maven version " + required + "`"), "README quotes Maven's refusal for " + required);
  }

  /**
   * The plugin's pom says the Maven version its descriptor requires as its {@code prerequisites}: Maven before 3.9 reads the
   * required version from there only, so without it the 3.8.7 Debian and Ubuntu install ran the plugin, built against a newer
   * Maven API, where the README says that Maven refuses it.
   */
  @Test
  void thePomRequiresTheMavenVersionOfTheDescriptorForOlderMavens() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    var descriptor = factory.newDocumentBuilder().parse(new File("target/classes/META-INF/maven/plugin.xml"));
    String required = descriptor.getDocumentElement().getElementsByTagName("requiredMavenVersion").item(0).getTextContent().trim();
    var pom = factory.newDocumentBuilder().parse(new File("pom.xml")).getDocumentElement();
    var prerequisites = pom.getElementsByTagName("prerequisites");
    assertEquals(1, prerequisites.getLength(), "pom.xml has <prerequisites><maven>, which Maven 3.8 reads");
    String maven = ((org.w3c.dom.Element) prerequisites.item(0)).getElementsByTagName("maven").item(0).getTextContent().trim();
    if (maven.equals("${maven.api.version}")) { // the parent's property, which the plugin's Maven API dependencies take too
      var parent = factory.newDocumentBuilder().parse(new File("../pom.xml")).getDocumentElement();
      maven = parent.getElementsByTagName("maven.api.version").item(0).getTextContent().trim();
    }
    assertEquals(required, maven, "the Maven version pom.xml's prerequisites require");
  }
}
