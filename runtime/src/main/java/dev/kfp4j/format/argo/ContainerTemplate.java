package dev.kfp4j.format.argo;

import dev.kfp4j.spec.CommandLine;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Argo container template of a container component, as KFP v1's compiler writes it. The
 * processor's workflows and {@link dev.kfp4j.dsl.ComponentOp}'s one-task workflows both use it, so
 * a component runs with the same command line wherever it is called from.
 */
public final class ContainerTemplate {
  private ContainerTemplate() {}

  /** The Argo parameter or artifact name of input {@code input} of {@code spec} ({@link Names#argoNames}). */
  public static String argoInput(ComponentSpec spec, String input) {
    return argoInputs(spec).getOrDefault(input, input);
  }

  /** The Argo parameter or artifact name of output {@code output} of {@code spec} ({@link Names#argoNames}). */
  public static String argoOutput(ComponentSpec spec, String output) {
    return argoOutputs(spec).getOrDefault(output, output);
  }

  public static Map<String, String> argoInputs(ComponentSpec spec) {
    return Names.argoNames(spec.inputs().stream().map(InputSpec::name).toList());
  }

  /**
   * The Argo names of {@code spec}'s outputs ({@link Names#argoNames}), except KFP v1's UI files:
   * an output the KFP SDK would name {@code mlpipeline-metrics} or {@code mlpipeline-ui-metadata}
   * ({@code mlpipeline_metrics}, {@code mlpipeline_ui_metadata}) passes under that name, the one
   * KFP v1's UI and backend look for, unless another output has it already.
   */
  public static Map<String, String> argoOutputs(ComponentSpec spec) {
    List<String> names = spec.outputs().stream().map(OutputSpec::name).toList();
    Map<String, String> argo = Names.argoNames(names);
    for (String n : names) {
      String k8s = Names.v1UiName(n);
      if (V1_UI_ARTIFACTS.contains(k8s) && !argo.containsValue(k8s)) {
        argo.put(n, k8s);
      }
    }
    return argo;
  }

  /** The artifacts KFP v1's UI reads, by the names its compiler gives them. */
  private static final Set<String> V1_UI_ARTIFACTS =
      Set.of(Names.v1UiName(Names.MLPIPELINE_METRICS), Names.v1UiName(Names.MLPIPELINE_UI_METADATA));

  /**
   * Where a file input is put in the container: {@code /tmp/inputs/<input>/data}, as KFP v1; a
   * name that would put it elsewhere ({@link Names#whyNotAName}) is a SpecException.
   */
  public static String inputPath(String input) {
    return "/tmp/inputs/" + segment("input", input) + "/data";
  }

  /**
   * Where an output is written in the container: {@code /tmp/outputs/<output>/data}, as KFP v1; a
   * name that would put it elsewhere is a SpecException.
   */
  public static String outputPath(String output) {
    return "/tmp/outputs/" + segment("output", output) + "/data";
  }

  private static String segment(String what, String name) {
    String why = Names.whyNotAName(name);
    if (why != null) {
      throw new SpecException(what + " name '" + name + "' cannot name a file: " + why);
    }
    return name;
  }

  /**
   * Puts {@code inputs}, {@code outputs} and {@code container} into {@code template} and returns
   * the container. {@code present} are the inputs the task gives (with a value or a default): each
   * is an input parameter, or an input artifact at {@link #inputPath} for a file input; the others
   * are left out of the command line by the SDK's rules ({@link CommandLine}). Each value output,
   * and each file output in {@code valuesOfFiles} (one a consumer reads as a value, as graph
   * components wire them), is an output parameter read from {@link #outputPath}; the outputs in
   * {@code artifactOutputs} are output artifacts. The command line refers to each input as {@code
   * {{inputs.parameters.<input>}}}. Parameters and artifacts have the inputs' and outputs' Argo
   * names ({@link #argoInput}, {@link #argoOutput}); the paths keep the spec's names.
   */
  public static ObjectNode write(ObjectNode template, ComponentSpec spec, Set<String> present, Set<String> valuesOfFiles,
      Set<String> artifactOutputs) {
    if (spec.container() == null) {
      throw new SpecException(spec.name() + ": only container components run as a container template");
    }
    Map<String, String> argoInputs = argoInputs(spec);
    Map<String, String> argoOutputs = argoOutputs(spec);
    ObjectNode inputs = template.objectNode();
    for (InputSpec in : spec.inputs()) {
      if (present.contains(in.name())) {
        if (spec.inputIsFile(in.name())) {
          inputs.withArray("artifacts").addObject().put("name", argoInputs.get(in.name())).put("path", inputPath(in.name()));
        } else {
          inputs.withArray("parameters").addObject().put("name", argoInputs.get(in.name()));
        }
      }
    }
    if (!inputs.isEmpty()) {
      template.set("inputs", inputs);
    }
    ObjectNode outputs = template.objectNode();
    for (OutputSpec out : spec.outputs()) {
      String name = argoOutputs.get(out.name());
      if (!spec.outputIsFile(out.name()) || valuesOfFiles.contains(out.name())) {
        outputs.withArray("parameters").addObject().put("name", name).putObject("valueFrom").put("path", outputPath(out.name()));
      }
      if (artifactOutputs.contains(out.name())) {
        outputs.withArray("artifacts").addObject().put("name", name).put("path", outputPath(out.name()));
      }
    }
    if (!outputs.isEmpty()) {
      template.set("outputs", outputs);
    }
    ObjectNode container = template.putObject("container");
    container.put("image", spec.container().image());
    // The SDK's resolution rules, with each input given as its Argo input parameter.
    Map<String, String> given = new LinkedHashMap<>();
    present.forEach(input -> given.put(input, "{{inputs.parameters." + argoInputs.get(input) + "}}"));
    CommandLine line = CommandLine.resolve(spec, given, ContainerTemplate::inputPath, ContainerTemplate::outputPath);
    ArrayNode command = container.putArray("command");
    line.command().forEach(command::add);
    if (!line.args().isEmpty()) {
      ArrayNode args = container.putArray("args");
      line.args().forEach(args::add);
    }
    if (!spec.container().env().isEmpty()) {
      ArrayNode env = container.putArray("env");
      spec.container().env().forEach((k, v) -> {
        List<String> one = CommandLine.resolveItems(spec, List.of(v), given, ContainerTemplate::inputPath, ContainerTemplate::outputPath);
        env.addObject().put("name", k).put("value", one.isEmpty() ? "" : one.get(0));
      });
    }
    return container;
  }
}
