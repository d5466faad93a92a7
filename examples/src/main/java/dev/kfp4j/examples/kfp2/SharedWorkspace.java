package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two tasks sharing a file through the run's workspace, as KFP 2.14's {@code
 * dsl.PipelineConfig(workspace=...)} and {@code dsl.WORKSPACE_PATH_PLACEHOLDER}: one writes a note
 * under the workspace and returns where; the next reads it there. KFP 2 only.
 */
public final class SharedWorkspace {
  private SharedWorkspace() {}

  /**
   * Writes a note into a folder of the workspace.
   *
   * @param folder where, under the workspace
   * @return the note's path
   */
  @Component
  public static String writeNote(String folder) throws IOException {
    Path note = Path.of(folder, "note.txt");
    Files.createDirectories(note.getParent());
    Files.writeString(note, "Hello from the workspace!");
    return note.toString();
  }

  /**
   * Reads a note an earlier task wrote.
   *
   * @param path the note's path
   * @return what it says
   */
  @Component
  public static String readNote(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  /**
   * Writes a note into the workspace and reads it back in another task.
   *
   * @return what the note says
   */
  @Pipeline(name = "shared-workspace", formats = Format.KFP2, workspaceSize = "1Gi", workspaceAccessModes = "ReadWriteOnce")
  public static String sharedWorkspace() {
    var written = SharedWorkspaceOps.writeNote(Dsl.WORKSPACE_PATH + "/notes");
    return SharedWorkspaceOps.readNote(written.output()).output();
  }
}
