package dev.kfp4j.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The one place kfp4j reads and writes YAML and JSON. Output is deterministic: keys in the order
 * the model gives them, block style, LF line endings, no document marker, and an optional header
 * comment.
 */
public final class Yaml {
  /** Largest YAML document read, in code points; larger ones are refused before parsing. */
  public static final int MAX_DOCUMENT_CODE_POINTS = 8 * 1024 * 1024;

  /** The YAML parser and generator factory, made when first used (cheap beside the mapper). */
  private static final class Factory {
    static final YAMLFactory YAML =
        new AliasResolvingFactory(YAMLFactory.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .stringQuotingChecker(new Yaml11Quoting())
            .loadSettings(
                LoadSettings.builder()
                    .setMaxAliasesForCollections(50)
                    .setAllowRecursiveKeys(false)
                    .setAllowDuplicateKeys(false)
                    .setCodePointLimit(MAX_DOCUMENT_CODE_POINTS)
                    .build())
            .build());
  }

  /**
   * The YAML mapper, made when first used: building it costs a cold JVM a good part of a second,
   * which a JVM that only writes (the annotation processor, through {@link DirectYaml}) or reads
   * one document ({@link YamlTree}) does not pay.
   */
  private static final class Mapper {
    static final ObjectMapper MAPPER = YAMLMapper.builder(Factory.YAML).build();
  }

  /**
   * The JSON mapper, made when first used, as the YAML one: a build that writes only YAML, and a
   * local run that reads and writes plain JSON ({@link JsonTree}, {@link JsonWriting}), never need it.
   */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private Yaml() {}

  /** The factory of the YAML parsers and generators, the mapper's own: what {@link YamlTree} reads with. */
  static YAMLFactory factory() {
    return Factory.YAML;
  }

  /** The mapper behind YAML reading and writing. */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /** A plain JSON mapper. */
  public static JsonMapper json() {
    return Json.MAPPER;
  }

  /** An empty JSON object node, as {@code json().createObjectNode()} makes it, without making the mapper. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** An empty JSON array node, as {@code json().createArrayNode()} makes it, without making the mapper. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A copy of {@code n} with every object's keys sorted, at every level (as KFP writes its YAML). */
  public static JsonNode sortedKeys(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = object();
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(n.properties());
      entries.sort(Map.Entry.comparingByKey());
      entries.forEach(e -> out.set(e.getKey(), sortedKeys(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = array();
      n.forEach(e -> out.add(sortedKeys(e)));
      return out;
    }
    return n;
  }

  /** The node factory of {@link #json()}'s trees, without making the mapper. */
  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }

  /** {@code node} as {@code json().writeValueAsString(node)} writes it, without making the mapper for plain JSON. */
  public static String jsonText(JsonNode node) {
    StringBuilder out = new StringBuilder();
    return JsonWriting.write(node, false, 0, out) ? out.toString() : Json.MAPPER.writeValueAsString(node);
  }

  /** {@code node} as {@code json().writerWithDefaultPrettyPrinter()} writes it, without making the mapper for plain JSON. */
  public static String prettyJsonText(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendPrettyJson(node, 0, out);
    return out.toString();
  }

  /**
   * Appends {@code node} as {@code json().writerWithDefaultPrettyPrinter()} writes it as a value
   * {@code nesting} objects deep in a larger text: each line after its first indented two spaces a
   * level more.
   */
  public static void appendPrettyJson(JsonNode node, int nesting, StringBuilder out) {
    int start = out.length();
    if (!JsonWriting.write(node, true, nesting, out)) {
      out.setLength(start);
      out.append(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node).replace("\n", "\n" + "  ".repeat(nesting)));
    }
  }

  /** {@code value} as {@code json().valueToTree(value)} makes it, without making the mapper for plain values. */
  public static JsonNode toTree(Object value) {
    JsonNode tree = JsonWriting.tree(value);
    return tree != null ? tree : Json.MAPPER.valueToTree(value);
  }

  /**
   * Parses JSON text into the tree {@code json().readTree(text)} gives (its exception too), without
   * making the JSON mapper where the text is plain JSON.
   */
  public static JsonNode readJson(String text) {
    return JsonTree.read(text);
  }

  /**
   * Parses JSON text as {@link #readJson} does, but as Go reads it into its {@code json.RawMessage}s {@code rawDepth}
   * levels deep (Argo's loop items: a list of them 2, one item 1): each number kept as its text there ({@code 1.50},
   * {@code 1e-05}), which the tree loses ({@code 1.5}, {@code 1.0E-5}), a raw value {@link #jsonText} writes as it is
   * ({@link #rawText}); a text written with escapes likewise ({@link #stringText}); an object or array {@code rawDepth}
   * levels in as its text without spaces, a raw value too, whatever its depth, its keys as written and a key given twice
   * kept twice; a key given twice above that as its last value.
   */
  public static JsonNode readJsonAsRaw(String text, int rawDepth) {
    return JsonTree.readAsRaw(text, rawDepth);
  }

