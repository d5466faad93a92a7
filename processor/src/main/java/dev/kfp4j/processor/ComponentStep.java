package dev.kfp4j.processor;

import com.palantir.javapoet.ClassName;
import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2PipelineFile;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.javac.Sources;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.processor.writer.ComponentSpecs;
import dev.kfp4j.processor.writer.EntrypointWriter;
import dev.kfp4j.processor.writer.ImportedOpsWriter;
import dev.kfp4j.processor.writer.JavaSource;
import dev.kfp4j.processor.writer.OpsWriter;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.SpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the {@code @Component} methods of a class into one ops class, one entrypoint class and
 * one component YAML per method (and, when the build writes KFP 2, one reusable KFP 2 component
 * file per method), and the files {@code @ImportComponents} names (KFP v1 component specs, KFP 2
 * component files, or KFP 2 pipeline files, whose ops run the pipeline) into ops. A class
 * whose component signatures use a type not generated yet waits for a later round.
 */
final class ComponentStep {
  static final String COMPONENT = "dev.kfp4j.annotations.Component";
  static final String IMPORT = "dev.kfp4j.annotations.ImportComponents";

  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final ComponentValidator validator;
  private final SpecSource specs;
  private final Sources sources;
  private final PipelineIndex index;
  private final boolean kfp2;

  /** {@code kfp2}: whether the build writes KFP 2, so each component's reusable KFP 2 file too. */
  ComponentStep(ProcessingEnvironment env, Reporter reporter, ComponentValidator validator, SpecSource specs, Sources sources,
      PipelineIndex index, boolean kfp2) {
    this.env = env;
    this.reporter = reporter;
    this.validator = validator;
    this.specs = specs;
    this.sources = sources;
    this.index = index;
    this.kfp2 = kfp2;
  }

  /** The classes written so far, by qualified name: the class they were generated for. */
  private final Map<String, String> generatedFor = new HashMap<>();

  /** Where the KFP 2 component file of component {@code name} is written. */
  static String kfp2ResourcePath(String name) {
    return "META-INF/kfp4j/kfp2/components/" + name + ".yaml";
  }

