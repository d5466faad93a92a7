package dev.kfp4j.processor;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2PipelineFile;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Sha256;
import dev.kfp4j.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import tools.jackson.databind.JsonNode;

/**
 * The component specs pipelines call, by resource path: those compiled or imported in this build,
 * else read from the class output or the classpath (a component compiled earlier, or in a jar).
 * Each spec is kept with the digest of its file, so a pipeline's file can be told apart from a
 * component's that changed since.
 */
final class SpecSource {
  /** A spec and its file's text, whose digest is taken when first asked for (most never are). */
  private static final class Loaded {
    final ComponentSpec spec;
    /** Whether it is compiled or imported in this build ({@link #register}). */
    final boolean ours;
    String text;
    String digest;

    Loaded(ComponentSpec spec, String text, boolean ours) {
      this.spec = spec;
      this.text = text;
      this.ours = ours;
    }
  }

  private final Filer filer;
  private final javax.lang.model.util.Elements elements;
  /** The class from the class path that names each resource ({@link #namedBy}). */
  private final Map<String, javax.lang.model.element.TypeElement> namers = new HashMap<>();
  private final Map<String, Loaded> specs = new HashMap<>();
  private final Map<ComponentSpec, String> resources = new IdentityHashMap<>();
  /** {@link #pipelineFile} by resource; null values for component files. */
  private final Map<String, Pipeline> pipelineFiles = new HashMap<>();
  /** {@link #artifactLists} by resource, read once: each call of the file's op asks. */
  private final Map<String, java.util.Set<String>> artifactLists = new HashMap<>();

