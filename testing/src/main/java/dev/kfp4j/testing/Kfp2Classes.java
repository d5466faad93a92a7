package dev.kfp4j.testing;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class output folder holding compiled pipelines in both forms, as {@code mvn compile} writes
 * them: each Argo workflow as compiled ({@code META-INF/kfp4j/pipelines/<name>.yaml}), and its KFP
 * 2 pipeline spec ({@code META-INF/kfp4j/kfp2/pipelines/<name>.yaml}) written from it through the
 * model, for tests of the cluster commands with KFP 2 pipelines.
 */
public final class Kfp2Classes {
  private Kfp2Classes() {}

  /** {@code dir} with {@code pipelines} of the class output {@code classes} in both forms. */
  public static Path of(Path classes, Path dir, String... pipelines) {
    try {
      for (String name : pipelines) {
        String argo = Files.readString(classes.resolve("META-INF/kfp4j/pipelines/" + name + ".yaml"));
        Path v1 = dir.resolve("META-INF/kfp4j/pipelines/" + name + ".yaml");
        Path v2 = dir.resolve("META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml");
        Files.createDirectories(v1.getParent());
        Files.createDirectories(v2.getParent());
        Files.writeString(v1, argo);
        Files.writeString(v2, Kfp2Writer.write(ArgoReader.read(argo, name)));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
