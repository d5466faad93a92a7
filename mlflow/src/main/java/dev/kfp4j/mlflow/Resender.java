package dev.kfp4j.mlflow;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Sends a request to the tracking server, and again as MLflow's Python client sends it again ({@link Retries}): a try that
 * gets no answer (the connection refused, timed out or dropped, the answer not coming in time, an upload that stopped
 * moving) or an answer {@link Retries#resent} takes is tried again, after {@link Retries#wait}, while tries are left. Each try
 * is made afresh ({@link Attempt}), so an upload's file is read again from its start. A file of this machine that cannot be
 * read is no failure of the server, and is not tried again.
 */
final class Resender {
  private final Pause pause;
  private final DoubleSupplier random;
  private final Clock clock;

  /** How the wait before a resend is made: {@link Thread#sleep}, but in tests, which note the waits asked for. */
  interface Pause {
    void pause(Duration wait) throws InterruptedException;
  }

  /** One try: makes its request, body and all, and sends it. */
  interface Attempt<T> {
    HttpResponse<T> send() throws IOException, InterruptedException;
  }

  /** The last try's failure, after {@link #tries} tries in all; its cause is that failure. */
  static final class GaveUp extends IOException {
    private static final long serialVersionUID = 1L;
    final int tries;

    GaveUp(int tries, IOException last) {
      super(last.getMessage(), last);
      this.tries = tries;
    }
  }

  /** {@code random}: the jitter's fraction of each backoff, in [0, 1); {@code clock}: now, for a {@code Retry-After} date. */
  Resender(Pause pause, DoubleSupplier random, Clock clock) {
    this.pause = pause;
    this.random = random;
    this.clock = clock;
  }

  /** Waiting with {@link Thread#sleep}, a random jitter, the system's clock. */
  static Resender system() {
    return new Resender(wait -> Thread.sleep(wait.toMillis()), () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
  }

  /**
   * The answer to {@code attempt}, tried as {@code retries} say (already {@link Retries#checked}): the first answer not sent
   * again, or the last one.
   *
   * @throws IOException the failure of the only try, or {@link GaveUp} after more than one
   */
  <T> HttpResponse<T> send(Retries retries, Attempt<T> attempt) throws IOException, InterruptedException {
    int most = retries.maxRetries();
    for (int resent = 0; ; resent++) {
      HttpResponse<T> response;
      try {
        response = attempt.send();
      } catch (FileNotFoundException | FileSystemException | InterruptedIOException notTheServer) {
        throw notTheServer;
      } catch (IOException e) {
        if (resent == most) {
          throw resent == 0 ? e : new GaveUp(resent + 1, e);
        }
        pause.pause(waitWithout(retries, resent + 1));
        continue;
      }
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      if (response.statusCode() / 100 == 2 || resent == most || !retries.resent(response.statusCode(), retryAfter)) {
        return response;
      }
      Duration wait;
      try {
        wait = retries.wait(resent + 1, retryAfter, clock.instant(), random);
      } catch (Retries.Unreadable e) { // as urllib3's InvalidHeader, thrown as it would sleep before the resend
        UnreadableRetryAfter unreadable = new UnreadableRetryAfter(response.statusCode(), retryAfter);
        throw resent == 0 ? unreadable : new GaveUp(resent + 1, unreadable);
      }
      pause.pause(wait);
    }
  }

  /** The wait before resend {@code n} of a call that had no answer: the backoff. */
  private Duration waitWithout(Retries retries, int n) {
    try {
      return retries.wait(n, null, clock.instant(), random);
    } catch (Retries.Unreadable none) {
      throw new IllegalStateException("no header was read", none);
    }
  }

  /**
   * An answer to be sent again whose {@code Retry-After}, respected, is neither a number of seconds nor an HTTP date: the
   * call ends, as MLflow's Python client's does (urllib3's {@code InvalidHeader}); {@link Failures} says it.
   */
  static final class UnreadableRetryAfter extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String header;

    UnreadableRetryAfter(int status, String header) {
      super("Retry-After '" + header + "' is neither a number of seconds nor a date");
      this.status = status;
      this.header = header;
    }
  }
}
