package dev.kfp4j.entrypoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one component of a generated entrypoint class, in either protocol: KFP v1's {@code
 * <component> --<input> <value> ... ----output-paths <file>...}, or KFP 2's {@code <component>
 * --executor_input <json>} (see {@link ExecutorInput}). Exit codes: 0 done, 2 bad arguments or
 * executor input (with an argparse-style usage line naming the flag or field), 1 the component
 * threw (stack trace on stderr, no output file and no executor output left behind).
 */
public final class Entrypoint {
  /** Exit code for bad arguments, as argparse. */
  public static final int USAGE = 2;
  /** Exit code when the component threw. */
  public static final int FAILED = 1;
  /** The flag of KFP 2's executor input, as KFP's lightweight components take it ({@code {{$}}}). */
  public static final String EXECUTOR_INPUT = "--executor_input";
  /** How errors in the executor input start. */
  static final String EXECUTOR_ARGUMENT = "argument " + EXECUTOR_INPUT + ": ";

  /** What calls the component for a parsed invocation: {@link MethodCall}, or a test's. */
  interface Handler {
    void call(Invocation invocation) throws Exception;
  }

  private Entrypoint() {}

  /**
   * Runs the component {@code args[0]} of a generated entrypoint with the process's standard
   * streams: its method, in {@code owner}, is found by the name and parameter types its row of
   * {@code table} gives (one string per component; see {@code Table}).
   *
   * @param prog the entrypoint class's name, as usage lines show it
   * @return the exit code
   */
  public static int run(String prog, String[] args, Class<?> owner, String... table) {
    return run(prog, args, owner, System.out, System.err, table);
  }

  /** Runs and returns the exit code; never calls {@code System.exit}. */
  static int run(String prog, String[] args, Class<?> owner, PrintStream out, PrintStream err, String... table) {
    Table.Row row = args.length == 0 || args[0].startsWith("-") ? null : Table.row(table, args[0]);
    if (row == null) {
      return noComponent(prog, args, Table.names(table), out, err);
    }
    MethodCall call;
    try {
      call = new MethodCall(owner, row);
    } catch (ReflectiveOperationException | LinkageError e) {
      err.println(prog + " " + args[0] + ": cannot find the component's method " + owner.getName() + "." + row.method()
          + "(" + String.join(", ", row.parameterTypes()) + "): " + e
          + "; compile the entrypoint with its class, by the kfp4j of the kfp4j-entrypoint it runs with");
      return FAILED;
    }
    return run(prog, args, row.signature(), call, out, err);
  }