  /** The text of a number or container {@link #readJsonAsRaw} kept, or null when {@code node} is not one. */
  public static String rawText(JsonNode node) {
    return JsonWriting.raw(node);
  }

  /**
   * The JSON text, quotes included, of a text {@link #readJsonAsRaw} kept as written with its escapes ({@code
   * "a\/b"}), or null when {@code node} is not one.
   */
  public static String stringText(JsonNode node) {
    return node instanceof WrittenString w ? w.json : null;
  }

  /**
   * What is wrong with text {@link #readJson} refused, for a user who sees the text beside it:
   * Jackson's own message without the location of a source it keeps hidden ({@code (start marker
   * at [Source: REDACTED ...])}).
   */
  public static String why(tools.jackson.core.JacksonException e) {
    return e.getOriginalMessage().replaceAll(" ?\\(start marker at \\[Source: REDACTED[^\\]]*\\]\\)", "");
  }

  /** {@code node} as Python's {@code json.dumps(sort_keys=True)} writes it, as KFP writes JSON in annotations. */
  public static String pyJson(JsonNode node) {
    return dev.kfp4j.entrypoint.PyJson.dumps(toPlain(node));
  }

  /** {@code node} as Python's {@code json.dumps} writes it, keys in the node's order. */
  public static String pyJsonInOrder(JsonNode node) {
    return dev.kfp4j.entrypoint.PyJson.dumpsInOrder(toPlain(node));
  }

