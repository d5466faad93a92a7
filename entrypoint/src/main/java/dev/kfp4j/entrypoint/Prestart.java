package dev.kfp4j.entrypoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A JVM started before its task is ready (the local runner's pre-start, {@code java -cp PATH
 * dev.kfp4j.entrypoint.Prestart MAIN}): loads and links class {@code MAIN}, then waits for the
 * task's arguments on standard input and calls {@code MAIN.main(arguments)} as {@code java MAIN
 * arguments} would: the class's static initializer runs then, not before (it is the task's own
 * code); its exit code, {@code System.exit} and an uncaught exception (its stack trace, exit code
 * 1) are java's. When standard input ends before the arguments are complete, or they are
 * malformed, it ends at once with exit code 0, writing nothing: the task did not run.
 *
 * <p>The arguments' framing, big-endian as {@link DataOutputStream} writes it: their count (an
 * {@code int}), then each one's length in bytes (an {@code int}) and its UTF-8 bytes, then
 * {@value #END} (an {@code int}). {@link #write} writes it.
 */
public final class Prestart {
  /** The {@code int} that ends the arguments. */
  public static final int END = -1;
  /** The most arguments, and the longest argument in bytes, that {@link #read} takes. */
  static final int MOST = 1 << 24;

  private Prestart() {}

  public static void main(String[] args) throws Throwable {
    if (args.length != 1) {
      System.err.println("usage: java -cp PATH dev.kfp4j.entrypoint.Prestart MAIN_CLASS < arguments");
      System.exit(2);
    }
    Method main = null;
    Throwable failed = null;
    try {
      // loaded and linked, not initialized: its static initializer is the task's own code, run only once it runs
      main = Class.forName(args[0], false, ClassLoader.getSystemClassLoader()).getMethod("main", String[].class);
    } catch (Throwable e) { // NOPMD: reported as java would report it, once the task runs
      failed = e;
    }
    String[] arguments = read(System.in);
    if (arguments == null) {
      Runtime.getRuntime().halt(0); // not assigned a task: no shutdown hook of the class runs either
    }
    if (failed instanceof ClassNotFoundException) {
      System.err.println("Error: Could not find or load main class " + args[0] + "\nCaused by: " + failed);
      System.exit(1);
    }
    if (failed instanceof NoSuchMethodException || failed == null && !Modifier.isStatic(main.getModifiers())) {
      System.err.println("Error: Main method not found in class " + args[0] + ", please define the main method as:\n"
          + "   public static void main(String[] args)");
      System.exit(1);
    }
    if (failed != null) {
      throw failed;
    }
    try {
      main.invoke(null, (Object) arguments);
    } catch (InvocationTargetException e) {
      throw endingAt(e.getCause(), args[0], "main"); // uncaught in thread main, as java reports it: its stack trace, exit code 1
    } catch (ExceptionInInitializerError e) { // the class's static initializer failed: as java reports it, the cause's frames alone
      if (e.getCause() != null) {
        endingAt(e.getCause(), args[0], "<clinit>");
      }
      e.setStackTrace(new StackTraceElement[0]);
      throw e;
    }
  }

  /** {@code thrown}, its stack trace ending at {@code main}'s {@code method} as when java calls it (without this class's frames). */
  private static Throwable endingAt(Throwable thrown, String main, String method) {
    StackTraceElement[] trace = thrown.getStackTrace();
    for (int i = trace.length - 1; i >= 0; i--) {
      if (trace[i].getClassName().equals(main) && trace[i].getMethodName().equals(method)) {
        thrown.setStackTrace(Arrays.copyOf(trace, i + 1));
        break;
      }
    }
    return thrown;
  }

  /** The arguments framed on {@code in}, or null when it ends before they are complete or they are malformed. */
  static String[] read(InputStream in) {
    try {
      DataInputStream data = new DataInputStream(in);
      int count = data.readInt();
      if (count < 0 || count > MOST) {
        return null;
      }
      String[] out = new String[count];
      for (int i = 0; i < count; i++) {
        int length = data.readInt();
        if (length < 0 || length > MOST) {
          return null;
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        out[i] = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(out[i].getBytes(StandardCharsets.UTF_8), bytes)) {
          return null; // not UTF-8: decoding replaced something
        }
      }
      return data.readInt() == END ? out : null;
    } catch (IOException e) { // ended early (EOFException), or unreadable
      return null;
    }
  }

  /** Writes {@code arguments} to {@code out} framed as {@link #read} reads them, and flushes it. */
  public static void write(List<String> arguments, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(arguments.size());
    for (String a : arguments) {
      byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
      data.writeInt(bytes.length);
      data.write(bytes);
    }
    data.writeInt(END);
    data.flush();
  }
}
