package dev.kfp4j.mlflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on loopback that reads each request's body slowly: {@code chunk} bytes, then a pause of {@code
 * pauseMillis}, and so on, as a slow link would take it; it answers 200 once it read the whole body, or, given {@code
 * stallAfter} bytes, stops reading there and never answers. Its socket's receive buffer is small, so the client's bytes
 * wait in it little.
 */
final class SlowServer implements AutoCloseable {
  private final ServerSocket socket = new ServerSocket();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** The body bytes read, all requests together. */
  final AtomicLong read = new AtomicLong();

  SlowServer(int chunk, long pauseMillis, long stallAfter) throws IOException {
    socket.setReceiveBufferSize(chunk); // set before binding, so the connections it accepts have it
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = socket.accept();
          held.add(s);
          serve(s, chunk, pauseMillis, stallAfter);
        }
      } catch (IOException | InterruptedException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve(Socket s, int chunk, long pauseMillis, long stallAfter) throws IOException, InterruptedException {
    InputStream in = s.getInputStream();
    long length = 0;
    for (String line : head(in).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    byte[] buffer = new byte[chunk];
    for (long left = length; left > 0; ) {
      if (length - left >= stallAfter) {
        closed.await(); // read no more, answer nothing, until the test is over
        return;
      }
      int n = in.read(buffer, 0, (int) Math.min(chunk, left));
      if (n < 0) {
        return;
      }
      left -= n;
      read.addAndGet(n);
      Thread.sleep(pauseMillis);
    }
    OutputStream out = s.getOutputStream();
    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A request's head, read up to its empty line, or what came of it before the connection closed. */
  static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  String uri() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
