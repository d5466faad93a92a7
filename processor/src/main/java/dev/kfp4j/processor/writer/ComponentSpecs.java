package dev.kfp4j.processor.writer;

import dev.kfp4j.format.SourceLine;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.OutputModel;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the KFP v1 component spec of a component model: a file or artifact input is an {@code
 * inputPath}, a file or artifact output an {@code outputPath}, typed with its KFP type ({@code
 * Dataset}, {@code Model}...), which KFP 2 (and {@code Kfp2Writer}) read as artifacts of the
 * {@code system.*} schema of that name. An input taking a list of artifacts ({@code List<Model>})
 * is marked so ({@link InputSpec#artifactList}); its {@code inputPath} stays on the command line,
 * which only KFP v1 reads, and where its entrypoint says that only KFP 2 gives a list of artifacts.
 */
public final class ComponentSpecs {
  private ComponentSpecs() {}

  public static ComponentSpec of(ComponentModel c) {
    List<InputSpec> inputs = new ArrayList<>();
    List<Placeholder> args = new ArrayList<>();
    List<Placeholder> outputArgs = new ArrayList<>();
    for (InputModel in : c.inputs()) {
      if (in.isOutput()) {
        outputArgs.add(Placeholder.literal("--" + in.name()));
        outputArgs.add(new Placeholder.OutputPath(in.name()));
        continue;
      }
      inputs.add(in.role() == InputModel.Role.INPUT_ARTIFACTS ? InputSpec.artifactList(in.name(), type(in.kfpType()), in.description(), false)
          : new InputSpec(in.name(), type(in.kfpType()), in.description(), in.defaultText(), in.optional()));
      Placeholder value =
          in.isInputFile()
              ? new Placeholder.InputPath(in.name())
              : new Placeholder.InputValue(in.name());
      List<Placeholder> pair = List.of(Placeholder.literal("--" + in.name()), value);
      if (in.optional()) {
        args.add(Placeholder.If.of(new Placeholder.IsPresent(in.name()), pair));
      } else {
        args.addAll(pair);
      }
    }
    args.addAll(outputArgs);
    List<OutputSpec> outputs = new ArrayList<>();
    List<Placeholder> returned = new ArrayList<>();
    for (OutputModel out : c.outputs()) {
      outputs.add(new OutputSpec(out.name(), type(out.kfpType()), out.description()));
      if (!out.isFile()) {
        returned.add(new Placeholder.OutputPath(out.name()));
      }
    }
    if (!returned.isEmpty()) {
      args.add(Placeholder.literal("----output-paths"));
      args.addAll(returned);
    }
    List<Placeholder> command =
        List.of(
            Placeholder.literal("java"),
            Placeholder.literal("-cp"),
            Placeholder.literal(ContainerSpec.IMAGE_CLASSPATH),
            Placeholder.literal(c.entrypointClass().canonicalName()),
            Placeholder.literal(c.name()));
    return new ComponentSpec(
        c.name(),
        c.description(),
        c.annotations(),
        c.labels(),
        inputs,
        outputs,
        new ContainerSpec(c.image(), command, args, null, null),
        null);
  }

  private static TypeSpec type(String name) {
    return name == null ? null : TypeSpec.named(name);
  }

  /** The header comment of generated YAML. */
  public static String header(String source) {
    return SourceLine.of(source);
  }
}