  /**
   * {@code node} as the plain values (maps, lists, strings, numbers, booleans, null) that the JSON
   * mapper's {@code treeToValue(node, Object.class)} gives, read off the tree without making the
   * mapper where the node types are the plain ones (a build writing workflows never needs it).
   */
  public static Object toPlain(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
          out.put(e.getKey(), toPlain(e.getValue()));
        }
        return out;
      }
      case ARRAY: {
        java.util.List<Object> out = new java.util.ArrayList<>(node.size());
        for (JsonNode e : node) {
          out.add(toPlain(e));
        }
        return out;
      }
      case STRING:
        return node.asString();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
        return null;
      case NUMBER:
        if (!node.isFloat()) {
          return node.numberValue();
        }
        return Json.MAPPER.treeToValue(node, Object.class);
      default:
        return Json.MAPPER.treeToValue(node, Object.class);
    }
  }

  /**
   * Parses YAML text as PyYAML (the KFP SDK's reader) does: an alias ({@code *name}) is a copy of
   * the node anchored {@code &name} (at most {@value AliasResolvingParser#MAX_ALIAS_NODES} nodes
   * copied in all), and a merge key ({@code <<: *defaults}, or a list of mappings) adds the keys the
   * mapping does not set itself. Text over {@link #MAX_DOCUMENT_CODE_POINTS} is refused before
   * parsing (SnakeYAML would scan up to its limit first, which takes seconds).
   */
  public static JsonNode read(String text) {
    checkLength(text);
    List<JsonNode> block = BlockYamlReader.readAll(text); // null where Jackson's parser must say
    JsonNode root = block != null && block.size() == 1 ? block.get(0) : YamlTree.read(Factory.YAML, text);
    if (root == null) {
      root = Mapper.MAPPER.readTree(text);
    }
    return text.contains("<<") ? merged(root) : root;
  }

  /** Parses every document of a YAML stream ({@code ---} between them), with {@link #read(String)}'s limits. */
  public static List<JsonNode> readAll(String text) {
    checkLength(text);
    List<JsonNode> documents = BlockYamlReader.readAll(text); // null where Jackson's parser must say
    if (documents == null) {
      documents = YamlTree.readAll(Factory.YAML, text); // null where only the mapper can say
    }
    if (documents == null) {
      try (tools.jackson.databind.MappingIterator<JsonNode> it = Mapper.MAPPER.readerFor(JsonNode.class).readValues(text)) {
        documents = it.readAll();
      }
    }
    boolean merges = text.contains("<<");
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode doc : documents) {
      out.add(merges ? merged(doc) : doc);
    }
    return out;
  }

  /**
   * The comment lines {@code text} starts with, each with its line end, as they are: what a file's
   * header is when its tree is written again ({@code ""} for none).
   */
  public static String leadingComments(String text) {
    int at = 0;
    while (text.startsWith("#", at)) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        return text + "\n";
      }
      at = end + 1;
    }
    return text.substring(0, at);
  }

  /** Refuses text over {@link #MAX_DOCUMENT_CODE_POINTS} before parsing. */
  private static void checkLength(String text) {
    if (text.length() > MAX_DOCUMENT_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_DOCUMENT_CODE_POINTS) {
      throw new tools.jackson.core.exc.StreamConstraintsException(
          "the document has more than " + MAX_DOCUMENT_CODE_POINTS + " code points, the most kfp4j reads");
    }
  }

  /** Parses UTF-8 YAML, as {@link #read(String)}. */
  public static JsonNode read(InputStream in) {
    try {
      return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a UTF-8 YAML file, as {@link #read(String)}. */
  public static JsonNode read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code node} with its merge keys resolved as PyYAML resolves them: merged pairs first, in the
   * order of the merge keys (a list's later mappings before its earlier ones, so that earlier ones
   * win), then the mapping's own keys, which win over all of them.
   */
  private static JsonNode merged(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = array();
      node.forEach(e -> out.add(merged(e)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = object();
    for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().startsWith(AliasResolvingParser.MERGE_KEY)) {
        JsonNode value = merged(e.getValue());
        java.util.List<JsonNode> sources = new java.util.ArrayList<>();
        if (value.isArray()) {
          value.forEach(sources::add);
          java.util.Collections.reverse(sources);
        } else {
          sources.add(value);
        }
        for (JsonNode source : sources) {
          if (!source.isObject()) {
            throw new tools.jackson.core.exc.StreamReadException((tools.jackson.core.JsonParser) null,
                "a merge key '<<' takes a mapping or a list of mappings, such as '<<: *defaults'; found " + source.getNodeType());
          }
          source.properties().forEach(p -> out.set(p.getKey(), p.getValue()));
        }
      }
    }
    for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getKey().startsWith(AliasResolvingParser.MERGE_KEY)) {
        out.set(e.getKey(), merged(e.getValue()));
      }
    }
    return out;
  }

  /** Reads a classpath resource next to {@code anchor}'s class loader as UTF-8 text. */
  public static String resource(Class<?> anchor, String path) {
    try (InputStream in = anchor.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no resource '" + path + "' on the classpath of " + anchor.getName());
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code node} as YAML, with the nodes in {@code flow} (by identity) each on one line in
   * flow style.
   */
  public static String write(JsonNode node, String header, java.util.Set<JsonNode> flow) {
    String direct = DirectYaml.write(node, header, flow);
    return direct != null ? direct : withFlowTokens(node, header, flow);
  }

  /**
   * {@link #write(JsonNode, String, java.util.Set)}'s text, through a copy of the tree whose flow
   * nodes are tokens, written by {@link #write(JsonNode, String)} and replaced by their lines.
   */
  static String withFlowTokens(JsonNode node, String header, java.util.Set<JsonNode> flow) {
    if (flow.isEmpty()) {
      return write(node, header);
    }
    java.util.Map<String, String> lines = new java.util.HashMap<>();
    JsonNode marked = mark(node, flow, lines);
    String yaml = write(marked, header);
    StringBuilder out = new StringBuilder(yaml.length() + lines.size() * 64);
    int start = 0;
    java.util.regex.Matcher m = FLOW_TOKEN.matcher(yaml);
    while (m.find()) {
      out.append(yaml, start, m.start()).append(lines.get(m.group()));
      start = m.end();
    }
    return out.append(yaml, start, yaml.length()).toString();
  }

  private static final java.util.regex.Pattern FLOW_TOKEN = java.util.regex.Pattern.compile("__kfp4j_flow_[0-9]+__");

  private static JsonNode mark(JsonNode node, java.util.Set<JsonNode> flow, java.util.Map<String, String> lines) {
    if (flow.contains(node)) {
      String token = "__kfp4j_flow_" + lines.size() + "__";
      lines.put(token, FlowYaml.write(node));
      return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(token);
    }
    if (node.isObject()) {
      tools.jackson.databind.node.ObjectNode copy = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), mark(e.getValue(), flow, lines)));
      return copy;
    }
    if (node.isArray()) {
      tools.jackson.databind.node.ArrayNode copy = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(mark(e, flow, lines)));
      return copy;
    }
    return node;
  }

  /**
   * Writes {@code node} as YAML. {@code header} lines (may be null) are written first as
   * {@code # } comments.
   */
  public static String write(JsonNode node, String header) {
    String direct = DirectYaml.write(node, header);
    return direct != null ? direct : withMapper(node, header);
  }

  /** {@link #write}'s text, always through Jackson's YAML generator. */
  static String withMapper(JsonNode node, String header) {
    StringBuilder out = new StringBuilder();
    BlockYaml.appendComment(header, out);
    try {
      out.append(Mapper.MAPPER.writeValueAsString(node));
    } catch (JacksonException e) {
      throw new IllegalStateException("could not write YAML", e);
    }
    return out.toString().replace("\r\n", "\n");
  }
}
