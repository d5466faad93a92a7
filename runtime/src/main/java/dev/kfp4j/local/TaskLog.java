package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A task's {@code log.txt}: what it prints, and the runner's notes on it. With an echo, each line
 * is also shown on the console as it comes, after the task's label.
 */
final class TaskLog {
  private final Path file;
  private final String label;
  private final PrintStream echo;
  private final LogBounds bounds;
  private final UnaryOperator<String> mask;
  /** Why the task's output could not be written to the log, once it could not; shared by its {@link #masking} forms. */
  private final AtomicReference<String> unwritten;
  /** Whether the file was opened or noted in since this log was made; shared by its {@link #masking} forms. */
  private final AtomicBoolean written;
  /** The runner's note that heads the first attempt's log, or null; shared by its {@link #masking} forms. */
  private final AtomicReference<String> lead;

  /** {@code echo} is the console to show lines on, or null; the file keeps what {@code bounds} allow. */
  TaskLog(Path file, String label, PrintStream echo, LogBounds bounds) {
    this(file, label, echo, bounds, UnaryOperator.identity(), new AtomicReference<>(), new AtomicBoolean(), new AtomicReference<>());
  }

  private TaskLog(Path file, String label, PrintStream echo, LogBounds bounds, UnaryOperator<String> mask,
      AtomicReference<String> unwritten, AtomicBoolean written, AtomicReference<String> lead) {
    this.file = file;
    this.label = label;
    this.echo = echo;
    this.bounds = bounds;
    this.mask = mask;
    this.unwritten = unwritten;
    this.written = written;
    this.lead = lead;
  }

  /**
   * This log, each line echoed as {@code mask} shows it: what a container engine prints without the credentials of its
   * arguments. The file is written as the process writes it; {@link #maskFile} masks it after.
   */
  TaskLog masking(UnaryOperator<String> mask) {
    return new TaskLog(file, label, echo, bounds, mask, unwritten, written, lead);
  }

  /** Rewrites the file as {@code mask} shows it, when that differs (what a process wrote straight to it). */
  void maskFile() {
    try {
      if (Files.isRegularFile(file)) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String shown = mask.apply(text);
        if (!shown.equals(text)) {
          Files.writeString(file, shown, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      // the file is left as written; nothing of it was shown
    }
  }

  Path file() {
    return file;
  }

  /**
   * Whether the file is this task's log of this run: an attempt opened it, or the runner noted something in it. One that is
   * not may be missing, or an earlier run's (resumed).
   */
  boolean written() {
    return written.get();
  }

  /** The task's label, as the summary shows it. */
  String label() {
    return label;
  }

  /** Has the first attempt's log begin with the runner's own {@code text} (why the task runs at all, say). */
  void lead(String text) {
    lead.set(text);
  }

  /**
   * Where attempt {@code attempt} writes: the file, afresh for the first attempt, after its {@link #lead} when there is one,
   * within its {@link LogBounds bounds}, and the echo, whole. A {@code log.txt} that is a link (a resumed run folder edited
   * by hand) is deleted for the first attempt, never followed: written through, it would truncate the file it points to.
   */
  OutputStream open(int attempt) throws IOException {
    Files.createDirectories(file.getParent());
    if (attempt == 1 && Files.isSymbolicLink(file)) { // a run folder edited by hand: the link goes, never followed
      Files.delete(file);
    }
    // read too: its part past the head is cut back in place; at its end: an earlier attempt's log goes on
    FileChannel channel = attempt == 1
        ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
            StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
            LinkOption.NOFOLLOW_LINKS);
    written.set(true);
    OutputStream out;
    try {
      out = echoed(bounds.bound(channel.position(channel.size())));
      String first = attempt == 1 ? lead.getAndSet(null) : null;
      if (first != null) {
        out.write(first.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return out;
  }

  /** {@code out}, and the echo when there is one. */
  private OutputStream echoed(OutputStream out) {
    return echo == null ? out : new Tee(out, new Lines(echo, label, mask));
  }

  /**
   * The task's output could not be written to the log ({@code e}: a full disk, the file a folder): the task fails saying so
   * ({@link #takeUnwritten()}), where its process, its output pipe closed, would have died of SIGPIPE without a word.
   */
  void unwritable(IOException e) {
    unwritten.compareAndSet(null, "its output could not be written to " + file + ": "
        + FileErrors.reason(e));
  }

  /** Why the task's output could not be written to the log since this was last asked, or null. */
  String takeUnwritten() {
    return unwritten.getAndSet(null);
  }

  /** Adds the runner's own {@code text} to the log (and the echo), whole, past its bounds. */
  void note(String text) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = echoed(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS))) {
        written.set(true);
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the note is lost; the task's result still says what happened
    }
  }

  /** Writes to both streams; closing closes both. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        a.close();
      } finally {
        b.close();
      }
    }
  }

  /** Shows whole lines on the console, each as {@code label | line}; a last line without a newline on close. */
  private static final class Lines extends OutputStream {
    private static final int MAX_LINE = 8192;
    private final PrintStream console;
    private final String prefix;
    private final UnaryOperator<String> mask;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Lines(PrintStream console, String label, UnaryOperator<String> mask) {
      this.console = console;
      this.prefix = label + " | ";
      this.mask = mask;
    }

    @Override
    public synchronized void write(int c) {
      if (c == '\n') {
        show();
      } else if (c != '\r') {
        line.write(c);
        if (line.size() >= MAX_LINE) {
          show();
        }
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(bytes[i]);
      }
    }

    private void show() {
      String text = mask.apply(line.toString(StandardCharsets.UTF_8));
      line.reset();
      synchronized (console) {
        console.println(prefix + text);
        console.flush();
      }
    }

    @Override
    public synchronized void close() {
      if (line.size() > 0) {
        show();
      }
    }
  }
}
