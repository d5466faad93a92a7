package dev.kfp4j.local;

/**
 * A workflow the local runner cannot run, or arguments it cannot accept: found before anything
 * runs; the message names the parameter, template, task or field.
 */
public final class WorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkflowException(String message) {
    super(message);
  }
}