  /** Help when asked for, else exit 2: {@code args} name no component. */
  private static int noComponent(String prog, String[] args, String components, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].startsWith("-")) {
      if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
        out.println("usage: " + prog + " {" + components + "} ...");
        return 0;
      }
      err.println("usage: " + prog + " {" + components + "} ...");
      err.println(prog + ": error: the first argument names the component to run: one of " + components);
      return USAGE;
    }
    err.println("usage: " + prog + " {" + components + "} ...");
    err.println(prog + ": error: unknown component '" + args[0] + "'; choose from " + components);
    return USAGE;
  }

  /** Runs {@code handler} as the component {@code signature}, which {@code args[0]} names. */
  static int run(String prog, String[] args, Signature signature, Handler handler, PrintStream out, PrintStream err) {
    String componentProg = prog + " " + signature.component();
    boolean kfp2 = args.length > 1 && (args[1].equals(EXECUTOR_INPUT) || args[1].startsWith(EXECUTOR_INPUT + "="));
    String usage = kfp2 ? signature.executorUsage(componentProg) : signature.usage(componentProg);
    Invocation invocation;
    try {
      invocation = kfp2 ? executorInvocation(signature, args) : parse(signature, args);
    } catch (HelpRequested h) {
      out.println(signature.usage(componentProg));
      out.println("       " + signature.executorUsage(componentProg).substring("usage: ".length()));
      if (signature.description() != null && !signature.description().isEmpty()) {
        out.println();
        out.println(signature.description());
      }
      return 0;
    } catch (UsageException e) {
      err.println(usage);
      err.println(componentProg + ": error: " + e.getMessage());
      return USAGE;
    }
    try {
      handler.call(invocation);
    } catch (UsageException e) {
      invocation.discard();
      err.println(usage);
      err.println(componentProg + ": error: " + e.getMessage());
      return USAGE;
    } catch (Throwable t) {
      invocation.discard();
      err.println(componentProg + ": component '" + signature.component() + "' failed:");
      t.printStackTrace(err);
      return FAILED;
    }
    try {
      invocation.commit();
      return 0;
    } catch (IOException | RuntimeException e) {
      // the method returned: what is wrong is where its outputs go, or what it left in them, which one line says
      invocation.discard();
      err.println(componentProg + ": error: " + (e instanceof IOException ? "cannot write the outputs of component '"
          + signature.component() + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); no output was written"
          : e.getMessage()));
      return FAILED;
    }
  }

  private static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super(null, null, false, false);
    }
  }

  /** KFP 2: {@code <component> --executor_input <json>} (or {@code --executor_input=<json>}), and nothing else. */
  static Invocation executorInvocation(Signature signature, String[] args) {
    String json;
    int next;
    if (args[1].equals(EXECUTOR_INPUT)) {
      if (args.length < 3) {
        throw new UsageException("argument " + EXECUTOR_INPUT + ": expected one argument");
      }
      json = args[2];
      next = 3;
    } else {
      json = args[1].substring(EXECUTOR_INPUT.length() + 1);
      next = 2;
    }
    for (int i = next; i < args.length; i++) {
      if (args[i].equals("-h") || args[i].equals("--help")) {
        throw new HelpRequested();
      }
    }
    if (next < args.length) {
      throw new UsageException("unrecognized arguments: " + unrecognized(List.of(args).subList(next, args.length))
          + " (KFP 2's executor input carries every input)");
    }
    ExecutorInput executor;
    try {
      executor = ExecutorInput.parse(signature, json);
    } catch (UsageException e) {
      throw new UsageException(EXECUTOR_ARGUMENT + e.getMessage());
    }
    return new Invocation(signature, executor);
  }

  /**
   * The arguments no flag took, as argparse lists them ({@code --c ***}), with every value hidden: a flag's name stays, what
   * follows its {@code =} and every word that is no flag is {@code ***}. A value is not shown, as a flag misspelled
   * ({@code --pasword hunter2}) or a value given without its flag may be a credential, and the container's log keeps it.
   */
  static String unrecognized(List<String> unknown) {
    List<String> shown = new ArrayList<>();
    for (String a : unknown) {
      int eq = a.indexOf('=');
      shown.add(!a.startsWith("--") ? "***" : eq > 0 ? a.substring(0, eq + 1) + "***" : a);
    }
    return String.join(" ", shown);
  }

  static Invocation parse(Signature signature, String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Path> outputFiles = null;
    List<String> unknown = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        throw new HelpRequested();
      }
      if (arg.equals("----output-paths")) {
        int n = signature.outputs().size();
        outputFiles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException("argument ----output-paths: expected " + n + " argument" + (n == 1 ? "" : "s"));
          }
          outputFiles.add(outputPath("argument ----output-paths", args[++i]));
        }
        continue;
      }
      String name = null;
      String value = null;
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        value = eq < 0 ? null : arg.substring(eq + 1);
      }
      Signature.Flag flag = name == null ? null : signature.flag(name);
      if (flag == null) {
        unknown.add(arg);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("argument --" + name + ": expected one argument");
        }
        value = args[++i];
      }
      values.put(name, value);
    }
    if (!unknown.isEmpty()) {
      throw new UsageException("unrecognized arguments: " + unrecognized(unknown));
    }
    List<String> missing = new ArrayList<>();
    for (Signature.Flag f : signature.flags()) {
      if (f.required() && !values.containsKey(f.name())) {
        missing.add("--" + f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException("the following arguments are required: " + String.join(", ", missing));
    }
    for (Signature.Flag f : signature.flags()) {
      if (f.kind().isOutput() && values.containsKey(f.name())) {
        outputPath("argument --" + f.name(), values.get(f.name()));
      }
    }
    if (outputFiles == null && !signature.outputs().isEmpty()) {
      // argparse leaves ----output-paths optional: the outputs are then computed and dropped.
      outputFiles = List.of();
    }
    return new Invocation(signature, values, outputFiles == null ? List.of() : outputFiles);
  }

  /**
   * The path of a file to write an output to, checked before the component runs ({@code what}
   * names it in errors, such as {@code argument --model}): it must name a
   * file, new or to be replaced, never a folder (replacing a folder would delete what it holds),
   * and its nearest existing parent must be a folder.
   */
  static Path outputPath(String what, String text) {
    Path path;
    try {
      path = Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageException(what + ": '" + text + "' is not a path: " + e.getReason());
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (text.isEmpty() || text.endsWith("/") || text.endsWith(java.io.File.separator) || name.equals(".")
        || name.equals("..") || Files.isDirectory(path)) {
      throw new UsageException(what + ": '" + text + "' is a folder; give the path of a file to write "
          + "the output to (a folder is never replaced)");
    }
    for (Path parent = path.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
      if (Files.exists(parent)) {
        if (!Files.isDirectory(parent)) {
          throw new UsageException(what + ": '" + text + "' cannot be written: " + parent + " is a file, not a folder");
        }
        break;
      }
    }
    return path;
  }

  /** Deletes a staging file or folder tree that kfp4j made itself, quietly; never a user's path. */
  static void deleteStaged(Path path) {
    if (path == null) {
      return;
    }
    // A folder's content is listed only when it has any (a committed output's staging folder is
    // empty), and with plain loops, not Files.walk's streams and lambdas, spun at a task's start.
    try {
      Files.deleteIfExists(path); // a link itself, never what it points to
    } catch (java.nio.file.DirectoryNotEmptyException full) {
      try {
        try (java.nio.file.DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
          for (Path child : children) {
            deleteStaged(child);
          }
        }
        Files.deleteIfExists(path);
      } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
        // best effort
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
