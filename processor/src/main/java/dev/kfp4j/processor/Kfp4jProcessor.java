package dev.kfp4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.writer.ComponentSpecs;
import dev.kfp4j.processor.writer.EntrypointWriter;
import dev.kfp4j.processor.writer.OpsWriter;
import dev.kfp4j.spec.ComponentYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The kfp4j annotation processor. Each round: validate {@code @Component} methods and build their
 * models, then write, per annotated class, one ops class, one entrypoint class and one component
 * YAML per method; {@code @Pipeline} methods are read after analysis by {@link
 * dev.kfp4j.processor.pipeline.PipelineStep}. Never claims annotations; no exception escapes.
 */
@AutoService(Processor.class)
public final class Kfp4jProcessor extends AbstractProcessor {
  /** Processor option: the default image of components that set none. */
  public static final String OPTION_IMAGE = "kfp4j.image";

  private static final String COMPONENT = "dev.kfp4j.annotations.Component";
  private static final String PIPELINE = "dev.kfp4j.annotations.Pipeline";
  private static final String IMPORT = "dev.kfp4j.annotations.ImportComponents";

  private Reporter reporter;
  private ComponentValidator components;
  private dev.kfp4j.processor.pipeline.PipelineStep pipelines;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(COMPONENT, PIPELINE, IMPORT);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_IMAGE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    components =
        new ComponentValidator(env.getElementUtils(), env.getTypeUtils(), reporter, env.getOptions().get(OPTION_IMAGE));
    pipelines = new dev.kfp4j.processor.pipeline.PipelineStep(env, reporter, components);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Element current = null;
    try {
      TypeElement component = processingEnv.getElementUtils().getTypeElement(COMPONENT);
      Map<TypeElement, List<ComponentModel>> byOwner = new LinkedHashMap<>();
      if (component != null) {
        for (Element e : round.getElementsAnnotatedWith(component)) {
          current = e;
          if (e.getKind() != ElementKind.METHOD) {
            continue;
          }
          ComponentModel model = components.validate((ExecutableElement) e);
          TypeElement owner = (TypeElement) e.getEnclosingElement();
          List<ComponentModel> list = byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
          if (model != null) {
            list.add(model);
          }
        }
      }
      for (Map.Entry<TypeElement, List<ComponentModel>> entry : byOwner.entrySet()) {
        current = entry.getKey();
        List<ComponentModel> models = entry.getValue();
        if (models.isEmpty()) {
          continue;
        }
        ClassName owner = ClassName.get(entry.getKey());
        write(OpsWriter.write(owner, models));
        write(EntrypointWriter.write(owner, models));
        for (ComponentModel m : models) {
          writeResource(
              m.resourcePath(), ComponentYaml.write(ComponentSpecs.of(m), ComponentSpecs.header(m.source())), m.element());
          pipelines.registerComponent(m);
        }
      }
      TypeElement imports = processingEnv.getElementUtils().getTypeElement(IMPORT);
      if (imports != null) {
        for (Element e : round.getElementsAnnotatedWith(imports)) {
          current = e;
          importComponents((TypeElement) e, byOwner.containsKey(e));
        }
      }
      TypeElement pipeline = processingEnv.getElementUtils().getTypeElement(PIPELINE);
      if (pipeline != null) {
        for (Element e : round.getElementsAnnotatedWith(pipeline)) {
          current = e;
          if (e.getKind() == ElementKind.METHOD) {
            pipelines.collect((ExecutableElement) e);
          }
        }
      }
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      reporter.error(current, Message.INTERNAL_ERROR, trace);
    }
    return false;
  }

  /** Reads the component files {@code @ImportComponents} names and writes their typed ops. */
  private void importComponents(TypeElement owner, boolean hasComponents) throws IOException {
    javax.lang.model.element.AnnotationMirror a = ComponentValidator.annotation(owner, IMPORT);
    ClassName ownerName = ClassName.get(owner);
    if (hasComponents) {
      reporter.error(owner, a, Message.IMPORT_CLASH, owner.getSimpleName(), String.join("_", ownerName.simpleNames()) + "Ops");
      return;
    }
    List<dev.kfp4j.processor.writer.ImportedOpsWriter.Imported> imported = new ArrayList<>();
    for (String resource : ComponentValidator.strings(a, "value")) {
      String text = read(resource);
      if (text == null) {
        reporter.error(owner, a, Message.COMPONENT_FILE_NOT_FOUND, resource);
        continue;
      }
      try {
        dev.kfp4j.spec.ComponentSpec spec = ComponentYaml.parseCompilable(text, resource);
        imported.add(new dev.kfp4j.processor.writer.ImportedOpsWriter.Imported(spec, resource));
        pipelines.registerSpec(resource, spec);
      } catch (dev.kfp4j.spec.SpecException ex) {
        reporter.error(owner, a, Message.BAD_COMPONENT_FILE, ex.getMessage());
      }
    }
    if (!imported.isEmpty()) {
      write(dev.kfp4j.processor.writer.ImportedOpsWriter.write(ownerName, imported));
    }
  }

  private String read(String resource) {
    for (StandardLocation location : new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH}) {
      try {
        FileObject f = processingEnv.getFiler().getResource(location, "", resource);
        try (java.io.InputStream in = f.openInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException | IllegalArgumentException e) {
        // not there; try the next location
      }
    }
    return null;
  }

  private void write(JavaFile file) throws IOException {
    file.writeTo(processingEnv.getFiler());
  }

  private void writeResource(String path, String content, Element origin) throws IOException {
    FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, origin);
    try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      w.write(content);
    }
  }
}
