package dev.kfp4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * How the command's messages name its options and commands to the one who gave them. On the command line that is the
 * command's own words ({@link #COMMAND_LINE}: {@code --cron-expression '0 0 4 * * *'}, {@code 'kfp4j image --to daemon'},
 * and a usage error's synopsis); the Maven plugin's goals, which run this code, name their goals and properties instead
 * ({@code -Dkfp4j.cron='0 0 4 * * *'}, {@code 'mvn kfp4j:image -Dkfp4j.to=daemon'}, no synopsis). Every message that
 * names an option or a command asks this, so that each says it in the terms it was given in.
 *
 * <p>An option is named as the command line's message shows it: by one of the names the command declares it with ({@code
 * --cron-expression}, {@code -o}), or two ({@code -a/--arg}).
 */
public interface Terms {
  /** The option {@code name} given {@code value}, or alone when {@code value} is null: {@code --every 1h}. */
  String option(String name, String value);

  /** The option {@code name} alone: {@code --force}. */
  default String option(String name) {
    return option(name, null);
  }

  /**
   * A command line running {@code command} ({@code image}, or a command of a group, {@code pipelines list}) with {@code
   * arguments}: each option's name, followed by its value when it takes one, and the command's parameters, such as {@code
   * <host>}. {@code 'kfp4j image --to daemon'} is {@code command("image", "--to", "daemon")}.
   */
  String command(String command, String... arguments);

  /**
   * What follows a command named to someone who may use either, the command or its Maven goal: {@code " (or mvn
   * kfp4j:image)"} on the command line; nothing where the goal itself was named.
   */
  String orGoal(String goal);

  /** Whether a usage error goes on with the command's synopsis and where its help is. */
  boolean usage();

  /** The {@code kfp4j} command's own words. */
  Terms COMMAND_LINE = new Terms() {
    @Override
    public String option(String name, String value) {
      return value == null ? name : name + " " + value;
    }

    @Override
    public String command(String command, String... arguments) {
      List<String> words = new ArrayList<>(List.of("kfp4j", command));
      words.addAll(List.of(arguments));
      return String.join(" ", words);
    }

    @Override
    public String orGoal(String goal) {
      return " (or mvn kfp4j:" + goal + ")";
    }

    @Override
    public boolean usage() {
      return true;
    }
  };
}
