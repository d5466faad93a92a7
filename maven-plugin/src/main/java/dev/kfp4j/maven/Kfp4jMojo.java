package dev.kfp4j.maven;

import dev.kfp4j.cli.Config;
import dev.kfp4j.cli.Kfp4j;
import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals share the {@code kfp4j} command's code: each goal turns its parameters into that
 * command's options, so a goal and the command do exactly the same. Parameters can be set in the
 * pom or as {@code -Dkfp4j.<name>=...}; the project's {@code kfp4j.yaml} is read as the command reads it.
 */
abstract class Kfp4jMojo extends AbstractMojo {
  /**
   * The config file: the project's {@code kfp4j.yaml}, read when it exists; another one given, read as {@code --config} is,
   * which the command refuses when it is not there.
   */
  @Parameter(property = "kfp4j.config", defaultValue = "${project.basedir}/kfp4j.yaml")
  File config;

  /** The project's folder, whose {@code kfp4j.yaml} is the config file a goal reads when it is there. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skips the goal. */
  @Parameter(property = "kfp4j.skip", defaultValue = "false")
  boolean skip;

  /** The project's packaging: {@code pom} for a parent of modules, which compiles no classes. */
  @Parameter(defaultValue = "${project.packaging}", readonly = true)
  String packaging;

  /** The build, whose modules a goal naming a pipeline runs in ({@link ReactorPipelines}). */
  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  /** The container engine of goals that run or build images: docker, podman or a path (default: KFP4J_ENGINE, else either). */
  @Parameter(property = "kfp4j.engine")
  String engine;

  /** The engine's global arguments, such as {@code --runtime runc} (default: KFP4J_ENGINE_ARGS). */
  @Parameter(property = "kfp4j.engineArgs")
  List<String> engineArgs;

  private final String command;
  private final boolean usesConfig;

  /** A goal running the {@code kfp4j} command {@code command}, with the config file or not. */
  Kfp4jMojo(String command, boolean usesConfig) {
    this.command = command;
    this.usesConfig = usesConfig;
  }

  /** The class output the goal reads its pipelines from ({@code kfp4j.classes}); null for a goal that reads none. */
  File classOutput() {
    return null;
  }

  /** The pipeline the goal is given ({@code kfp4j.pipeline}: a name or a file); null for none, or a goal that takes none. */
  String pipelineName() {
    return null;
  }

  /**
   * Why the goal does not run in this module of a build of several (said, then the goal ends); null when it runs here. A
   * parent of packaging pom compiles no pipelines; a goal given a pipeline's name runs in the modules that compiled it ({@link
   * ReactorPipelines}).
   *
   * @throws MojoFailureException when the build's modules together cannot run the goal
   */
  String elsewhere(String goal) throws MojoFailureException {
    if ("pom".equals(packaging) && classOutput() != null) { // a multi-module project's parent: the goal runs in each module
      return "kfp4j: skipped: a project of packaging pom compiles no pipelines (" + goal + " runs in each module that does)";
    }
    return session == null || pipelineName() == null ? null : ReactorPipelines.skip(session, goal, pipelineName(), classOutput());
  }

  /**
   * Whether {@code file} is the project's {@code kfp4j.yaml}, the config file a goal reads when it is there and goes without
   * when not; another one, given with {@code -Dkfp4j.config} or {@code <config>}, is read or refused as {@code --config} is.
   */
  private boolean theProjects(File file) {
    return basedir != null && file.getAbsoluteFile().equals(new File(basedir, Config.FILE).getAbsoluteFile());
  }

  /** The goal's {@code kfp4j} command line, without the command name. */
  abstract List<String> arguments();

  /** The {@code kfp4j} command this goal runs. */
  final String command() {
    return command;
  }

  /** How the {@code run} command names the run's folder, on standard error beside its outputs. */
  static final String RUN_FOLDER = "run folder: ";

  /**
   * The lines a command writes to standard error that are news, not errors: the run's folder and
   * its page in the local UI ({@code run}); Jib's progress as the image is built, and where it is
   * recorded ({@code image}).
   */
  static final List<String> NEWS = List.of(RUN_FOLDER, "run page: ", "jib: ", "recorded in ");

  /** How the {@code image} command starts each line of the image's builder. */
  private static final String JIB = "jib: ";

  /** How the command starts its error line, which it says as it ends. */
  private static final String ERROR = "kfp4j: error: ";

