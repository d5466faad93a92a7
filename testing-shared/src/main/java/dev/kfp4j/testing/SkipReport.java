package dev.kfp4j.testing;

import java.io.IOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Tells the lines of {@link SkippedTests} when a launcher session ends. Registered with the JUnit Platform through
 * {@code META-INF/services}, with the listeners that count.
 */
public final class SkipReport implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try {
      SkippedTests.JVM.opened();
    } catch (IOException e) {
      System.out.println("kfp4j: the skipped tests of the JVMs running these tests cannot be added up (" + e + ")");
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      SkippedTests.JVM.closed().forEach(System.out::println);
    } catch (IOException e) {
      System.out.println("kfp4j: the skipped tests of the JVMs running these tests cannot be added up (" + e + ")");
    }
  }
}
