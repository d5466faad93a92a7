package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.Mojo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A goal as this plugin's descriptor (written by maven-plugin-plugin) declares it: its class, its
 * fields by user property, its parameters' default values and the parameters it requires, as Maven
 * reads them to configure a goal. Tests configure goals from it as Maven would, rather than set fields by hand.
 */
record PluginDescriptor(String implementation, Map<String, String> fieldOfProperty, Map<String, String> defaults,
    Set<String> required) {
  /** A new goal with the defaults that are plain values and the given user properties ({@code -Dname=value}). */
  Mojo configure(Map<String, String> properties) throws Exception {
    Mojo mojo = (Mojo) Class.forName(implementation).getDeclaredConstructor().newInstance();
    for (Map.Entry<String, String> d : defaults.entrySet()) {
      if (!d.getValue().contains("${")) {
        set(mojo, d.getKey(), d.getValue());
      }
    }
    Set<String> unknown = new LinkedHashSet<>(properties.keySet());
    unknown.removeIf(p -> p.equals("skipTests"));
    for (Map.Entry<String, String> p : properties.entrySet()) {
      String field = fieldOfProperty.get(p.getKey());
      if (field != null) {
        set(mojo, field, p.getValue());
        unknown.remove(p.getKey());
      }
    }
    assertEquals(Set.of(), unknown, implementation + " has no such parameters");
    return mojo;
  }

  /** This plugin's goals, by name, in the descriptor's order. */
  static Map<String, PluginDescriptor> goals() throws Exception {
    Document doc = xml();
    Map<String, PluginDescriptor> out = new LinkedHashMap<>();
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
      String implementation = mojo.getElementsByTagName("implementation").item(0).getTextContent();
      Map<String, String> byProperty = new LinkedHashMap<>();
      Map<String, String> defaults = new LinkedHashMap<>();
      NodeList config = mojo.getElementsByTagName("configuration");
      if (config.getLength() > 0) {
        NodeList fields = config.item(0).getChildNodes();
        for (int j = 0; j < fields.getLength(); j++) {
          if (fields.item(j) instanceof Element f) {
            String expression = f.getTextContent().strip();
            if (expression.startsWith("${") && expression.endsWith("}")) {
              byProperty.put(expression.substring(2, expression.length() - 1), f.getTagName());
            }
            String d = f.getAttribute("default-value");
            if (!d.isEmpty()) {
              defaults.put(f.getTagName(), d);
            }
          }
        }
      }
      Set<String> required = new LinkedHashSet<>();
      NodeList parameters = mojo.getElementsByTagName("parameter");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element p = (Element) parameters.item(j);
        if (p.getElementsByTagName("required").item(0).getTextContent().strip().equals("true")) {
          required.add(p.getElementsByTagName("name").item(0).getTextContent().strip());
        }
      }
      out.put(goal, new PluginDescriptor(implementation, byProperty, defaults, required));
    }
    return out;
  }

  /** The descriptor maven-plugin-plugin wrote for this build. */
  static Document xml() throws Exception {
    File xml = new File("target/classes/META-INF/maven/plugin.xml");
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
  }

  /** Sets a mojo's field from text, as Maven converts parameter values. */
  static void set(Object mojo, String name, Object value) throws Exception {
    Field f = field(mojo.getClass(), name);
    f.setAccessible(true);
    Class<?> t = f.getType();
    Object v = value;
    if (value instanceof String s) {
      if (t == boolean.class || t == Boolean.class) {
        v = Boolean.parseBoolean(s);
      } else if (t == int.class || t == Integer.class) {
        v = Integer.parseInt(s);
      } else if (t == long.class || t == Long.class) {
        v = Long.parseLong(s);
      } else if (t == File.class) {
        v = new File(s);
      } else if (t != String.class) {
        throw new AssertionError("field " + name + " of type " + t + " set from text");
      }
    }
    f.set(mojo, v);
  }

  /** The type of a mojo's field. */
  static Class<?> type(Object mojo, String name) throws NoSuchFieldException {
    return field(mojo.getClass(), name).getType();
  }

  private static Field field(Class<?> c, String name) throws NoSuchFieldException {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return k.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(c.getName() + "." + name);
  }
}
