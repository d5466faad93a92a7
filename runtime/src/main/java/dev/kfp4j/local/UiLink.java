package dev.kfp4j.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where the local UI ({@code kfp4j ui --local}) serves the runs of a runs folder, so that a run
 * that ends can print the link to its page: the UI writes {@code <root>/ui.url} (its address,
 * then its process id and start time) while it serves, and removes it when it stops. A file left by a UI that
 * was killed names a process that is gone, even where its id is another process's now, and is ignored.
 */
public final class UiLink {
  /** The file in the runs folder. */
  public static final String FILE = "ui.url";

  private UiLink() {}

  /** The page of run {@code runId} of {@code pipeline} when a UI serves {@code root}. */
  public static Optional<URI> runPage(Path root, String pipeline, String runId) {
    Path file = root.resolve(FILE);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      // its process id and start time (a file of an older kfp4j has no start: its id alone), as another process may have the id since
      if (lines.size() < 2 || !Owners.alive(Long.parseLong(lines.get(1).trim()), lines.size() < 3 ? 0 : Long.parseLong(lines.get(2).trim()))) {
        return Optional.empty();
      }
      URI ui = URI.create(lines.get(0).trim());
      return "http".equals(ui.getScheme()) ? Optional.of(runPage(ui, pipeline, runId)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The page of a run on the UI at {@code ui}. */
  public static URI runPage(URI ui, String pipeline, String runId) {
    return ui.resolve("/#/run/" + pipeline + "/" + runId);
  }

  /** Says that a UI at {@code ui}, in this process, serves {@code root}. */
  public static void write(Path root, URI ui) throws IOException {
    Files.createDirectories(root);
    Path temp = Files.createTempFile(root, ".ui", ".url");
    Files.writeString(temp, ui + "\n" + ProcessHandle.current().pid() + "\n" + Owners.currentStart() + "\n");
    Files.move(temp, root.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes {@code root}'s file if it still names the UI at {@code ui}. */
  public static void remove(Path root, URI ui) {
    Path file = root.resolve(FILE);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && lines.get(0).trim().equals(ui.toString())) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // gone already
    }
  }
}