  SpecSource(Filer filer, javax.lang.model.util.Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /**
   * Notes that {@code owner}, a class from the class path (an op's class, a called pipeline's), names {@code resource}: {@link
   * #read} reads it from where {@code owner} is ({@link ClassRootResources}; the first class to name it is kept). Returns
   * why it cannot be, or null: a file this build writes has its name, and would take its place.
   */
  String namedBy(String resource, javax.lang.model.element.TypeElement owner) {
    namers.putIfAbsent(resource, owner);
    Loaded ours = specs.get(resource);
    if (ours == null || !ours.ours) {
      return null;
    }
    String theirs = ClassRootResources.besideClass(filer, elements, owner, resource);
    return theirs == null || Sha256.hexOf(theirs).equals(digest(resource)) ? null
        : "a component of this build, whose file " + resource + " would take the place of the one " + owner.getQualifiedName()
            + " reads from the class path";
  }

  /** The classes from the class path that name the resources read so far ({@link #namedBy}). */
  java.util.Collection<javax.lang.model.element.TypeElement> namers() {
    return java.util.List.copyOf(namers.values());
  }

  /**
   * The text of {@code resource}: from where the class that {@linkplain #namedBy names} it is, else the class output, else
   * the class path; null when it is nowhere.
   */
  String read(String resource) {
    javax.lang.model.element.TypeElement owner = namers.get(resource);
    String text = owner == null ? null : ClassRootResources.besideClass(filer, elements, owner, resource);
    return text != null ? text : readNamed(filer, resource);
  }

  /** A spec compiled or imported in this build, whose file at {@code resource} reads {@code text}. */
  void register(String resource, ComponentSpec spec, String text) {
    specs.put(resource, new Loaded(spec, text, true));
    resources.put(spec, resource);
  }

  /** The spec at {@code resource}, or null when it is nowhere. */
  ComponentSpec spec(String resource) {
    Loaded loaded = specs.get(resource);
    if (loaded == null) {
      String text = read(resource);
      if (text == null) {
        return null;
      }
      ComponentSpec spec = parse(text, resource, false);
      loaded = new Loaded(spec, text, false);
      specs.put(resource, loaded);
      resources.put(spec, resource);
    }
    return loaded.spec;
  }

  /**
   * A component file's spec: a KFP 2 component file (a pipeline spec running one component, as
   * KFP 2's compiler writes a component compiled alone), a KFP 2 pipeline file (its interface, {@link
   * Kfp2PipelineFile#iface}) or a KFP v1 component spec, told apart by content; {@code
   * compilable}: a v1 spec must be one the processor can compile (checked as {@link
   * ComponentYaml#parseCompilable} does).
   *
   * @throws SpecException or {@link FormatException} naming the file and what is wrong
   */
  static ComponentSpec parse(String text, String resource, boolean compilable) {
    return parse(Documents.readOrNull(text), text, resource, compilable);
  }

  /** {@link #parse(String, String, boolean)} of {@code text}, whose documents are {@code docs} (null: not YAML). */
  static ComponentSpec parse(List<JsonNode> docs, String text, String resource, boolean compilable) {
    if (Kfp2PipelineFile.is(docs)) { // a pipeline used as a component: its interface; a call runs its tasks
      return Kfp2PipelineFile.iface(docs, text, resource);
    }
    if (Kfp2Reader.isPipelineSpec(docs)) {
      return Kfp2Reader.readComponent(docs, text, resource);
    }
    if (docs != null && docs.size() == 1) { // a v1 spec, parsed once
      return ComponentYaml.parse(docs.get(0), text, resource, compilable);
    }
    return compilable ? ComponentYaml.parseCompilable(text, resource) : ComponentYaml.parse(text, resource); // its error
  }

  /**
   * The pipeline the file at {@code resource} is, when it is a KFP 2 pipeline file used as a component ({@link
   * Kfp2PipelineFile}): a call of its op runs it as a pipeline in a pipeline. Null for a component file, or none.
   *
   * @throws FormatException when the file cannot be read so (its import reports it first)
   */
  Pipeline pipelineFile(String resource) {
    if (!pipelineFiles.containsKey(resource)) {
      String text = read(resource);
      pipelineFiles.put(resource, text == null ? null : Kfp2PipelineFile.pipelineOrNull(text, resource));
    }
    return pipelineFiles.get(resource);
  }

  /**
   * The outputs of the KFP 2 pipeline file at {@code resource} ({@link #pipelineFile}) that are lists of artifacts, KFP's
   * {@code dsl.Collected} of a loop's artifacts given as the pipeline's output ({@link Kfp2PipelineFile#artifactLists}).
   */
  java.util.Set<String> artifactLists(String resource) {
    return artifactLists.computeIfAbsent(resource, r -> Kfp2PipelineFile.artifactLists(Documents.readOrNull(read(r))));
  }

  /** The resource {@code spec} was read from, or null for a spec inside another (a graph's task). */
  String resource(ComponentSpec spec) {
    return resources.get(spec);
  }

  /** The digest of the file at {@code resource}, as read by {@link #spec} or registered. */
  String digest(String resource) {
    Loaded loaded = specs.get(resource);
    if (loaded == null) {
      return null;
    }
    if (loaded.digest == null) {
      loaded.digest = Sha256.hexOf(loaded.text);
      loaded.text = null;
    }
    return loaded.digest;
  }

  /**
   * A file a class names ({@code @ImportComponents}, an op's call of a file it imported): from the class output, else the
   * classpath, else, under a folder no package is named as, the processor's class loader ({@link
   * ClassRootResources#underFolderNoPackage}); null when in none.
   */
  static String readNamed(Filer filer, String resource) {
    String text = read(filer, resource);
    return text != null ? text : ClassRootResources.underFolderNoPackage(resource);
  }

  /** A text resource from the class output, else the classpath; null when in neither. */
  static String read(Filer filer, String resource) {
    for (StandardLocation location : new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH}) {
      try {
        FileObject f = filer.getResource(location, "", resource);
        try (InputStream in = f.openInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException | RuntimeException e) {
        // not there, or a name the file manager refuses (a leading '/': javac's IllegalArgumentException,
        // wrapped in a ClientCodeException by a file manager of a tool's); try the next location
      }
    }
    return null;
  }
}
