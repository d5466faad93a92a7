package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The component YAML the processor wrote for the examples, checked against the KFP SDK's. */
class ComponentSpecTest {
  static String resource(String name) throws IOException {
    try (InputStream in = ComponentSpecTest.class.getClassLoader().getResourceAsStream("META-INF/kfp4j/components/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "subtract", "multiply", "all-types", "single", "failing"})
  void loadsBackThroughTheSpecModelUnchanged(String name) throws IOException {
    String yaml = resource(name);
    String header = yaml.substring(0, yaml.indexOf('\n') + 1);
    ComponentSpec spec = ComponentYaml.parse(yaml, name);
    assertEquals(yaml, ComponentYaml.write(spec, header.substring(2).strip()));
  }

  @Test
  void allTypesMatchesWhatTheKfpSdkWritesForTheSameSignature() throws IOException {
    ComponentSpec ours = ComponentYaml.parse(resource("all-types"), "all-types");
    ComponentSpec sdk = ComponentYaml.read(Shared.testdata("kfp-sdk-1.8.22/all_types.component.yaml"));
    // The SDK's spec has an untyped input with a default ('untyped') that Java cannot express,
    // and a custom-typed output ('custom'); kfp4j's has an enum input and output ('mode').
    assertEquals(inputs(sdk, "untyped"), inputs(ours, "mode"));
    assertEquals(outputs(sdk, "custom"), outputs(ours, "mode"));
    assertEquals(args(sdk, "untyped", "custom"), args(ours, "mode", "mode"));
    assertEquals(sdk.annotations(), ours.annotations());
  }

  @Test
  void singleAndAddMatchTheSdk() throws IOException {
    ComponentSpec single = ComponentYaml.parse(resource("single"), "single");
    ComponentSpec sdkSingle = ComponentYaml.read(Shared.testdata("kfp-sdk-1.8.22/single.component.yaml"));
    assertEquals(inputs(sdkSingle, ""), inputs(single, ""));
    assertEquals(outputs(sdkSingle, ""), outputs(single, ""));
    assertEquals(args(sdkSingle, "", ""), args(single, "", ""));

    // add(value_1, value_2) in the SDK, add(a, b) here: same types, outputs and argument shape.
    ComponentSpec add = ComponentYaml.parse(resource("add"), "add");
    ComponentSpec sdkAdd = ComponentYaml.read(Shared.testdata("kfp-sdk-1.8.22/add.component.yaml"));
    assertEquals(types(sdkAdd), types(add));
    assertEquals(outputs(sdkAdd, ""), outputs(add, ""));
    assertEquals(args(sdkAdd, "", "").size(), args(add, "", "").size());
  }

  @Test
  void thePythonComponentOfTheMixedExampleTakesItsArgumentsAsTheSdksAddDoes() throws IOException {
    ComponentSpec ours;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/kfp4j/examples/python/add.component.yaml")) {
      ours = ComponentYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "add.component.yaml");
    }
    assertEquals(List.of("--", "inputValue(a)", "--", "inputValue(b)", "----output-paths", "outputPath(Output)"), args(ours, "", ""));
    ComponentSpec sdk = ComponentYaml.read(Shared.testdata("kfp-sdk-1.8.22/add.component.yaml"));
    assertEquals(types(sdk), types(ours));
    assertEquals(outputs(sdk, ""), outputs(ours, ""));
    assertEquals(args(sdk, "", "").stream().map(x -> x.replaceAll("\\(value_1\\)", "(a)").replaceAll("\\(value_2\\)", "(b)")).toList(),
        args(ours, "", ""));
  }

  private static List<String> types(ComponentSpec spec) {
    return spec.inputs().stream().map(i -> String.valueOf(i.type())).collect(Collectors.toList());
  }

  /** Inputs as name/type/default/optional, leaving out one by name. */
  private static List<String> inputs(ComponentSpec spec, String leaveOut) {
    List<String> out = new ArrayList<>();
    for (InputSpec i : spec.inputs()) {
      if (!i.name().equals(leaveOut)) {
        out.add(i.name() + ":" + i.type() + ":" + i.defaultValue() + ":" + i.optional());
      }
    }
    return out;
  }

  private static List<String> outputs(ComponentSpec spec, String leaveOut) {
    List<String> out = new ArrayList<>();
    for (OutputSpec o : spec.outputs()) {
      if (!o.name().equals(leaveOut)) {
        out.add(o.name() + ":" + o.type());
      }
    }
    return out;
  }

  /**
   * The args as placeholders, flags reduced to "--" (the SDK writes --opt-s where kfp4j writes
   * --opt_s), leaving out items that mention {@code leaveInput} or {@code leaveOutput}.
   */
  private static List<String> args(ComponentSpec spec, String leaveInput, String leaveOutput) {
    List<String> out = new ArrayList<>();
    for (Placeholder p : spec.container().args()) {
      String s = describe(p);
      if (!leaveInput.isEmpty() && s.contains("(" + leaveInput + ")")) {
        continue;
      }
      if (!leaveOutput.isEmpty() && s.equals("outputPath(" + leaveOutput + ")")) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private static String describe(Placeholder p) {
    if (p instanceof Placeholder.Literal l) {
      return l.value().equals("----output-paths") ? l.value() : l.value().startsWith("--") ? "--" : l.value();
    }
    if (p instanceof Placeholder.InputValue v) {
      return "inputValue(" + v.input() + ")";
    }
    if (p instanceof Placeholder.InputPath v) {
      return "inputPath(" + v.input() + ")";
    }
    if (p instanceof Placeholder.OutputPath v) {
      return "outputPath(" + v.output() + ")";
    }
    if (p instanceof Placeholder.IsPresent v) {
      return "isPresent(" + v.input() + ")";
    }
    if (p instanceof Placeholder.If i) {
      return "if " + describe(i.cond()) + " then " + i.then().stream().map(ComponentSpecTest::describe).toList();
    }
    return p.toString();
  }
}