  /**
   * An image built without a class-data archive (no container engine, or one that cannot run the image): it works, its steps
   * start slower.
   */
  static final String NO_ARCHIVE = "no class-data archive: ";

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kfp4j: skipped");
      return;
    }
    String goal = "kfp4j:" + GoalTerms.goal(command());
    String elsewhere = elsewhere(goal);
    if (elsewhere != null) {
      getLog().info(elsewhere);
      return;
    }
    List<String> args = new ArrayList<>();
    args.addAll(List.of(command().split(" "))); // a command of a group, such as 'runs get', is two words
    args.addAll(arguments());
    if (usesConfig && config != null && (config.isFile() || !theProjects(config))) {
      args.add("--config");
      args.add(config.getPath()); // one given that is not there, the command refuses, naming it
    }
    List<String> said = new ArrayList<>(); // the command's own lines, 'kfp4j: ...': the first is the build's failure, if it fails
    List<String> errors = new ArrayList<>(); // the other lines on standard error, logged as they come
    int code;
    try (PrintWriter out = new PrintWriter(new Lines(getLog()::info), true);
         PrintWriter err = new PrintWriter(new Lines(line -> {
           String jibs = line.startsWith(JIB) ? line.substring(JIB.length()) : line;
           if (jibs.startsWith(NO_ARCHIVE)) {
             getLog().warn(jibs); // said by the command (no engine) or by the image's builder (an engine that cannot run it)
           } else if (NEWS.stream().anyMatch(line::startsWith)) {
             getLog().info(line); // where the run or the image went: news, not an error
           } else if (line.startsWith("kfp4j: ")) {
             said.add(line);
             if (!line.startsWith(ERROR)) {
               getLog().error(line); // news of the command as it goes ('kfp4j: the run failed: ...')
             }
           } else {
             errors.add(line); // a task's, or an engine's
             getLog().error(line);
           }
         }), true)) {
      // the command's messages name this goal's properties and goals ({@link GoalTerms}), and say no usage of the command
      code = Kfp4j.execute(args.toArray(String[]::new), out, err, new GoalTerms(command()));
    }
    // the command's error lines, said as it ends, but the one the build's failure says
    said.stream().skip(code == Kfp4j.OK ? 0 : 1).filter(l -> l.startsWith(ERROR)).forEach(getLog()::error);
    if (code == Kfp4j.OK) {
      return;
    }
    String first = !said.isEmpty() ? said.get(0).replaceFirst("^kfp4j: (error: )?", "") : errors.isEmpty() ? null : errors.get(0);
    String message = goal + " failed" + (first == null ? " (exit code " + code + ")" : ": " + first);
    if (code == Kfp4j.USAGE) {
      throw new MojoExecutionException(message); // a configuration mistake
    }
    throw new MojoFailureException(message);
  }

  static void option(List<String> args, String name, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      args.add(name);
      args.add(value.toString());
    }
  }

  /**
   * {@code --classes}, which the command refuses when it is not there: left out for a pipeline given as a file in a project
   * not compiled (the file is the pipeline), given otherwise, so that the command says to compile first.
   */
  static void classes(List<String> args, File classes, String pipeline) {
    boolean aFile = pipeline != null && new File(pipeline).isFile();
    if (classes != null && (classes.isDirectory() || !aFile)) {
      option(args, "--classes", classes);
    }
  }

  /** {@code --engine} and each {@code --engine-arg}, when set. */
  void engine(List<String> args) {
    option(args, "--engine", engine);
    if (engineArgs != null) {
      engineArgs.forEach(a -> args.add("--engine-arg=" + a));
    }
  }

  static void flag(List<String> args, String name, boolean on) {
    if (on) {
      args.add(name);
    }
  }

  static void arguments(List<String> args, Map<String, String> values) {
    if (values != null) {
      values.forEach((k, v) -> option(args, "--arg", k + "=" + v));
    }
  }

  /**
   * {@code values}, then each {@code NAME=VALUE} of {@code commandLine} ({@code -Dkfp4j.arg}), which
   * the command takes over them: split at each comma followed by a name and {@code =}, so a JSON
   * value keeps its commas ({@code numbers=[1,2],rows=5} is two).
   */
  static void arguments(List<String> args, Map<String, String> values, String commandLine) {
    List<String> given = new ArrayList<>();
    if (commandLine != null && !commandLine.isBlank()) {
      for (String a : commandLine.split(",(?=\\s*[A-Za-z_][A-Za-z0-9_]*=)")) {
        given.add(a.strip());
      }
    }
    Map<String, String> pom = new java.util.LinkedHashMap<>(values == null ? Map.of() : values);
    for (String a : given) { // the command line's value goes over the pom's; one given twice there, the command refuses
      pom.keySet().remove(a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a);
    }
    arguments(args, pom);
    given.forEach(a -> option(args, "--arg", a));
  }

  /** Writes each complete line to a logger. */
  private static final class Lines extends Writer {
    private final Consumer<String> sink;
    private final StringBuilder line = new StringBuilder();

    Lines(Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '\n') {
          sink.accept(line.toString());
          line.setLength(0);
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      if (line.length() > 0) {
        sink.accept(line.toString());
        line.setLength(0);
      }
    }
  }
}
