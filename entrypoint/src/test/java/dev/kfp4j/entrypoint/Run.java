package dev.kfp4j.entrypoint;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs an entrypoint as a container would run it, and keeps its exit code and output. */
record Run(int code, String out, String err) {
  /** In this JVM: only for absolute paths, the working folder is the build's. */
  static Run of(Entrypoint.Handler handler, Signature signature, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Entrypoint.run("Test", args, signature, handler, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * {@link AddMain} in a JVM of its own whose working folder is {@code cwd}, so that a relative
   * path (even {@code .} or {@code ..}) can only ever reach a test's temporary folder.
   */
  static Run inFolder(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AddMain.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  /** An entrypoint with one component, {@code add --a A --b B ----output-paths OUTPUT}. */
  static final class AddMain {
    static final Signature ADD = new Signature("add", "Adds.").value("a").value("b").output("Output");

    public static void main(String[] args) {
      System.exit(Entrypoint.run("Test", args, ADD, in -> in.output("Output", in.intValue("a") + in.intValue("b")), System.out,
          System.err));
    }
  }
}
