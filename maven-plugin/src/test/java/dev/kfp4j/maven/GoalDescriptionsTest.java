package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every goal and every parameter a user can set has a description in the plugin's descriptor, which
 * {@code mvn help:describe -Dplugin=dev.kfp4j:kfp4j-maven-plugin -Ddetail} prints: maven-plugin-plugin takes it from the
 * Javadoc of the goal's class and field, and reads none from a goal class nested in another.
 */
class GoalDescriptionsTest {
  @Test
  void everyGoalAndParameterIsDescribed() throws Exception {
    Set<String> undescribed = new TreeSet<>();
    NodeList mojos = PluginDescriptor.xml().getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = "kfp4j:" + child(mojo, "goal");
      if (child(mojo, "description").isBlank()) {
        undescribed.add(goal);
      }
      NodeList parameters = mojo.getElementsByTagName("parameter");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element p = (Element) parameters.item(j);
        if (child(p, "editable").equals("true") && child(p, "description").isBlank()) {
          undescribed.add(goal + " " + child(p, "name"));
        }
      }
    }
    assertEquals(Set.of(), undescribed, "goals and parameters without a description in plugin.xml");
  }

  /** The text of an element's own child of that name; empty when it has none. */
  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().strip();
      }
    }
    return "";
  }
}
