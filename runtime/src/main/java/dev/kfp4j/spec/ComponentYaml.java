package dev.kfp4j.spec;

import dev.kfp4j.entrypoint.UrlTexts;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes KFP v1 component specs. Writing uses the key order of the KFP SDK (name,
 * description, metadata, inputs, outputs, implementation; within an input: name, type,
 * description, default, optional), so a spec written here reads like one the SDK wrote.
 */
public final class ComponentYaml {
  private ComponentYaml() {}

  /**
   * Parses a component spec from YAML text; {@code source} names it in errors, which also give the
   * line and column: {@code source:line:column: field: what is wrong}.
   */
  public static ComponentSpec parse(String text, String source) {
    return parse(text, source, false);
  }

  /**
   * As {@link #parse}, and also refuses, with the line, what kfp4j cannot compile into workflow
   * tasks: a graph task whose component is not inline ({@code componentRef} by {@code url}, {@code
   * name}, {@code digest} or {@code tag}: kfp4j does not fetch components while compiling), {@code
   * isEnabled}, and {@code executionOptions} other than {@code retryStrategy.maxRetries} and
   * {@code cachingStrategy.maxCacheStaleness: P0D}.
   */
  public static ComponentSpec parseCompilable(String text, String source) {
    return parse(text, source, true);
  }

  private static ComponentSpec parse(String text, String source, boolean compilable) {
    JsonNode root;
    try {
      root = Yaml.read(text);
    } catch (JacksonException e) {
      throw notYaml(source, e);
    }
    return parse(root, text, source, compilable);
  }

  /**
   * As {@link #parse} ({@link #parseCompilable} when {@code compilable}) of {@code text}, whose
   * one document the caller has parsed already into {@code root}.
   */
  public static ComponentSpec parse(JsonNode root, String text, String source, boolean compilable) {
    return new ComponentYamlReader.Reader(source, text, compilable).spec(root, FieldPath.ROOT);
  }

  /** Reads a UTF-8 component spec file; every failure is a {@link SpecException} naming the file. */
  public static ComponentSpec read(Path file) {
    return parse(SpecSources.read(file), file.toString());
  }

  /** How long a download may take in all, from connecting to the last byte. */
  static final java.time.Duration DOWNLOAD_TIMEOUT = java.time.Duration.ofSeconds(30);

  /**
   * Loads a component spec from a URL, as KFP's {@code load_component_from_url}: {@code http(s)}
   * through the JDK's HTTP client (30 s for the whole download, 16 MiB at most), {@code file} and
   * {@code jar:file} from this machine. Other schemes, and bytes that are not UTF-8, are
   * {@link SpecException}s.
   */
  public static ComponentSpec read(java.net.URI uri) {
    return read(uri, DOWNLOAD_TIMEOUT);
  }

  /** As {@link #read(java.net.URI)}, with another bound on the whole download. */
  static ComponentSpec read(java.net.URI uri, java.time.Duration timeout) {
    return parse(SpecSources.read(uri, timeout), UrlTexts.shown(uri.toString()));
  }

  /** Loads a component spec from a classpath resource such as {@code META-INF/kfp4j/components/add.yaml}. */
  public static ComponentSpec readResource(ClassLoader loader, String resource) {
    return parse(SpecSources.readResource(loader, resource), resource);
  }

  /** The text {@link #read(Path)} parses; a failure to read it is a {@link SpecException} naming the file. */
  public static String text(Path file) {
    return SpecSources.read(file);
  }

  /** The text {@link #read(java.net.URI)} parses, fetched as it fetches it. */
  public static String text(java.net.URI uri) {
    return SpecSources.read(uri, DOWNLOAD_TIMEOUT);
  }

  /** The text {@link #readResource} parses. */
  public static String text(ClassLoader loader, String resource) {
    return SpecSources.readResource(loader, resource);
  }

  /**
   * Writes a component spec as YAML with {@code header} as a leading comment (may be null): the
   * text {@link Yaml#write} gives for {@link #toNode}'s tree, written straight from the spec where
   * {@link ComponentYamlText} decides it (a container component, the processor's), else from the tree.
   */
  public static String write(ComponentSpec spec, String header) {
    String direct = ComponentYamlText.write(spec, header);
    return direct != null ? direct : Yaml.write(toNode(spec), header);
  }

  /** A component spec as a YAML tree, as {@link #write} writes it. */
  public static ObjectNode toNode(ComponentSpec spec) {
    return ComponentYamlWriter.toNode(spec);
  }

  /** The YAML form of one command-line item. */
  public static JsonNode toNode(Placeholder p) {
    return ComponentYamlWriter.toNode(p);
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a component spec from a parsed YAML tree; {@code source} names it in errors. Errors name
   * the field but not the line: {@link #parse} knows the text and gives both.
   */
  public static ComponentSpec fromNode(JsonNode root, String source) {
    return new ComponentYamlReader.Reader(source, null, false).spec(root, FieldPath.ROOT);
  }

  /** {@code not valid YAML} with the line and column Jackson (or SnakeYAML) reports. */
  private static SpecException notYaml(String source, JacksonException e) {
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYamlEngineException m && m.getProblem() != null) {
      message = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
    } else if (message != null && message.indexOf('\n') > 0) {
      message = message.substring(0, message.indexOf('\n'));
    }
    TokenStreamLocation at = e.getLocation();
    // A limit SnakeYAML enforces without a mark (the document's size) has no meaningful position.
    boolean known = at != null && at.getLineNr() > 0
        && (e.getCause() instanceof MarkedYamlEngineException || !(e.getCause() instanceof YamlEngineException));
    return new SpecException(source, known ? at.getLineNr() : 0, known ? at.getColumnNr() : 0, null, "not valid YAML: " + message);
  }

}
