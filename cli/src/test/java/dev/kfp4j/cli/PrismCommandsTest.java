package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.testing.Prism;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands' requests, for both KFP API versions, against a strict Prism mock of KFP's OpenAPI
 * file: each command succeeds only if every request it sent matched the file. (Prism invents its
 * answers, so only what was sent is checked here; ClusterCommandsTest checks behaviour.)
 */
class PrismCommandsTest {
  @ParameterizedTest
  @ValueSource(strings = {"v1beta1", "v2beta1"})
  void everyCommandSendsRequestsTheApiAccepts(String apiVersion) throws Exception {
    Path work = Files.createDirectories(Path.of("target/prism"));
    try (Prism prism = Prism.start(apiVersion, work)) {
      Path config = work.resolve("kfp4j-" + apiVersion + ".yaml");
      Files.writeString(config, "host: " + prism.uri() + "\nnamespace: team-a\napi_version: " + apiVersion
          + "\nauth: {token: t}\nrun_config: {experiment_name: Calc, description: adds, ttl: 60}\n");
      String[] common = {"--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "add-example"};
      for (String[] command : new String[][] {
          {"upload-pipeline"},
          {"upload-pipeline", "--version-name", "v9"},
          {"run-once", "-a", "value1=2", "--no-wait"},
          {"schedule", "--upload", "--cron-expression", "0 0 4 * * *", "--max-concurrency", "2", "--no-catchup"},
          {"schedule", "--upload", "--every", "1h", "--disabled"}}) {
        String[] args = new String[command.length + common.length];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(common, 0, args, command.length, common.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), String.join(" ", command) + ": " + r + "\n" + violations(prism));
      }
      for (String[] command : new String[][] {{"list-pipelines"}, {"list-runs"}, {"list-runs", "-o", "json"},
          {"experiments", "create", "Nightly", "--description", "every night"}, {"experiments", "list"}, {"experiments", "get", "Calc"},
          {"experiments", "archive", "Calc"}, {"experiments", "unarchive", "Calc"}, {"experiments", "delete", "Calc"},
          {"pipelines", "list"}, {"pipelines", "get", "add-example"}, {"pipelines", "list-versions", "add-example"},
          {"pipelines", "get-version", "add-example", "v-1"}, {"pipelines", "delete-version", "add-example", "v-1"},
          {"pipelines", "delete", "add-example"},
          {"runs", "list", "-e", "Calc"}, {"runs", "get", "r-1", "-o", "json"}, {"runs", "terminate", "r-1"}, {"runs", "retry", "r-1"},
          {"runs", "archive", "r-1"}, {"runs", "unarchive", "r-1"}, {"runs", "delete", "r-1"},
          {"recurring-runs", "list"}, {"recurring-runs", "get", "j-1"}, {"recurring-runs", "enable", "j-1"},
          {"recurring-runs", "disable", "j-1"}, {"recurring-runs", "delete", "j-1"}}) {
        String[] args = new String[command.length + 2];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--config";
        args[command.length + 1] = config.toString();
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), String.join(" ", command) + ": " + r + "\n" + violations(prism));
      }
    }
  }

  private static String violations(Prism prism) throws java.io.IOException {
    return String.join("\n", prism.log().lines().filter(l -> l.contains("Violation: request")).toList());
  }
}
