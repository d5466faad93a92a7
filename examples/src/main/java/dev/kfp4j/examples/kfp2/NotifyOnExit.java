package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;

/**
 * Two exit handlers, one whose exit task is a pipeline: training, whose end {@code notifyTeam} tells the team of (it opens a
 * ticket, then reports the training's status on it), and publishing, cleaned up after by a component's task. Each exit task
 * runs once its own handler's tasks have ended, whatever happened to them, and is given its own handler's status; the
 * exit pipeline's {@code post-report} reads it after {@code open-ticket}, as KFP 2 gives every task of the exit pipeline's DAG
 * the status the DAG took. KFP 2 only: KFP v1's Argo workflow has one exit handler.
 */
public final class NotifyOnExit {
  private NotifyOnExit() {}

  /**
   * Trains a model, or fails.
   *
   * @param fail whether to fail
   * @return the model's name
   */
  @Component
  public static String trainClassifier(boolean fail) {
    if (fail) {
      throw new IllegalStateException("training failed");
    }
    return "model-1";
  }

  /**
   * Publishes a model, or fails.
   *
   * @param model the model to publish
   * @param fail whether to fail
   * @return what was published
   */
  @Component
  public static String publishModel(String model, boolean fail) {
    if (fail) {
      throw new IllegalStateException("publishing failed");
    }
    return "published " + model;
  }

  /**
   * Opens a ticket on a channel.
   *
   * @param channel where to open it
   * @return the ticket
   */
  @Component
  public static String openTicket(String channel) {
    return channel + "/ticket-1";
  }

  /**
   * Reports the status of what the ticket is about on it.
   *
   * @param ticket the ticket
   * @param status the final status of the exit handler's tasks
   * @return the report
   */
  @Component
  public static String postReport(String ticket, PipelineTaskFinalStatus status) {
    return ticket + ": " + status.pipelineTaskName() + " " + (status.succeeded() ? "succeeded" : "failed");
  }

  /**
   * Cleans up after publishing.
   *
   * @param status the final status of the exit handler's tasks
   * @return what it did
   */
  @Component
  public static String tidyPublishing(PipelineTaskFinalStatus status) {
    return "cleaned up after " + status.pipelineTaskName() + " (" + status.state() + ")";
  }

  /**
   * Tells the team how something ended: opens a ticket, then reports the status on it.
   *
   * @param channel the team's channel
   * @param status the final status, given {@code Dsl.runStatus()}
   */
  @Pipeline(name = "notify-team", formats = Format.KFP2)
  public static void notifyTeam(String channel, PipelineTaskFinalStatus status) {
    var ticket = NotifyOnExitOps.openTicket(channel);
    NotifyOnExitOps.postReport(ticket.output(), status);
  }

  /**
   * Trains, then publishes, each in an exit handler of its own: the team told of the training's end, publishing cleaned up
   * after.
   *
   * @param channel the team's channel
   * @param failTraining whether training fails
   * @param failPublishing whether publishing fails
   */
  @Pipeline(name = "notify-on-exit", formats = Format.KFP2)
  public static void notifyOnExit(@Default("#ml-runs") String channel, @Default("false") boolean failTraining,
      @Default("false") boolean failPublishing) {
    Dsl.exitHandler(() -> notifyTeam(channel, Dsl.runStatus()), "training", () -> NotifyOnExitOps.trainClassifier(failTraining));
    Dsl.exitHandler(NotifyOnExitOps.tidyPublishing(Dsl.runStatus()), "publishing",
        () -> NotifyOnExitOps.publishModel("model-1", failPublishing));
  }
}
