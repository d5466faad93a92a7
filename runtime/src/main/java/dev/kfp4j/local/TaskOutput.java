package dev.kfp4j.local;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Routes {@code System.out}/{@code System.err} to the log of the in-process task running on the
 * current thread (and the threads it starts); elsewhere to the original streams.
 */
final class TaskOutput {
  private static final InheritableThreadLocal<PrintStream> TARGET = new InheritableThreadLocal<>();
  private static boolean installed;

  private TaskOutput() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(new Router(out), true));
    System.setErr(new PrintStream(new Router(err), true));
    installed = true;
  }

  static void route(PrintStream target) {
    TARGET.set(target);
  }

  static void clear() {
    TARGET.remove();
  }

  private static final class Router extends OutputStream {
    private final PrintStream original;

    Router(PrintStream original) {
      this.original = original;
    }

    private PrintStream target() {
      PrintStream t = TARGET.get();
      return t != null ? t : original;
    }

    @Override
    public void write(int b) {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      target().write(b, off, len);
    }

    @Override
    public void flush() {
      target().flush();
    }
  }
}
