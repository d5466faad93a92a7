package dev.kfp4j.mlflow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server on loopback that takes connections and never answers, at {@link #uri()}, until closed. */
final class SilentServer implements AutoCloseable {
  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  /** The connections taken. */
  final List<Socket> held = new CopyOnWriteArrayList<>();

  SilentServer() throws IOException {
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          held.add(socket.accept()); // read nothing, write nothing
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : held) {
      s.close();
    }
  }
}
