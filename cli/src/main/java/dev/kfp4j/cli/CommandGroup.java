package dev.kfp4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A group of commands, such as {@code kfp4j runs}: given without one of them, a usage error naming them. */
abstract class CommandGroup implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "choose a command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
