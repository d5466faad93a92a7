package dev.kfp4j.processor.graph;

import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.processor.base.Position;
import java.util.List;

/** A volume made for the run ({@code Dsl.volume}); its size is its argument {@code size}. */
public final class VolumeBuilder extends StepBuilder {
  private final String resourceName;
  private final String accessMode;
  private final String storageClass;

  VolumeBuilder(String name, String resourceName, String accessMode, String storageClass, Group group, Position position) {
    super(name, group, position);
    this.resourceName = resourceName;
    this.accessMode = accessMode;
    this.storageClass = storageClass;
  }

  @Override
  public boolean hasOutput(String output) {
    return VolumeStep.OUTPUTS.contains(output);
  }

  @Override
  VolumeStep build() {
    return new VolumeStep(name(), resourceName, arguments.values().get("size"), accessMode, storageClass, List.copyOf(after), builtSettings(),
        VolumeStep.Deletion.afterMounts(name())); // deleted when the tasks that mount it are done, in KFP 2
  }
}
