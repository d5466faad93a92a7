package dev.kfp4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commands that send a workflow file to a cluster: upload-pipeline, run-once, schedule --upload and run-once --argo. */
final class SendingCommands {
  private static final List<List<String>> COMMANDS = List.of(List.of("upload-pipeline"), List.of("run-once"),
      List.of("schedule", "--upload", "--every", "1h"), List.of("run-once", "--argo", "--argo-server", "http://127.0.0.1:9"));

  private SendingCommands() {}

  /** Each of them run with config file {@code config} on workflow file {@code file}, in that order. */
  static List<Cli> run(Path config, Path file) {
    List<Cli> out = new ArrayList<>();
    for (List<String> command : COMMANDS) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--config", config.toString(), "-p", file.toString()));
      out.add(Cli.run(args.toArray(String[]::new)));
    }
    return out;
  }
}
