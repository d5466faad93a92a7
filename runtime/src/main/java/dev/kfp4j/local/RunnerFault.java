package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A task the runner itself failed, with {@code error}: what its result says, and where its stack trace goes. A {@link
 * WorkflowException} says all in its message (a folder that cannot be made, an output that cannot be saved); anything else
 * is a fault of kfp4j's own, its stack trace kept in the task's log for a report.
 */
final class RunnerFault {
  private RunnerFault() {}

  /** What the task's result says of {@code error}. */
  static String message(Throwable error) {
    return error instanceof WorkflowException ? error.getMessage() : "kfp4j could not run it: " + FileErrors.problem(error);
  }

  /**
   * Appends the stack trace of {@code error} to {@code log}, unless it is a {@link WorkflowException}: whether it did. One that
   * cannot be written is left out: the message says what happened.
   */
  static boolean traced(Path log, Throwable error) {
    if (error instanceof WorkflowException) {
      return false;
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "kfp4j: " + trace, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