  /** The {@code @Component} methods of {@code owner}. */
  static List<ExecutableElement> components(TypeElement owner) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : owner.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && Annotations.annotation(e, COMPONENT) != null) {
        out.add((ExecutableElement) e);
      }
    }
    return out;
  }

  /** The first type of a component signature in {@code owner} that is not resolved yet, or null. */
  static TypeMirror unresolved(TypeElement owner) {
    for (ExecutableElement m : components(owner)) {
      TypeMirror t = TypeMapper.unresolved(m);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * Reports each component method of {@code owner} whose signature is still unresolved in the last round, with what is
   * wrong with its name (not valid, another component's), the misuses of its other components, and the clash of a class
   * kfp4j would generate for {@code owner}, in the same build (nothing is written: the class does not compile).
   */
  void reportUnresolved(TypeElement owner) {
    for (ExecutableElement m : components(owner)) {
      TypeMirror t = TypeMapper.unresolved(m);
      if (t != null) {
        reporter.error(m, Message.UNRESOLVED_TYPE, "@Component method", ComponentValidator.describe(m), t);
        validator.claimName(m);
      } else {
        validator.validate(m);
      }
    }
    checkFree(owner, ClassName.get(owner));
  }

  /** Compiles the components of {@code owner}, whose signatures are resolved. */
  void compile(TypeElement owner) throws IOException {
    List<ComponentModel> models = new ArrayList<>();
    for (ExecutableElement m : components(owner)) {
      ComponentModel model = validator.validate(m);
      if (model != null) {
        models.add(model);
      }
    }
    ClassName ownerName = ClassName.get(owner);
    if (models.isEmpty()) {
      checkFree(owner, ownerName);
      return;
    }
    if (!writeJava(owner, OpsWriter.write(ownerName, models)) || !writeJava(owner, EntrypointWriter.write(ownerName, models))) {
      return;
    }
    for (ComponentModel m : models) {
      ComponentSpec spec = ComponentSpecs.of(m);
      String text = ComponentYaml.write(spec, ComponentSpecs.header(m.source()));
      Output.resource(env.getFiler(), m.resourcePath(), text, m.element());
      specs.register(m.resourcePath(), spec, text);
      if (kfp2) {
        writeKfp2(m, spec);
      }
      checkPipelinesUsing(m.resourcePath(), m.name(), m.element(), null, Message.STALE_PIPELINE);
    }
  }

  /** The reusable KFP 2 component file of {@code m}: the spec KFP 2 writes for a component compiled alone. */
  private void writeKfp2(ComponentModel m, ComponentSpec spec) throws IOException {
    String text;
    try {
      text = Kfp2Writer.writeComponent(spec, m.source());
    } catch (FormatException e) {
      reporter.error(m.element(), FormatMessage.KFP2_NOT_WRITTEN, e.getMessage());
      return;
    }
    Output.resource(env.getFiler(), kfp2ResourcePath(m.name()), text, m.element());
  }

  /** What a missing file's error adds: the leading '/' to drop, or the folder javac cannot read from a jar. */
  private static String notFound(String resource) {
    if (resource.startsWith("/")) {
      return "; a classpath resource is named without a leading '/': write '" + resource.replaceFirst("^/+", "") + "'";
    }
    String[] folders = resource.split("/");
    for (int i = 0; i < folders.length - 1; i++) {
      if (!javax.lang.model.SourceVersion.isIdentifier(folders[i])) { // javac lists a jar by package, leaving other folders out
        return "; javac reads a file from a jar only under folders named as Java packages, and '" + folders[i] + "' is not one:"
            + " in a jar, put it under such folders (src/main/resources takes any), or put the jar on the processor path"
            + " too (annotationProcessorPaths), where kfp4j reads it through its class loader";
      }
    }
    return "";
  }

  /** Reads the component files {@code @ImportComponents} on {@code owner} names and writes their typed ops. */
  void importComponents(TypeElement owner) throws IOException {
    AnnotationMirror a = Annotations.annotation(owner, IMPORT);
    ClassName ownerName = ClassName.get(owner);
    if (!components(owner).isEmpty()) {
      reporter.error(owner, a, Message.IMPORT_CLASH, owner.getSimpleName(), String.join("_", ownerName.simpleNames()) + "Ops");
      return;
    }
    List<ImportedOpsWriter.Imported> imported = new ArrayList<>();
    java.util.Set<String> named = new java.util.HashSet<>();
    List<String> resources = Annotations.entries(a, "value");
    for (int i = 0; i < resources.size(); i++) {
      String resource = resources.get(i);
      if (resource == null) { // javac cannot resolve it, and says so
        continue;
      }
      if (!named.add(resource)) {
        reporter.error(owner, a, "value", i, Message.COMPONENT_FILE_TWICE, resource);
        continue;
      }
      String text = SpecSource.readNamed(env.getFiler(), resource);
      if (text == null) {
        reporter.error(owner, a, "value", i, Message.COMPONENT_FILE_NOT_FOUND, resource, notFound(resource));
        continue;
      }
      try {
        List<JsonNode> docs = Documents.readOrNull(text);
        ComponentSpec spec = SpecSource.parse(docs, text, resource, true);
        imported.add(new ImportedOpsWriter.Imported(spec, resource, Kfp2Reader.isPipelineSpec(docs), Kfp2PipelineFile.is(docs),
            Kfp2PipelineFile.artifactLists(docs)));
        specs.register(resource, spec, text);
        checkPipelinesUsing(resource, spec.name() == null ? resource : spec.name(), owner, a,
            Kfp2PipelineFile.is(docs) ? Message.STALE_PIPELINE_FILE : Message.STALE_PIPELINE);
      } catch (SpecException | FormatException ex) {
        reporter.error(owner, a, "value", i, Message.BAD_COMPONENT_FILE, ex.getMessage());
      }
    }
    if (!imported.isEmpty()) {
      writeJava(owner, ImportedOpsWriter.write(ownerName, imported));
    }
  }

  /**
   * Writes a class generated for {@code owner}; false, with an error on it, when the name is taken
   * in this compilation: by a type of the user's ({@code LibOps} beside {@code Lib}) or by what
   * another class generated ({@code Lib_Inner} and {@code Lib.Inner} both flatten to {@code Lib_InnerOps}).
   */
  private boolean writeJava(TypeElement owner, JavaSource source) throws IOException {
    String other = generatedFor.putIfAbsent(source.name(), owner.getQualifiedName().toString());
    try {
      Output.java(env.getFiler(), source);
      return true;
    } catch (FilerException e) {
      clash(owner, source.name(), other);
      return false;
    }
  }

  /**
   * Reports the first class kfp4j would generate for {@code owner} ({@code ownerName}), none of whose components is written
   * (each has errors, or one a type javac does not know), that a type of this compilation has the name of: beside the components' errors, as when they are
   * written, not in the build after they are fixed.
   */
  private void checkFree(TypeElement owner, ClassName ownerName) {
    for (ClassName generated : ComponentModel.generated(ownerName)) {
      String name = generated.canonicalName();
      String other = generatedFor.get(name);
      if (other == null ? sources.compiledNow(name) : !other.contentEquals(owner.getQualifiedName())) {
        clash(owner, name, other);
        return;
      }
    }
  }

  /** Reports that {@code generated}, a class kfp4j generates for {@code owner}, is taken: by what it generated for {@code other}. */
  private void clash(TypeElement owner, String generated, String other) {
    String takenBy = other != null && !other.contentEquals(owner.getQualifiedName())
        ? "what kfp4j generates for '" + other + "' too" : "already a type of this compilation";
    reporter.error(owner, Message.GENERATED_CLASS_CLASH, generated, owner.getQualifiedName(), takenBy);
  }

  /**
   * Reports the pipelines compiled earlier that embed another version of the spec at {@code
   * resource} and are not compiled now: their workflow would run the component with its old
   * command line (a pipeline file's, its old tasks), said by {@code stale} ({@link
   * Message#STALE_PIPELINE}, or {@link Message#STALE_PIPELINE_FILE} for a KFP 2 pipeline file).
   */
  private void checkPipelinesUsing(String resource, String component, Element element, AnnotationMirror annotation, Message stale) {
    if (!sources.available()) {
      return;
    }
    for (PipelineIndex.Entry e : index.staleUsers(resource, () -> specs.digest(resource), sources::compiledNow)) {
      reporter.error(element, annotation, stale, component, e.name(), e.file(), e.file());
    }
  }
}
