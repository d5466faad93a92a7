package dev.kfp4j.processor.pipeline;

import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.validation.ComponentValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/** Collects {@code @Pipeline} methods; compiled into workflows after analysis. */
public final class PipelineStep {
  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final ComponentValidator validator;
  private final Map<String, ComponentModel> components = new LinkedHashMap<>();

  public PipelineStep(ProcessingEnvironment env, Reporter reporter, ComponentValidator validator) {
    this.env = env;
    this.reporter = reporter;
    this.validator = validator;
  }

  public void registerComponent(ComponentModel model) {
    components.put(model.name(), model);
  }

  public void collect(ExecutableElement method) {
    // compiled in the pipeline step (next change)
  }
}
