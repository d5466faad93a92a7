package dev.kfp4j.mlflow;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request bounded by inactivity, not by its length: it fails when no byte of its body was taken to be sent, and none of
 * the answer came, for {@code idle}, however long the whole transfer takes. The JDK's {@link HttpRequest#timeout} bounds
 * the time until the answer, the body's sending included, so a large file on a slow link failed although it kept moving.
 *
 * <p>The body is taken as the client asks for it, which it does as the connection takes what it was given: a byte taken is
 * one the socket took, which may wait in the system's buffers (some hundred KiB) before it is on its way; so a server that
 * stops reading is seen when those are full, then {@code idle} later. On that, the request is cancelled (its connection
 * closed) and {@link Stalled} thrown.
 */
final class IdleWatch {
  private final Duration idle;
  private final AtomicLong lastMoved = new AtomicLong(System.nanoTime());

  /** Nothing moved for the watch's time. */
  static final class Stalled extends HttpTimeoutException {
    Stalled(Duration idle) {
      super("nothing sent or received for " + idle.toSeconds() + " s");
    }
  }

  IdleWatch(Duration idle) {
    this.idle = idle;
  }

  /** {@code body}, watched as the client takes it. */
  HttpRequest.BodyPublisher watched(HttpRequest.BodyPublisher body) {
    return new HttpRequest.BodyPublisher() {
      @Override
      public long contentLength() {
        return body.contentLength();
      }

      @Override
      public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscriber.onSubscribe(subscription);
          }

          @Override
          public void onNext(ByteBuffer item) {
            moved();
            subscriber.onNext(item);
          }

          @Override
          public void onError(Throwable error) {
            subscriber.onError(error);
          }

          @Override
          public void onComplete() {
            moved();
            subscriber.onComplete();
          }
        });
      }
    };
  }

  /**
   * Sends {@code request}, whose body is {@link #watched}, through {@code http}, and its answer's body through {@code
   * handler}, watched as it comes.
   *
   * @throws Stalled when nothing moved for the watch's time (the request is then cancelled)
   */
  <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    moved();
    CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, info -> watched(handler.apply(info)));
    try {
      while (true) {
        long left = idle.toNanos() - (System.nanoTime() - lastMoved.get());
        if (left <= 0) {
          answer.cancel(true);
          throw new Stalled(idle);
        }
        try {
          return answer.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException notYet) {
          // something may have moved since: look again
        }
      }
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof InterruptedException) {
        throw new InterruptedIOException("interrupted");
      }
      throw new IOException(e.getCause());
    }
  }

  private <T> HttpResponse.BodySubscriber<T> watched(HttpResponse.BodySubscriber<T> body) {
    moved();
    return new HttpResponse.BodySubscriber<T>() {
      @Override
      public CompletionStage<T> getBody() {
        return body.getBody();
      }

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        body.onSubscribe(subscription);
      }

      @Override
      public void onNext(List<ByteBuffer> item) {
        moved();
        body.onNext(item);
      }

      @Override
      public void onError(Throwable error) {
        body.onError(error);
      }

      @Override
      public void onComplete() {
        body.onComplete();
      }
    };
  }

  private void moved() {
    lastMoved.set(System.nanoTime());
  }
}
