package dev.kfp4j.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mermaid text written by {@link MermaidWriter}, parsed line by line as Mermaid reads a flowchart:
 * nodes with their (decoded) label lines, the nodes in each subgraph at any depth, and edges.
 * Refuses a line it does not understand, and a label holding a raw quote or markup other than
 * {@code <br>}.
 */
record MermaidPicture(String title, Map<String, List<String>> nodes, Map<String, List<String>> subgraphs,
    Map<String, String> subgraphLabels, List<Edge> edges) {
  private static final Pattern SUBGRAPH = Pattern.compile("subgraph (g\\d+) \\[\"(.*)\"\\]");
  private static final Pattern NODE = Pattern.compile("(n\\d+)(\\[\\(|\\[/|\\[\\\\|\\(\\[|\\[)\"(.*)\"(\\)\\]|/\\]|\\]\\)|\\])");
  private static final Pattern EDGE = Pattern.compile("([ng]\\d+) (-->|==>|-\\.->)(?:\\|\"(.*)\"\\|)? ([ng]\\d+)");
  private static final Pattern ENTITY = Pattern.compile("#(\\d+);");

  /** {@code kind}: {@code -->} a value, {@code ==>} a file, {@code -.->} an order. */
  record Edge(String from, String to, String kind, List<String> label) {}

  static MermaidPicture parse(String text) {
    List<String> lines = Arrays.asList(text.split("\n"));
    if (!lines.get(0).equals("---") || !lines.get(1).startsWith("title: \"") || !lines.get(2).equals("---")
        || !lines.get(3).equals("flowchart TD")) {
      throw new AssertionError("not a titled flowchart:\n" + text);
    }
    Map<String, List<String>> nodes = new LinkedHashMap<>();
    Map<String, List<String>> subgraphs = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>();
    for (String raw : lines.subList(4, lines.size())) {
      String line = raw.strip();
      Matcher m;
      if ((m = SUBGRAPH.matcher(line)).matches()) {
        open.push(m.group(1));
        subgraphs.put(m.group(1), new ArrayList<>());
        labels.put(m.group(1), String.join("\n", decode(m.group(2))));
      } else if (line.equals("end")) {
        open.pop();
      } else if ((m = NODE.matcher(line)).matches()) {
        nodes.put(m.group(1), decode(m.group(3)));
        for (String g : open) {
          subgraphs.get(g).add(m.group(1));
        }
      } else if ((m = EDGE.matcher(line)).matches()) {
        edges.add(new Edge(m.group(1), m.group(4), m.group(2), m.group(3) == null ? List.of() : decode(m.group(3))));
      } else {
        throw new AssertionError("a line Mermaid would not read as meant: '" + raw + "'");
      }
    }
    if (!open.isEmpty()) {
      throw new AssertionError("subgraphs left open: " + open);
    }
    return new MermaidPicture(lines.get(1), nodes, subgraphs, labels, edges);
  }

  List<String> nodeNames() {
    return nodes.values().stream().map(l -> l.get(0)).toList();
  }

  String idOf(String name) {
    return nodes.entrySet().stream().filter(e -> e.getValue().get(0).equals(name)).findFirst().orElseThrow().getKey();
  }

  /** The lines of a quoted label, entities decoded; fails on a raw quote or markup. */
  static List<String> decode(String quoted) {
    String bare = quoted.replace("<br>", "");
    for (char c : new char[] {'"', '<', '>', '&', '|', '`'}) {
      if (bare.indexOf(c) >= 0) {
        throw new AssertionError("raw '" + c + "' in a Mermaid label: " + quoted);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : quoted.split("<br>", -1)) {
      Matcher m = ENTITY.matcher(line);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }
}
