package dev.kfp4j.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.net.URI;

/**
 * Opens an address in the desktop's browser for {@code ui --open}, or says on one line why it cannot: no display (a
 * server, a container, SSH without X forwarding), a display that cannot be reached ({@code DISPLAY} left from another
 * session), a desktop without a browser Java can start. The address was printed before, so the command goes on: not
 * opening is no failure of it, and no stack trace.
 */
final class Browser {
  private Browser() {}

  /** Opens {@code address}; whether it did, after a line on {@code err} saying why not. */
  static boolean open(URI address, PrintWriter err) {
    String why;
    try {
      if (GraphicsEnvironment.isHeadless()) {
        why = "no display (DISPLAY is not set, or Java runs headless)";
      } else if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        why = "the desktop has no browser Java can start";
      } else {
        Desktop.getDesktop().browse(address);
        return true;
      }
    } catch (java.awt.AWTError | UnsupportedOperationException | SecurityException
        | java.io.IOException | LinkageError e) { // AWTError: "Can't connect to X11 window server using ':9' ...", HeadlessException
      String said = dev.kfp4j.image.EngineOrRegistryException.oneLine(e.getMessage());
      why = said.isEmpty() ? e.getClass().getSimpleName() : said;
    }
    err.println("kfp4j: cannot open a browser here: " + why + "; open the address above yourself");
    err.flush();
    return false;
  }
}
