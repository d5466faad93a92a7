package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder a task's mount of a claim's sub-path sees in a local run: the sub-folder of the claim's folder, as the kubelet
 * mounts a volumeMount's {@code subPath} (the folder made where the claim lacks it, by the step's preparation), never a folder
 * outside the claim's.
 */
final class ClaimSubPath {
  private ClaimSubPath() {}

  /**
   * The folder {@code subPath} within {@code claimFolder}, the claim's own folder for {@code ""}; {@code where} says whose mount
   * it is, for the error.
   *
   * @throws WorkflowException where the sub-path, or a link on its way, would leave the claim's folder, as Kubernetes refuses it
   */
  static Path of(Path claimFolder, String subPath, String where) {
    if (subPath.isEmpty()) {
      return claimFolder;
    }
    List<String> names = new ArrayList<>();
    for (String name : subPath.split("/")) {
      if (!name.isEmpty() && !name.equals(".")) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return claimFolder;
    }
    Path folder;
    try {
      folder = RunPaths.inside(claimFolder, names.toArray(String[]::new));
    } catch (WorkflowException e) {
      throw new WorkflowException(where + " at its sub-path '" + subPath + "', which would leave the claim's folder " + claimFolder
          + "; write a folder within the claim, such as \"models\"");
    }
    // a link in the claim's folder (a task made it) must not lead out of it, as the kubelet refuses such a subPath
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && Files.exists(claimFolder)
          && !existing.toRealPath().startsWith(claimFolder.toRealPath())) {
        throw new WorkflowException(where + " at its sub-path '" + subPath + "', which leads through a link out of the claim's "
            + "folder " + claimFolder + "; write a folder within the claim that is no link");
      }
    } catch (IOException e) {
      throw new WorkflowException(where + " at its sub-path '" + subPath + "': " + FileErrors.why(e));
    }
    return folder;
  }
}
