package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands that need no server: usage errors, init, validate, and run on this machine. */
class CommandsTest {
  static final String CLASSES = "../examples/target/classes";

  @TempDir
  Path dir;

  /**
   * The disk filled before the run's end: 'kfp4j run' said "unexpected UncheckedIOException: cannot write .../run.json" without
   * the system's reason. Now the file and the reason, exit 5 as every local file error.
   */
  @Test
  void aRunWhoseRecordCannotBeWrittenSaysWhyAsAFileError() throws Exception {
    // the task makes run.json a folder that is not empty: every later writing of run.json fails, as on a full disk
    Path file = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: fills, template: fills}\n  - name: fills\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'until mkdir ../run.json 2>/dev/null; do rm -f ../run.json; done; touch ../run.json/x']\n");
    Cli r = Cli.run("run", "--classes", CLASSES, "-p", file.toString(), "--root", dir.resolve("runs").toString(), "--no-cache");
    assertEquals(5, r.code(), r.toString());
    Path runDir;
    try (var runs = Files.list(dir.resolve("runs/full"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertEquals("kfp4j: error: cannot read or write " + runDir.resolve("run.json") + ": Is a directory (-v prints where it "
        + "happened)\n", r.err(), r.toString());
  }

  /**
   * An argument without its {@code NAME=} is exit code 2 saying the form to write: picocli said "... should be in KEY=VALUE format
   * but was rows", and then kfp4j "should be NAME=VALUE but was 'rows'", printing what was given, where {@code -a hunter2} is a
   * password typed without its name. Nothing is printed of it, in each form of the option, and nothing runs.
   */
  @Test
  void anArgumentWithoutItsNameIsExitCode2SayingTheFormWithoutTheValue() {
    for (String[] given : List.of(new String[] {"-a", "hunter2"}, new String[] {"--arg=hunter2"}, new String[] {"-ahunter2"},
        new String[] {"-a", "=hunter2"})) {
      List<String> line = new ArrayList<>(List.of("run", "--classes", CLASSES, "-p", "add-example", "--root", dir.toString()));
      line.addAll(List.of(given));
      Cli r = Cli.run(line.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      String no = given[given.length - 1].startsWith("=") ? "no name before '='" : "no '='";
      assertTrue(r.err().startsWith("kfp4j: error: a pipeline argument (-a/--arg) has " + no + "; write -a NAME=VALUE, a parameter's "
          + "name and its value (what was given is not shown: it may hold a credential)\nkfp4j run "), r.toString());
      assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"), "no value printed: " + r);
      assertFalse(Files.exists(dir.resolve("add-example")), "nothing ran");
    }
  }

  /**
   * An argument given twice ({@code -a x=1 -a x=2}) was run with the last value, the first dropped without a word: a usage error
   * naming the parameter, never its values (which may be credentials), in each form of the option.
   */
  @Test
  void anArgumentGivenTwiceIsExitCode2NamingItWithoutItsValues() {
    for (String[] twice : List.of(new String[] {"-a", "value1=31415", "-a", "value1=27182"},
        new String[] {"--arg=value1=31415", "--arg", "value1=31415"}, new String[] {"-avalue1=31415", "-a", "value1=27182"})) {
      List<String> line = new ArrayList<>(List.of("run", "--classes", CLASSES, "-p", "add-example", "--root", dir.toString()));
      line.addAll(List.of(twice));
      Cli r = Cli.run(line.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: pipeline argument 'value1' is given twice (-a/--arg); give each parameter once\n"
          + "kfp4j run "), r.toString());
      assertFalse(r.err().contains("31415") || r.err().contains("27182"), "no value printed: " + r);
      assertFalse(Files.exists(dir.resolve("add-example")), "nothing ran");
    }
    assertEquals("pipeline argument 'value2' is given twice (-a/--arg); give each parameter once",
        Kfp4j.parseError("run-once", "-a", "value1=1", "-a", "value2=2", "-a", "value2=2"), "run-once, schedule: the same option");
  }

  /**
   * A parameter given no value was said "pass name=value", which 'kfp4j run' refuses ("Unmatched argument"): run, run-once and
   * schedule say their option, -a name=value, before anything runs or is sent; so given, the run goes.
   */
  @Test
  void aParameterWithoutAValueIsExitCode2SayingTheOptionThatGivesIt() {
    for (List<String> line : List.of(List.of("run", "--root", dir.resolve("runs").toString()),
        List.of("run-once", "--host", "http://127.0.0.1:9"), List.of("schedule", "--upload", "--every", "1h", "--host", "http://127.0.0.1:9"))) {
      List<String> args = new ArrayList<>(line);
      args.addAll(List.of("--classes", CLASSES, "-p", "greet", "-a", "greeting=hi"));
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: pipeline 'greet' needs a value for [name] (they have no default); pass -a name=value\n"
          + "kfp4j " + line.get(0) + " ["), r.toString());
    }
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    Cli given = Cli.run("run", "--root", dir.resolve("runs").toString(), "--classes", CLASSES, "-p", "greet", "-a", "greeting=hi",
        "-a", "name=bob");
    assertEquals(0, given.code(), given.toString());
    assertTrue(given.out().contains("print-op1 = hi\n"), given.toString());
  }

  /**
   * A --classes folder named on the command line that is not there is a usage error in every command taking one: 'run -p FILE'
   * ran the pipeline without the project's classes, 'graph -p FILE' and 'upload-pipeline -p FILE' went on without a word. So is
   * an entry of the image's --classpath that is not there (it said no jar of --classpath had kfp4j-entrypoint).
   */
  @Test
  void aPathOptionNamingNothingIsExitCode2NamingIt() {
    String file = CLASSES + "/META-INF/kfp4j/pipelines/add-example.yaml";
    String missing = dir.resolve("no-such-classes").toString();
    for (List<String> line : List.of(List.of("run", "-p", file, "--root", dir.resolve("runs").toString()), List.of("graph", "-p", file),
        List.of("upload-pipeline", "-p", file, "--host", "http://127.0.0.1:9"), List.of("validate"),
        List.of("image", "--to", "tar", "--tar", dir.resolve("i.tar").toString()))) {
      List<String> args = new ArrayList<>(line);
      args.addAll(List.of("--classes", missing));
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: --classes names " + missing + ", which is not there; name the folder 'mvn compile' "
          + "writes the classes to (target/classes), after 'mvn compile'\nkfp4j " + line.get(0) + " ["), r.toString());
      assertEquals("", r.out(), r.toString());
    }
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    Cli file2 = Cli.run("run", "-p", file, "--root", dir.resolve("runs").toString(), "--classes", file);
    assertEquals(2, file2.code(), file2.toString());
    assertTrue(file2.err().startsWith("kfp4j: error: --classes names " + file + ", which is a file, not a folder;"), file2.toString());
    Cli image = Cli.run("image", "--classes", CLASSES, "--classpath", missing + ".jar", "--to", "tar", "--tar", dir.resolve("i.tar").toString());
    assertEquals(2, image.code(), image.toString());
    assertTrue(image.err().startsWith("kfp4j: error: --classpath names " + missing + ".jar, which is not there; "), image.toString());
    assertFalse(Files.exists(dir.resolve("i.tar")));
  }

  /**
   * A --config named that is not there is a usage error in every command taking one, as the README says: 'validate' (which
   * reads it for --image only) printed its files' checks and exited 0, and 'ui --local' served, without a word.
   */
  @Test
  void aConfigFileNamedThatIsNotThereIsExitCode2InEveryCommand() {
    String missing = dir.resolve("no-such-kfp4j.yaml").toString();
    // ui --local with an address it refuses too: it fails, and does not serve, whichever it says
    for (List<String> line : List.of(List.of("validate", "--classes", CLASSES),
        List.of("ui", "--local", "--root", dir.resolve("runs").toString(), "--port", "0"),
        List.of("run", "-p", "add-example", "--classes", CLASSES, "--root", dir.resolve("runs").toString()),
        List.of("manifest", "-p", "add-example", "--classes", CLASSES))) {
      List<String> args = new ArrayList<>(line);
      args.addAll(List.of("--config", missing));
      if (line.get(0).equals("ui")) {
        args.addAll(List.of("--bind", "0.0.0.0"));
      }
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: no config file " + missing + "; 'kfp4j init <host>' writes one\nkfp4j "
          + line.get(0) + " ["), r.toString());
      assertEquals("", r.out(), r.toString());
    }
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void aBadOptionIsExitCode2WithTheUsageLine() {
    Cli r = Cli.run("run-once", "--bogus");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r.toString());
    assertTrue(r.err().contains("kfp4j run-once [-hkvV]"), "the usage line: " + r);
    assertEquals(2, Cli.run("no-such-command").code());
  }

  @Test
  void helpAsACommandIsTheHelpOption() {
    // as git, kubectl and argo take it; it was an unknown command, "Did you mean: kfp4j schedule or kfp4j pipelines ...?"
    Cli help = Cli.run("help");
    assertEquals(0, help.code(), help.toString());
    assertEquals(Cli.run("--help").out(), help.out());
    Cli run = Cli.run("help", "run");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("Usage: kfp4j run [-hvV]"), run.toString());
    assertEquals(Cli.run("run", "--help").out(), run.out());
    Cli get = Cli.run("-v", "help", "runs", "get");
    assertEquals(0, get.code(), get.toString());
    assertEquals(Cli.run("runs", "get", "--help").out(), get.out());
    Cli unknown = Cli.run("help", "valdate");
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("Did you mean: kfp4j validate"), unknown.toString());
    Cli helpHelp = Cli.run("help", "help"); // as 'git help help': was "Unmatched argument 'help'. Did you mean: kfp4j schedule ...?"
    assertEquals(0, helpHelp.code(), helpHelp.toString());
    assertEquals(Cli.run("--help").out(), helpHelp.out());
    Cli argument = Cli.run("validate", "help");
    assertEquals(2, argument.code(), "a later 'help' is an argument as any other: " + argument);
  }

  /**
   * {@code kfp4j help runs bogus} and {@code kfp4j help run extra} printed the help of {@code runs} and {@code run} and exited
   * 0, the word that is no command dropped; now each is a usage error (exit 2) naming the word and the commands there are.
   */
  @Test
  void helpOfAWordThatIsNoCommandIsAUsageError() {
    Cli group = Cli.run("help", "runs", "bogus");
    assertEquals(2, group.code(), group.toString());
    assertEquals("", group.out(), "no help printed");
    assertTrue(group.err().startsWith("kfp4j: error: 'bogus' is no command of 'kfp4j runs'; its commands are list, get, terminate, "
        + "retry, archive, unarchive, delete\nkfp4j runs [-hvV] [COMMAND]\n"), group.toString());
    Cli leaf = Cli.run("-v", "help", "run", "extra");
    assertEquals(2, leaf.code(), leaf.toString());
    assertTrue(leaf.err().startsWith("kfp4j: error: 'extra' is no command of 'kfp4j run', which has none: 'kfp4j help run' shows"
        + " its help\nkfp4j run [-hvV]"), leaf.toString());
    Cli deeper = Cli.run("help", "runs", "get", "abc");
    assertEquals(2, deeper.code(), deeper.toString());
    assertTrue(deeper.err().contains("'abc' is no command of 'kfp4j runs get'"), deeper.toString());
  }

  @Test
  void helpListsEveryCommandAndAMisspelledOneGetsSuggestions() {
    Cli help = Cli.run("--help");
    assertEquals(0, help.code(), help.toString());
    for (String command : new String[] {"run", "validate", "upload-pipeline", "manifest", "run-once", "schedule", "list-pipelines", "list-runs",
        "init", "ui", "graph", "experiments", "pipelines", "runs", "recurring-runs", "image"}) {
      assertTrue(help.out().contains("\n  " + command + " "), command + " listed: " + help);
    }
    CommandLine all = new CommandLine(new Kfp4j());
    Kfp4j.COMMANDS.forEach(all::addSubcommand);
    assertEquals(all.getUsageMessage(), help.out(), "the help picocli gives with every command's whole model");
    Cli misspelled = Cli.run("valdate", "x.yaml");
    assertEquals(2, misspelled.code(), misspelled.toString());
    assertTrue(misspelled.err().contains("Did you mean: kfp4j validate"), misspelled.toString());
    Cli verbose = Cli.run("-v", "validate", "--bogus");
    assertEquals(2, verbose.code(), verbose.toString());
    assertTrue(verbose.err().contains("kfp4j validate [-hvV]"), "validate's usage line: " + verbose);
  }

  /**
   * A command builds picocli's model of itself alone, not of every command (a quarter of a second in
   * a fresh JVM): the JVM running {@code kfp4j validate} initializes no other command's class, and
   * {@code kfp4j --version} and {@code kfp4j --help} none.
   */
  @Test
  void aCommandInitializesNoOtherCommand() throws Exception {
    String validate = initialized("-v", "validate", CLASSES + "/META-INF/kfp4j/pipelines/add-example.yaml");
    assertTrue(validate.startsWith("ok"), validate);
    assertTrue(validate.contains("Initializing 'dev/kfp4j/cli/Commands$Validate'"), "the log lists the commands' classes");
    for (String other : new String[] {"Commands$RunLocal", "UploadCommand", "ExperimentCommands", "RunCommands", "GraphCommand", "ImageCommand"}) {
      assertTrue(!validate.contains("Initializing 'dev/kfp4j/cli/" + other + "'"), other + " was initialized");
    }
    for (String[] args : new String[][] {{"--version"}, {"--help"}}) {
      String out = initialized(args);
      assertTrue(out.startsWith(args[0].equals("--help") ? "Usage: kfp4j" : "kfp4j "), out);
      List<String> cli = Pattern.compile("Initializing 'dev/kfp4j/cli/([^']+)'").matcher(out).results().map(m -> m.group(1)).toList();
      assertTrue(cli.contains("Kfp4j"), "the log lists kfp4j's classes: " + cli);
      assertTrue(cli.stream().allMatch(c -> c.startsWith("Kfp4j")), args[0] + ": classes beyond the root command's: " + cli);
    }
  }

  /** The output of {@code kfp4j args} in a fresh JVM that exits 0, then its log of the classes it initialized. */
  private String initialized(String... args) throws Exception {
    Path log = dir.resolve("init.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xlog:class+init=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), Kfp4j.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.txt"));
    assertEquals(0, p.exitValue(), out);
    return out + Files.readString(log);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "validate", "upload-pipeline", "manifest", "run-once", "schedule", "list-pipelines", "list-runs", "init", "ui"}) {
      Cli r = Cli.run(command, "--help");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().startsWith("Usage: kfp4j " + command), r.toString());
      // the exit codes' footer fits the help's 80 columns: no line of it wraps to the margin
      String footer = r.out().substring(r.out().indexOf("Exit codes:"));
      assertTrue(footer.lines().skip(1).allMatch(l -> l.startsWith("  ") && l.length() <= 80), footer);
      // 3 is also a name the server has nothing of ('no experiment ...'), as the README's exit codes say
      assertTrue(footer.contains("  3  the server refused, has nothing of the name given (an experiment or a\n     pipeline not "
          + "there) or could not be reached; and so a registry or the\n     container engine\n"), footer);
    }
    assertTrue(Cli.run("schedule", "--help").out().contains("KFP's 6-field cron, seconds first"));
  }

  @Test
  void noHostIsAUsageErrorThatSaysWhereToSetIt() {
    Cli r = Cli.run("list-pipelines", "--config", write("kfp4j.yaml", "run_config: {}\n").toString());
    if (System.getenv("KF_PIPELINES_ENDPOINT") == null) {
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("no KFP host: pass --host (or 'host' in the config file) or set KF_PIPELINES_ENDPOINT"), r.toString());
    }
  }

  /** A CA certificate that is not there said only "/path: no such file", naming neither the option nor what the file is. */
  @Test
  void aCaCertificateThatIsNotThereIsAUsageErrorNamingTheOption() {
    Path missing = dir.resolve("no-ca.pem");
    Cli r = Cli.run("list-pipelines", "--host", "https://127.0.0.1:9", "--ca-cert", missing.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: no CA certificate file " + missing + " to read (--ca-cert); name a PEM file of the "
        + "certificates of the CA that signed the server's\n"), r.toString());
    assertTrue(r.err().contains("kfp4j list-pipelines ["), "the usage line: " + r);
    Cli config = Cli.run("run-once", "--argo", "--argo-server", "https://127.0.0.1:9", "-p", CLASSES + "/META-INF/kfp4j/pipelines/add-example.yaml",
        "--config", write("kfp4j.yaml", "auth:\n  ca_cert: " + missing + "\n").toString());
    assertEquals(2, config.code(), config.toString());
    assertTrue(config.err().startsWith("kfp4j: error: no CA certificate file " + missing + " to read (auth.ca_cert)"), config.toString());
  }

  /** A token file that is not there, or a folder, is a usage error before anything is sent (it was exit 3, "cannot authenticate"). */
  @Test
  void aTokenFileThatCannotBeReadIsAUsageError() {
    for (Path tokenFile : List.of(dir.resolve("no-token"), dir)) {
      Cli r = Cli.run("list-pipelines", "--host", "http://127.0.0.1:9", "--token-file", tokenFile.toString());
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: no token file " + tokenFile + " to read (--token-file)"), r.toString());
      assertTrue(r.err().contains("kfp4j list-pipelines ["), "the usage line: " + r);
    }
    Cli config = Cli.run("list-pipelines", "--host", "http://127.0.0.1:9", "--config",
        write("kfp4j.yaml", "auth:\n  token_file: " + dir.resolve("gone") + "\n").toString());
    assertEquals(2, config.code(), config.toString());
    assertTrue(config.err().contains("(auth.token_file)"), config.toString());
  }

  @Test
  void anUnreachableHostIsExitCode3() {
    Cli r = Cli.run("list-pipelines", "--host", "http://127.0.0.1:9");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("cannot reach http://127.0.0.1:9"), r.toString());
  }

  /**
   * A project's name or host of any text is written so that the file loads and says it: {@code
   * --name 'churn: v2'} wrote {@code experiment_name: churn: v2}, a file that did not load (exit 2
   * after writing it, over the old one with --force), and {@code #}, quotes or {@code ${} changed the value.
   */
  @Test
  void initWritesAnyNameAsItIs() throws Exception {
    for (String name : List.of("churn: v2", "x #1", "\"quoted\" 'too'", "${HOME}", "true", "2024", "a\\b", " padded ")) {
      Path file = dir.resolve("names/kfp4j.yaml");
      Cli r = Cli.run("init", "https://kfp.example.com/p #x", "--config", file.toString(), "--name", name, "--force");
      assertEquals(0, r.code(), name + ": " + r);
      Config c = Config.load(file, n -> null);
      assertEquals(name, c.run().experimentName(), Files.readString(file));
      assertEquals(name + " run", c.run().runName());
      assertEquals("https://kfp.example.com/p #x", c.host());
    }
    Cli shell = Cli.run("init", "https://kfp.example.com", "--config", dir.resolve("gh/kfp4j.yaml").toString(), "--name", "a\"$(id)",
        "--with-github-actions");
    assertEquals(2, shell.code(), shell.toString());
    assertTrue(shell.err().contains("give --name of letters, digits"), shell.toString());
    assertFalse(Files.exists(dir.resolve("gh")), "nothing written");
  }

  @Test
  void initWritesASampleThatLoadsAndRefusesToOverwrite() throws Exception {
    Path file = dir.resolve("conf/kfp4j.yaml");
    Cli r = Cli.run("init", "https://kubeflow.example.com/pipeline", "--config", file.toString(), "--name", "Calc");
    assertEquals(0, r.code(), r.toString());
    Config c = Config.load(file, n -> null);
    assertEquals("https://kubeflow.example.com/pipeline", c.host());
    assertEquals("calc:latest", c.run().image());
    assertEquals("Calc", c.run().experimentName());
    assertEquals("IfNotPresent", c.run().imagePullPolicy());
    assertEquals(604800, c.run().ttlSeconds());
    assertEquals("200m", c.run().resources().get("__default__").get("cpu"));
    // a Java step's JVM takes a quarter of a 512Mi-or-more limit as heap: the default gives it at least 128Mi
    String memory = c.run().resources().get("__default__").get("memory");
    assertTrue(memory.matches("\\d+(Mi|Gi)"), memory);
    long mebibytes = Long.parseLong(memory.substring(0, memory.length() - 2)) * (memory.endsWith("Gi") ? 1024 : 1);
    assertTrue(mebibytes / 4 >= 128, "the default memory " + memory + " leaves a Java step a heap under 128Mi");
    Cli again = Cli.run("init", "https://other", "--config", file.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("exists; edit it, or pass --force"), again.toString());
    assertEquals(2, Cli.run("init", "kubeflow.example.com", "--config", dir.resolve("x.yaml").toString()).code(),
        "a host without its scheme");
  }

  @Test
  void validateChecksEveryCompiledFileAndNamesTheBrokenOne() throws Exception {
    Cli ok = Cli.run("validate", "--classes", CLASSES);
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().contains("ok      " + CLASSES + "/META-INF/kfp4j/pipelines/add-example.yaml"), ok.toString());
    assertTrue(ok.out().contains("components/add.yaml"), ok.toString());
    assertTrue(ok.out().matches("(?s).*resourceop-basic\\.yaml \\(cluster only: step '.*' is a Kubernetes resource step.*"), ok.toString());
    Path broken = write("broken.yaml", Files.readString(Path.of(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml"))
        .replace("template: multiply", "template: multiplyy"));
    Cli bad = Cli.run("validate", broken.toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.out().contains("INVALID " + broken + ": " + broken + ": task 'multiply' of template 'add-example' names an unknown template 'multiplyy'"),
        bad.toString());
  }

  /**
   * A file named to validate that is not there was "INVALID a.yaml: cannot read: a.yaml", naming the file again and not why:
   * now why, in words, as the command says every local file error.
   */
  @Test
  void validateSaysWhyAFileCannotBeRead() {
    Path missing = dir.resolve("no-such.yaml");
    Cli r = Cli.run("validate", missing.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("INVALID " + missing + ": cannot read: no such file or folder\n", r.out(), r.toString());
    assertEquals("kfp4j: 1 of 1 files are not valid\n", r.err(), r.toString());
  }

  @Test
  void validateChecksKfp2PipelineSpecsAndComponentFilesWithTheirPlatformDocument() throws Exception {
    Cli ok = Cli.run("validate", "--classes", CLASSES);
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().contains("ok      " + CLASSES + "/META-INF/kfp4j/kfp2/pipelines/add-example.yaml\n"), ok.toString());
    assertTrue(ok.out().contains("ok      " + CLASSES + "/META-INF/kfp4j/kfp2/pipelines/volume.yaml\n"), "its platform document read: " + ok);
    assertTrue(ok.out().contains("ok      " + CLASSES + "/META-INF/kfp4j/kfp2/components/add.yaml"), ok.toString());
    assertTrue(ok.out().contains("ok      " + CLASSES + "/META-INF/kfp4j/kfp2/pipelines/volumeop-basic.yaml\n"), "a volume step runs "
        + "locally: " + ok);
    Path broken = write("broken-kfp2.yaml", Files.readString(Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/add-example.yaml"))
        .replace("name: comp-multiply", "name: comp-multiplyy"));
    Cli bad = Cli.run("validate", broken.toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.out().contains("INVALID " + broken + ": " + broken + ": "), bad.toString());
    assertTrue(bad.out().contains("'comp-multiplyy'"), bad.toString());
  }

  @Test
  void validateRefusesWhatArgoRefusesBeyondItsSchema() throws Exception {
    // the mixed example as kfp4j wrote it before input names were made Argo names: valid YAML, a
    // workflow the local runner runs, but Argo refuses the parameter name 'Hash algorithm'
    String mixed = Files.readString(Path.of(CLASSES, "META-INF/kfp4j/pipelines/mixed-java-python.yaml"));
    assertTrue(mixed.contains("Hash-algorithm"), "the compiled example passes it as Hash-algorithm");
    Path spaced = write("spaced.yaml", mixed.replace("Hash-algorithm", "Hash algorithm"));
    Cli bad = Cli.run("validate", spaced.toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.out().contains("INVALID " + spaced + ": Argo would refuse it: templates.mixed-java-python.tasks.hash-file."
        + "arguments.parameters[0].name 'Hash algorithm' is invalid: a parameter or artifact name has only letters, digits, '_' "
        + "and '-'"), bad.toString());
    assertTrue(bad.out().contains("templates.hash-file.inputs.parameters[0].name 'Hash algorithm' is invalid"), bad.toString());

    Path unwired = write("unwired.yaml", Files.readString(Path.of(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml"))
        .replace("dependencies: [add, subtract]", "dependencies: [add]"));
    Cli late = Cli.run("validate", unwired.toString());
    assertEquals(2, late.code(), late.toString());
    assertTrue(late.out().contains("{{tasks.subtract.outputs.parameters.Output}} does not resolve: task 'multiply' does not "
        + "depend on 'subtract'; list it in its dependencies"), late.toString());
  }

  @Test
  void runTrackedInMlflowWithoutKfp4jMlflowOnTheClasspathSaysSoBeforeAnythingRuns() throws Exception {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "mlflow:\n  tracking_uri: http://127.0.0.1:9\n");
    Path root = dir.resolve("runs");
    Cli r = Cli.run("run", "--classes", CLASSES, "--classpath", CLASSES, "-p", "add-example", "--config", config.toString(),
        "--root", root.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: the config's mlflow section tracks the run with kfp4j-mlflow's steps, which are not "
        + "on the project's classpath: add the dependency dev.kfp4j:kfp4j-mlflow"), r.toString());
    assertFalse(Files.exists(root), "nothing ran");
  }

  /**
   * A {@code --classpath} entry that is not there is a usage error before anything runs: {@code java}
   * skipped it, and the run started, each Java task failing with "Could not find or load main class".
   * The classes folder may be missing (a project not compiled yet: the Maven goals pass it).
   */
  @Test
  void aClasspathEntryThatIsNotThereIsAUsageErrorBeforeAnythingRuns() throws Exception {
    Path root = dir.resolve("runs");
    String missing = dir.resolve("no-such.jar").toString();
    Cli r = Cli.run("run", "--classes", CLASSES, "--classpath", CLASSES + java.io.File.pathSeparator + missing, "-p", "add-example",
        "--root", root.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: --classpath names " + missing + ", which is not there"), r.toString());
    assertTrue(r.err().contains("kfp4j run ["), "the usage line: " + r);
    assertFalse(Files.exists(root), "nothing ran");
    Cli wildcard = Cli.run("run", "--classes", CLASSES, "--classpath", dir.resolve("no-lib") + "/*", "-p", "add-example",
        "--root", root.toString());
    assertEquals(2, wildcard.code(), wildcard.toString());
    Path classes = dir.resolve("target/classes"); // a --classes named must be there (aPathOptionNamingNothingIsExitCode2NamingIt)
    Cli ui = Cli.run("ui", "--local", "--root", root.toString(), "--classes", classes.toString(), "--classpath",
        classes + java.io.File.pathSeparator + missing, "--port", "0");
    assertEquals(2, ui.code(), ui.toString());
    assertTrue(ui.err().startsWith("kfp4j: error: --classes names " + classes + ", which is not there"), ui.toString());
    Files.createDirectories(classes); // compiled: the other entry is named
    ui = Cli.run("ui", "--local", "--root", root.toString(), "--classes", classes.toString(), "--classpath",
        classes + java.io.File.pathSeparator + missing, "--port", "0");
    assertEquals(2, ui.code(), ui.toString());
    assertTrue(ui.err().startsWith("kfp4j: error: --classpath names " + missing + ", which is not there"), ui.toString());
  }

  @Test
  void runRunsTheExamplePipelineHereAndPrintsItsOutputs() {
    Cli r = Cli.run("run", "--classes", CLASSES, "-p", "add-example", "-a", "value1=5", "--root", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("add = 9"), r.toString());
    assertTrue(r.out().contains("subtract = 1"), r.toString());
    assertTrue(r.out().contains("multiply = 9"), r.toString());
  }

  @Test
  void runSaysWhereTheRunFolderIsAndRunsJavaStepsAsSubprocessesFromRelativeClasses() {
    Cli r = Cli.run("run", "--classes", CLASSES, "-p", "add-example", "-a", "value1=5", "--root", dir.toString(), "--subprocess", "--logs");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("multiply = 9"), r.toString());
    assertTrue(r.err().matches("run folder: " + java.util.regex.Pattern.quote(dir.resolve("add-example").toString()) + "/[-0-9a-f]+\n"), r.toString());
  }

  @Test
  void runRunsTheKfp2SpecWithFormatKfp2OrAsAFileAndRefusesAFileOfTheOtherFormat() {
    Cli r = Cli.run("run", "--classes", CLASSES, "-p", "add-example", "--format", "kfp2", "-a", "value1=5", "--root", dir.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("multiply = 9"), r.toString());
    String spec = Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/training.yaml").toString();
    Cli file = Cli.run("run", "-p", spec, "-a", "rows=20", "--root", dir.toString(), "--classes", CLASSES);
    assertEquals(0, file.code(), file.toString());
    assertTrue(file.out().contains("train = "), file.toString());
    Cli wrong = Cli.run("run", "-p", spec, "--format", "argo", "--root", dir.toString(), "--classes", CLASSES);
    assertEquals(2, wrong.code(), wrong.toString());
    assertTrue(wrong.err().contains("is a KFP 2 pipeline spec, not an Argo Workflow; leave out --format or pass --format kfp2"),
        wrong.toString());
    Cli unknown = Cli.run("run", "-p", "add-example", "--format", "v3", "--classes", CLASSES);
    assertEquals(2, unknown.code(), unknown.toString());
  }

  @Test
  void runRefusesAnArgumentThePipelineDoesNotDeclare() {
    Cli r = Cli.run("run", "--classes", CLASSES, "-p", "add-example", "-a", "valu1=5", "--root", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("pipeline 'add-example' has no parameter 'valu1'; did you mean 'value1'?"), r.toString());
  }

  @Test
  void aPipelineMustBeNamedWhenThereAreSeveral() {
    Cli r = Cli.run("run", "--classes", CLASSES, "--root", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("choose a pipeline with --pipeline: [add-example,"), r.toString());
    assertTrue(r.err().contains(", control-flow, "), "the pipelines compiled for KFP 2 only are listed too: " + r);
  }

  /** A pipeline compiled for KFP 2 only runs by name, and alone in a project without --pipeline; asking for Argo says what to do. */
  @Test
  void runFindsAPipelineCompiledForKfp2Only() throws java.io.IOException {
    Cli byName = Cli.run("run", "--classes", CLASSES, "-p", "control-flow", "--root", dir.toString());
    assertEquals(0, byName.code(), byName.toString());
    assertTrue(byName.out().contains("sum = 14"), byName.toString());

    Cli argo = Cli.run("run", "--classes", CLASSES, "-p", "control-flow", "--format", "argo", "--root", dir.toString());
    assertEquals(2, argo.code(), argo.toString());
    assertTrue(argo.err().contains("pipeline 'control-flow' is compiled as a KFP 2 pipeline spec only")
        && argo.err().contains("(kfp4j run takes either form: leave out --format, or pass --format kfp2)"), argo.toString());

    // a project of one pipeline, compiled for KFP 2 only, beside a folder of Argo workflows left empty
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/kfp4j/pipelines"));
    Path spec = Files.createDirectories(classes.resolve("META-INF/kfp4j/kfp2/pipelines")).resolve("control-flow.yaml");
    Files.copy(Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/control-flow.yaml"), spec);
    Cli alone = Cli.run("run", "--classes", classes.toString(), "--classpath", CLASSES, "--root", dir.toString());
    assertEquals(0, alone.code(), alone.toString());
    assertTrue(alone.out().contains("sum = 14"), alone.toString());

    Cli unknown = Cli.run("run", "--classes", CLASSES, "-p", "contol-flow");
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("are [add-example, ") && unknown.err().contains(", control-flow, "), unknown.toString());
  }

  /**
   * {@code run --resume RUN_DIR}, as a stopped run's message says to complete it, runs the pipeline the run folder keeps:
   * in a project of several pipelines, of a run of a pipeline file, it said "choose a pipeline with --pipeline".
   */
  @Test
  void resumeWithoutAPipelineCompletesThePipelineTheRunRan() throws java.io.IOException {
    Path ready = dir.resolve("ready");
    String workflow = write("two-steps.yaml", String.join("\n",
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Workflow",
        "metadata: {generateName: two-steps-}",
        "spec:",
        "  entrypoint: main",
        "  arguments: {parameters: [{name: msg, value: hi}]}",
        "  templates:",
        "  - name: main",
        "    dag:",
        "      tasks:",
        "      - {name: first, template: echo, arguments: {parameters: [{name: text, value: '{{workflow.parameters.msg}}'}]}}",
        "      - {name: second, template: when-ready, dependencies: [first],",
        "         arguments: {parameters: [{name: text, value: '{{tasks.first.outputs.parameters.out}}'}]}}",
        "  - name: echo",
        "    inputs: {parameters: [{name: text}]}",
        "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}",
        "    container: {image: alpine, command: [sh, -c, 'echo \"$0\" > /tmp/outputs/out/data', '{{inputs.parameters.text}}']}",
        "  - name: when-ready",
        "    inputs: {parameters: [{name: text}]}",
        "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/outputs/out/data}}]}",
        "    container: {image: alpine, command: [sh, -c, 'test -f \"$1\" && echo \"got $0\" > /tmp/outputs/out/data', '{{inputs.parameters.text}}', '"
            + ready + "']}",
        "")).toString();
    Path root = dir.resolve("runs");
    Cli failed = Cli.run("run", "-p", workflow, "-a", "msg=yo", "--root", root.toString(), "--classes", CLASSES);
    assertEquals(1, failed.code(), failed.toString());
    Path runDir;
    try (java.util.stream.Stream<Path> runs = Files.list(root.resolve("two-steps"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    Files.writeString(ready, "");

    Cli resumed = Cli.run("run", "--resume", runDir.toString(), "--classes", CLASSES);
    assertEquals(0, resumed.code(), resumed.toString());
    assertTrue(resumed.out().contains("first.out = yo\nsecond.out = got yo\n"), resumed.toString());
    assertTrue(resumed.err().contains("run folder: " + runDir), resumed.toString());

    Cli notARun = Cli.run("run", "--resume", dir.toString(), "--classes", CLASSES);
    assertEquals(2, notARun.code(), notARun.toString());
    assertTrue(notARun.err().startsWith("kfp4j: error: " + dir + " is not a run folder: it has no run.json"), notARun.toString());
  }

  private Path write(String name, String text) {
    try {
      Path f = dir.resolve(name);
      Files.writeString(f, text);
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
