package dev.kfp4j.cli;

import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Redactor;
import dev.kfp4j.image.EngineOrRegistryException;
import dev.kfp4j.local.EngineTexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kfp4j} command: run a compiled pipeline on this machine, or upload, run and schedule
 * it on Kubeflow Pipelines (or a plain Argo Server).
 *
 * <p>Exit codes, for scripts: {@value #OK} done; {@value #RUN_FAILED} the pipeline run failed;
 * {@value #USAGE} a bad option, argument or config file (nothing was sent); {@value #SERVER} the
 * server refused, has nothing of the name given (an experiment or a pipeline not there) or could not
 * be reached, and so an image registry or the container engine; {@value
 * #TIMEOUT} the run was still going when the wait ended; {@value #FAILED} anything else (a local
 * file, or a bug). Every error is one line on standard error; {@code -v} adds the stack trace of an
 * unexpected one.
 */
@Command(name = "kfp4j", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Kfp4j.Version.class,
    description = "Runs kfp4j pipelines locally, and on Kubeflow Pipelines or Argo Workflows.",
    footer = {"", "Exit codes:", "  0  done", "  1  the pipeline run failed", "  2  bad usage, argument or config; nothing was sent",
        "  3  the server refused, has nothing of the name given (an experiment or a",
        "     pipeline not there) or could not be reached; and so a registry or the", "     container engine",
        "  4  the run was still going when the wait ended", "  5  anything else: a local file, or a bug (-v shows where)"})
public final class Kfp4j implements Runnable {
  public static final int OK = 0;
  public static final int RUN_FAILED = 1;
  public static final int USAGE = 2;
  public static final int SERVER = 3;
  public static final int TIMEOUT = 4;
  /**
   * Anything else that went wrong here: a local file that cannot be read or written, or a bug. Not
   * {@value #RUN_FAILED}, which scripts take for a failed pipeline run; {@code -v} prints the stack trace.
   */
  public static final int FAILED = 5;

  /**
   * The commands, in the order {@code kfp4j --help} lists them. They are added to the command line
   * by {@link #execute}, not named in the {@code @Command} annotation: picocli builds the model of
   * every command it is given, by reflection, which took a fresh JVM a quarter of a second of the
   * third of a second {@code kfp4j --version} took.
   */
  static final List<Class<?>> COMMANDS = List.of(Commands.RunLocal.class, Commands.Validate.class, UploadCommand.class, ManifestCommand.class,
      RunOnceCommand.class, ScheduleCommand.class, ListCommands.ListPipelines.class, ListCommands.ListRuns.class,
      InitCommand.class, Commands.Ui.class, GraphCommand.class, ExperimentCommands.class, PipelineCommands.class,
      RunCommands.class, RecurringRunCommands.class, ImageCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The credentials of this execution, hidden in every error it prints (the commands add them as they read them). */
  final Redactor redactor = new Redactor();

  /**
   * How this execution's messages name the command's options and commands: a Maven goal's, or null for the command line's
   * ({@link Terms#COMMAND_LINE}, asked for only when a message is said: {@code --version} loads no more than it needs).
   */
  private final Terms terms;

  Kfp4j() {
    this(null);
  }

  private Kfp4j(Terms terms) {
    this.terms = terms;
  }

  /** How this execution's messages name the command's options and commands. */
  Terms terms() {
    return terms != null ? terms : Terms.COMMAND_LINE;
  }

  /** The terms of the execution {@code spec} is a command of (for a mixin, of the command it is mixed in). */
  static Terms terms(CommandLine.Model.CommandSpec spec) {
    Object root = spec == null ? null : spec.root().userObject();
    return root instanceof Kfp4j k ? k.terms() : Terms.COMMAND_LINE;
  }

  /** Whether {@code -v} was given: then an error that is not a usage or server error also prints its stack trace. */
  private boolean verbose;

  @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "Log each request (never its credentials) to standard error, and where an unexpected error happened.")
  void verbose(boolean on) {
    if (on) {
      verbose = true;
      System.setProperty("org.slf4j.simpleLogger.log.dev.kfp4j", "debug");
    }
  }

  /** With {@code -v}, the stack trace of {@code e} on {@code err}, credentials hidden, before the error's one line. */
  private void trace(Exception e, PrintWriter err) {
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(redactor.redact(trace.toString()));
      err.flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(new Kfp4j(), args, out, err);
  }

  /**
   * Runs the command line with the given streams, its messages naming options and commands in {@code terms}, and returns
   * the exit code; the Maven plugin's goals call this with their own terms.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Terms terms) {
    return execute(new Kfp4j(java.util.Objects.requireNonNull(terms, "terms")), args, out, err);
  }

  private static int execute(Kfp4j root, String[] given, PrintWriter out, PrintWriter err) {
    String[] args = helpAsOption(given);
    CommandLine cli = commandLine(root, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter stderr = commandLine.getErr();
      String message = root.redactor.redact(e.getMessage());
      if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
        stderr.println("kfp4j: error: " + message);
        if (root.terms().usage()) {
          stderr.println(commandLine.getHelp().synopsis(0).stripTrailing());
        }
        return USAGE;
      }
      if (e instanceof KfpException k && k.stillGoing()) {
        stderr.println("kfp4j: " + message);
        return TIMEOUT;
      }
      if (e instanceof KfpException) {
        stderr.println("kfp4j: error: " + message);
        return SERVER;
      }
      root.trace(e, stderr);
      if (e instanceof EngineOrRegistryException r) {
        stderr.println("kfp4j: error: " + root.redactor.redact(ImageCommand.whatToDo(r, root.terms())));
        return SERVER;
      }
      java.nio.file.FileSystemException file = fileError(e);
      if (file != null) {
        stderr.println("kfp4j: error: " + root.redactor.redact(whyNot(file)) + (root.verbose ? "" : " (-v prints where it happened)"));
        return FAILED;
      }
      String said = EngineOrRegistryException.oneLine(message);
      stderr.println("kfp4j: error: unexpected " + e.getClass().getSimpleName() + (said.isEmpty() ? "" : ": " + said)
          + (root.verbose ? "" : " (-v prints where it happened)"));
      return FAILED;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      CommandLine c = e.getCommandLine();
      // an argument holding a URL (an engine's --url ssh://user:pw@host/..., a host) that picocli quotes: without its credentials
      c.getErr().println("kfp4j: error: " + EngineTexts.masked(credentialsIn(a).redact(said(e, root.terms())), List.of(a)));
      if (root.terms().usage()) {
        c.getErr().println(c.getHelp().synopsis(0).stripTrailing());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
        c.getErr().println("See '" + c.getCommandSpec().qualifiedName() + " --help'.");
      }
      return USAGE;
    });
    cli.setExecutionStrategy(parsed -> {
      CommandLine.ParameterException noCommand = helpOfNoCommand(cli, given);
      if (noCommand != null) {
        throw noCommand; // a usage error, as picocli's own
      }
      checkClassesGiven(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    return cli.execute(args);
  }

  /**
   * A usage error when {@code help COMMAND...} names, after a command, a word that is none of its commands ({@code help runs
   * bogus}, {@code help run extra}): with {@code --help} beside it, picocli printed the command's help and exited 0, as if it
   * were right. Null for any other command line (an unknown first word stays picocli's unknown command, with suggestions).
   */
  static CommandLine.ParameterException helpOfNoCommand(CommandLine cli, String[] given) {
    String[] args = helpAsOption(given);
    if (args.length == 0 || !args[args.length - 1].equals("--help") || Arrays.asList(given).contains("--help")) {
      return null;
    }
    CommandLine command = cli;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("-v") || args[i].equals("--verbose")) {
        continue;
      }
      CommandLine sub = command.getSubcommands().get(args[i]);
      if (sub == null) {
        Set<String> commands = command.getSubcommands().keySet();
        String name = command.getCommandSpec().qualifiedName();
        return new CommandLine.ParameterException(command, "'" + args[i] + "' is no command of '" + name + "'" + (commands.isEmpty()
            ? ", which has none: 'kfp4j help " + name.substring(name.indexOf(' ') + 1) + "' shows its help"
            : "; its commands are " + String.join(", ", commands)));
      }
      command = sub;
    }
    return null;
  }

  /**
   * {@code args} with a leading {@code help [COMMAND...]} (after {@code -v}) said as {@code [COMMAND...] --help}, as
   * {@code git help}, {@code kubectl help} and {@code argo help} take it: {@code kfp4j help} was an unknown command whose
   * suggestions ("Did you mean: kfp4j schedule or kfp4j pipelines ...?") named none that helps. A word after {@code help}
   * that is no command stays an unknown command, with picocli's suggestions (with {@code --help} beside it, picocli would
   * print the root's help and exit 0).
   */
  static String[] helpAsOption(String[] args) {
    int i = 0;
    while (i < args.length && (args[i].equals("-v") || args[i].equals("--verbose"))) {
      i++;
    }
    if (i == args.length || !args[i].equals("help")) {
      return args;
    }
    int rest = i + 1 < args.length && args[i + 1].equals("help") ? i + 2 : i + 1; // 'help help': the help, as 'git help help'
    List<String> out = new ArrayList<>(Arrays.asList(args).subList(0, i));
    out.addAll(Arrays.asList(args).subList(rest, args.length));
    String command = rest < args.length ? args[rest] : null;
    if (command == null || COMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(command))) {
      out.add("--help");
    }
    return out.toArray(String[]::new);
  }

  /**
   * Refuses a {@code --classes} folder named on the command line ({@code parsed}, or a command of it) that is not there, or is a
   * file: a command went on without the project's classes, 'ui --local' serving a form with no pipeline to start, 'run -p FILE'
   * running without the project's components. Left out, the option's default ({@code target/classes}) may be missing: a project
   * not compiled yet, or a UI serving the runs alone.
   */
  static void checkClassesGiven(picocli.CommandLine.ParseResult parsed) {
    for (picocli.CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
      picocli.CommandLine.Model.OptionSpec o = r.matchedOption("--classes");
      Path classes = o == null ? null : o.getValue();
      if (classes != null && !Files.isDirectory(classes)) {
        throw new picocli.CommandLine.ParameterException(r.commandSpec().commandLine(), terms(r.commandSpec()).option("--classes")
            + " names " + classes + ", which is "
            + (Files.exists(classes) ? "a file, not a folder" : "not there") + "; name the folder 'mvn compile' writes the classes "
            + "to (target/classes), after 'mvn compile'");
      }
    }
  }

  /**
   * picocli's message for a bad command line, with its own slip mended: a map option's value
   * without {@code =} is "Value for option option '--map-image' (NAME=IMAGE) should be in KEY=VALUE format
   * but was calc", which says it as {@code Value for option '--map-image' (NAME=IMAGE) should be NAME=IMAGE
   * but was 'calc'} ({@code -a/--arg} says its own, without the value: {@link Options.Arguments}). The option picocli names in
   * quotes, the one the error is of, is named in {@code terms}.
   */
  static String said(CommandLine.ParameterException e, Terms terms) {
    String m = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      return valuesHidden(m, u.getUnmatched());
    }
    String number = notANumber(e, terms);
    if (number != null) {
      return number;
    }
    java.util.regex.Matcher kv = java.util.regex.Pattern
        .compile("Value for option option '([^']*)' \\(([^)]*)\\) should be in KEY=VALUE format but was (.*)", java.util.regex.Pattern.DOTALL)
        .matcher(m == null ? "" : m);
    String said = kv.matches() ? "Value for option '" + kv.group(1) + "' (" + kv.group(2) + ") should be " + kv.group(2) + " but was '"
        + kv.group(3) + "'" : m;
    if (said != null && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
      said = said.replace("'" + o.longestName() + "'", "'" + terms.option(o.longestName()) + "'");
    }
    return said;
  }

  /**
   * For a number option given what is no number of its type, what to write instead, as kfp4j says an out-of-range one
   * ({@code --timeout is 'ten'; give a whole number}) where picocli says the Java type it wanted ({@code 'ten' is not a long});
   * else null.
   */
  private static String notANumber(CommandLine.ParameterException e, Terms terms) {
    if (!(e.getArgSpec() instanceof CommandLine.Model.OptionSpec o) || e.getValue() == null || e.getMessage() == null
        || !e.getMessage().matches("(?s)Invalid value for option '[^']*': '.*' is not an? (int|long)")) {
      return null;
    }
    Class<?> type = o.type();
    long max = type == int.class || type == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    String given = e.getValue();
    return terms.option(o.longestName()) + " is '" + given + "'; give a whole number" + (given.strip().matches("[+-]?\\d+")
        ? " up to " + max : "");
  }

  /**
   * picocli's message {@code m} for the arguments no option took ({@code unmatched}), with what was
   * given to an unknown option hidden: a credential option written wrong ({@code --heder
   * 'X-Key=...'}, {@code --tokn-file=...}) is refused without printing its value, which kfp4j cannot
   * tell from a credential. The option's name stays (picocli suggests the one meant), and so does an
   * argument that follows no unknown option.
   */
  static String valuesHidden(String m, List<String> unmatched) {
    String out = m;
    for (int i = 0; i < unmatched.size(); i++) {
      String a = unmatched.get(i);
      int eq = a.indexOf('=');
      String previous = i > 0 ? unmatched.get(i - 1) : "";
      if (a.startsWith("-") && eq > 0) {
        out = out.replace("'" + a + "'", "'" + a.substring(0, eq + 1) + "***'");
      } else if (!a.startsWith("-") && previous.startsWith("-") && previous.indexOf('=') < 0) {
        out = out.replace("'" + a + "'", "'***'");
      }
    }
    return out;
  }

  /**
   * The credentials given to {@code --header} and {@code --cookies} in {@code args}, to hide in a
   * usage error: picocli words one with the value it was given, as {@code --header 'Authorization:
   * Bearer …'} (a header written as curl takes it) is refused with {@code … should be in KEY=VALUE
   * format but was Authorization: Bearer …}. The whole value is hidden, and a header's value after
   * {@code =} or {@code :} as a sent header's is.
   */
  static Redactor credentialsIn(String[] args) {
    Redactor given = new Redactor();
    for (int i = 0; i < args.length; i++) {
      for (String option : List.of("--header", "--cookies")) {
        String value = args[i].equals(option) && i + 1 < args.length ? args[i + 1]
            : args[i].startsWith(option + "=") ? args[i].substring(option.length() + 1) : null;
        if (value == null) {
          continue;
        }
        given.add(value);
        if (option.equals("--cookies")) {
          given.addHeader("Cookie", value);
        } else {
          int split = value.replace(':', '=').indexOf('=');
          if (split >= 0) {
            given.addHeader(value.substring(0, split).strip(), value.substring(split + 1).strip());
          }
        }
      }
    }
    return given;
  }

  /** The local file error {@code e} is, or wraps as an {@code UncheckedIOException}; null if it is none. */
  private static java.nio.file.FileSystemException fileError(Exception e) {
    Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    return t instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f : null;
  }

  /**
   * A local file that could not be read or written, in a few words ({@link dev.kfp4j.entrypoint.FileErrors}): {@code
   * cannot read or write /a/b: /a is a file, not a folder}.
   */
  static String whyNot(java.nio.file.FileSystemException e) {
    String inTheWay = dev.kfp4j.entrypoint.FileErrors.fileInTheWay(e);
    return "cannot read or write " + e.getFile() + (e.getOtherFile() != null ? " (" + e.getOtherFile() + ")" : "") + ": "
        + (inTheWay != null ? inTheWay : dev.kfp4j.entrypoint.FileErrors.reason(e));
  }

  /**
   * Whether {@code args} is a command line this command takes, read as {@link #execute} reads it
   * but run only as far as picocli's parser: null if so, else the error {@code execute} would
   * report (exit code 2). The Maven plugin's tests check each goal's command line with it.
   */
  public static String parseError(String... args) {
    try {
      checkClassesGiven(commandLine(new Kfp4j(), args).parseArgs(args));
      return null;
    } catch (CommandLine.ParameterException e) {
      return e.getMessage();
    }
  }

  /**
   * picocli's model of the command {@code command} ({@code run}, or {@code pipelines list}): its options by their names, for
   * the Maven plugin's goals to name them ({@link Terms}).
   */
  public static CommandLine.Model.CommandSpec spec(String command) {
    String[] words = command.split(" ");
    CommandLine c = commandLine(new Kfp4j(), words);
    for (String w : words) {
      c = c.getSubcommands().get(w);
    }
    return c.getCommandSpec();
  }

  private static CommandLine commandLine(Kfp4j root, String[] args) {
    CommandLine cli = new CommandLine(root);
    for (Object command : needed(args)) {
      cli.addSubcommand(command);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /**
   * The commands picocli needs to run {@code args}: none for the version alone, the one they start
   * with (after {@code -v}); for help, a usage error or no command, each command's name and
   * description alone ({@link #listed}), unless a command is named further on: then all of them.
   */
  private static List<Object> needed(String[] args) {
    int i = 0;
    while (i < args.length && (args[i].equals("-v") || args[i].equals("--verbose"))) {
      i++;
    }
    if (i == args.length - 1 && (args[i].equals("-V") || args[i].equals("--version"))) {
      return List.of();
    }
    String first = i < args.length ? args[i] : null;
    for (Class<?> command : COMMANDS) {
      if (command.getAnnotation(Command.class).name().equals(first)) {
        return List.of(command);
      }
    }
    List<String> words = Arrays.asList(args);
    List<Object> listed = new ArrayList<>();
    for (Class<?> command : COMMANDS) {
      Command c = command.getAnnotation(Command.class);
      if (words.contains(c.name())) {
        return List.copyOf(COMMANDS);
      }
      listed.add(listed(c));
    }
    return listed;
  }

  /**
   * A command's name, aliases and description, without its options: all that the root's help and a
   * misspelled command's suggestions use. Building the whole model of all fifteen took a quarter of
   * a second in a fresh JVM.
   */
  private static CommandLine.Model.CommandSpec listed(Command c) {
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description()).header(c.header()).hidden(c.hidden());
    return spec;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Kfp4j.class.getPackage().getImplementationVersion();
      return new String[] {"kfp4j " + (v == null ? "(development build)" : v)};
    }
  }
}
