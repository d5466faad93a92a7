package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.testing.Shared;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Command lines resolved by the KFP SDK's rules ({@code _components._resolve_command_line_and_paths}
 * in KFP 1.8), one test per rule, then components of KFP's library.
 */
class CommandLineTest {
  static ComponentSpec spec(String args) {
    return ComponentYaml.parse(String.join("\n",
        "name: T",
        "inputs:",
        "- {name: req, type: String}",
        "- {name: opt, type: String, optional: true}",
        "- {name: dflt, type: Integer, default: '5', optional: true}",
        "- {name: file, optional: true}",
        "- {name: flag, type: Boolean, optional: true}",
        "outputs:",
        "- {name: out}",
        "implementation:",
        "  container:",
        "    image: alpine",
        "    command: [prog]",
        "    args: " + args,
        ""), "t.yaml");
  }

  static List<String> resolve(String args, Map<String, String> arguments) {
    ComponentSpec s = spec(args);
    return CommandLine.resolve(s, CommandLine.withDefaults(s, arguments), in -> "/in/" + in, out -> "/out/" + out).args();
  }

  static final Map<String, String> REQ = Map.of("req", "r");

  @Test
  void literalsAreThemselves() {
    assertEquals(List.of("--x", "1"), resolve("[--x, '1']", REQ));
  }

  @Test
  void inputValueIsTheArgumentAndAMissingOptionalOneIsDropped() {
    assertEquals(List.of("--req", "r", "--opt"), resolve("[--req, {inputValue: req}, --opt, {inputValue: opt}]", REQ));
    assertEquals(List.of("--req", "r", "--opt", "o"), resolve("[--req, {inputValue: req}, --opt, {inputValue: opt}]", Map.of("req", "r", "opt", "o")));
  }

  @Test
  void aMissingRequiredInputIsAnError() {
    SpecException e = assertThrows(SpecException.class, () -> resolve("[{inputValue: req}]", Map.of()));
    assertEquals("T: no value provided for input 'req'", e.getMessage());
  }

  @Test
  void defaultsAreFilledFirstAsTheTaskFactoryDoes() {
    assertEquals(List.of("5"), resolve("[{inputValue: dflt}]", REQ));
    assertEquals(List.of("7"), resolve("[{inputValue: dflt}]", Map.of("req", "r", "dflt", "7")));
  }

  @Test
  void inputPathIsAPathOrDropped() {
    ComponentSpec s = spec("[--file, {inputPath: file}]");
    CommandLine given = CommandLine.resolve(s, Map.of("req", "r", "file", "data"), in -> "/in/" + in, out -> "/out/" + out);
    assertEquals(List.of("--file", "/in/file"), given.args());
    assertEquals(Map.of("file", "/in/file"), given.inputPaths());
    assertEquals(List.of("--file"), resolve("[--file, {inputPath: file}]", REQ));
  }

  @Test
  void outputPathIsThePathOfTheOutput() {
    ComponentSpec s = spec("[--out, {outputPath: out}, {concat: ['=', {outputPath: out}]}]");
    CommandLine line = CommandLine.resolve(s, REQ, in -> "/in/" + in, out -> "/out/" + out);
    assertEquals(List.of("--out", "/out/out", "=/out/out"), line.args());
    assertEquals(Map.of("out", "/out/out"), line.outputPaths());
  }

  @Test
  void concatJoinsWhatItsItemsGive() {
    assertEquals(List.of("--req=r;"), resolve("[{concat: [--req=, {inputValue: req}, {inputValue: opt}, ';']}]", REQ));
  }

  @Test
  void ifTakesThenOrElseByItsCondition() {
    String args = "[{if: {cond: {isPresent: opt}, then: [--opt, {inputValue: opt}], else: [--no-opt]}}]";
    assertEquals(List.of("--no-opt"), resolve(args, REQ));
    assertEquals(List.of("--opt", "o"), resolve(args, Map.of("req", "r", "opt", "o")));
    // no else: nothing; a single item rather than a list
    assertEquals(List.of(), resolve("[{if: {cond: {isPresent: opt}, then: --opt}}]", REQ));
    assertEquals(List.of("--opt"), resolve("[{if: {cond: {isPresent: opt}, then: --opt}}]", Map.of("req", "r", "opt", "o")));
    // a condition from a value, read case-insensitively
    assertEquals(List.of("yes"), resolve("[{if: {cond: {inputValue: flag}, then: [yes], else: [no]}}]", Map.of("req", "r", "flag", "TRUE")));
    assertEquals(List.of("no"), resolve("[{if: {cond: {inputValue: flag}, then: [yes], else: [no]}}]", Map.of("req", "r", "flag", "false")));
  }

  @Test
  void aConditionThatIsNotTrueOrFalseIsAnError() {
    SpecException e = assertThrows(SpecException.class,
        () -> resolve("[{if: {cond: {inputValue: flag}, then: [yes]}}]", Map.of("req", "r", "flag", "maybe")));
    assertEquals("T: the condition of an if placeholder gave 'maybe', not true or false", e.getMessage());
  }

  @Test
  void isPresentIsTrueOrFalse() {
    assertEquals(List.of("False", "True"), resolve("[{isPresent: opt}, {isPresent: req}]", REQ));
  }

  // ------------------------------------------------------------------ KFP's component library

  static ComponentSpec library(String path) {
    return ComponentYaml.read(Shared.testdata("kfp-components").resolve(path));
  }

  @Test
  void libraryComponentWithOptionalInputsAndFileOutputs() {
    ComponentSpec train = library("components/XGBoost/Train/component.yaml");
    Map<String, String> args = new LinkedHashMap<>();
    args.put("training_data", "ignored: a file input");
    args.put("label_column", "0");
    CommandLine line = CommandLine.resolve(train, CommandLine.withDefaults(train, args), in -> "/in/" + in, out -> "/out/" + out);
    // Python-function components: required and defaulted inputs are passed, left-out optional ones are not
    List<String> a = line.args();
    assertEquals(List.of("--training-data", "/in/training_data"), a.subList(0, 2));
    assertEquals(true, a.contains("--label-column") && a.get(a.indexOf("--label-column") + 1).equals("0"));
    assertEquals(true, a.contains("--num-iterations") && a.get(a.indexOf("--num-iterations") + 1).equals("10"), a.toString());
    assertEquals(false, a.contains("--starting-model"), "left-out optional input without default");
    assertEquals(List.of("--model", "/out/model"), a.subList(a.indexOf("--model"), a.indexOf("--model") + 2));
    assertEquals(Map.of("model", "/out/model", "model_config", "/out/model_config"), line.outputPaths());
  }
}
