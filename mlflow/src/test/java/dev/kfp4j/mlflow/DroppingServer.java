package dev.kfp4j.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on loopback whose first {@code failing} connections fail: each reads its request's head and {@code
 * readFirst} bytes of the body, then closes the connection without answering, or, when {@code stall}, reads no more and
 * answers nothing until the server is closed. Every later connection reads its requests whole, keeps them ({@link
 * #received}) and answers each 200 with {@code {}}.
 */
final class DroppingServer implements AutoCloseable {
  /** A request read whole: its method, path and body. */
  record Received(String method, String path, byte[] body) {}

  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** The connections taken, failed ones included. */
  final AtomicInteger connections = new AtomicInteger();
  final List<Received> received = new CopyOnWriteArrayList<>();

  DroppingServer(int failing, long readFirst, boolean stall) throws IOException {
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = socket.accept();
          held.add(s);
          boolean fails = connections.incrementAndGet() <= failing;
          Thread serving = new Thread(() -> serve(s, fails, readFirst, stall));
          serving.setDaemon(true);
          serving.start();
        }
      } catch (IOException closedNow) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve(Socket s, boolean fails, long readFirst, boolean stall) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        String head = SlowServer.head(in);
        if (!head.endsWith("\r\n\r\n")) {
          return; // the client closed the connection
        }
        long length = 0;
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
          }
        }
        String[] requestLine = head.split(" ", 3);
        if (fails) {
          in.readNBytes((int) Math.min(readFirst, length));
          if (stall) {
            closed.await();
          }
          return; // closed without an answer
        }
        received.add(new Received(requestLine[0], requestLine[1], in.readNBytes((int) length)));
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | InterruptedException over) {
      // the client went, or the test is over
    }
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
