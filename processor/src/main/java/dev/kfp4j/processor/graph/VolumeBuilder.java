package dev.kfp4j.processor.graph;

import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.processor.base.Position;
import java.util.List;

/** A volume made for the run ({@code Dsl.volume}); its size is its argument {@code size}. */
public final class VolumeBuilder extends StepBuilder {
  private final String resourceName;
  private final String accessMode;
  private final String storageClass;
  private boolean uniqueName = true;

  VolumeBuilder(String name, String resourceName, String accessMode, String storageClass, Group group, Position position) {
    super(name, group, position);
    this.resourceName = resourceName;
    this.accessMode = accessMode;
    this.storageClass = storageClass;
  }

  /** {@code uniqueName(false)}: the claim is named by the resource name itself. */
  public void uniqueName(boolean unique) {
    uniqueName = unique;
  }

  /** The claim's name as the Argo workflow makes it: the resource name, after the run's name unless {@code uniqueName(false)}. */
  public String claim() {
    return VolumeStep.claim(resourceName, uniqueName, VolumeStep.ARGO_RUN);
  }

  /** The resource name {@code Dsl.volume} was given. */
  public String resourceName() {
    return resourceName;
  }

  /** Whether the claim's name is the resource name itself ({@code uniqueName(false)}). */
  public boolean fixedName() {
    return !uniqueName;
  }

  @Override
  public boolean hasOutput(String output) {
    return VolumeStep.OUTPUTS.contains(output);
  }

  @Override
  VolumeStep build() {
    return new VolumeStep(name(), resourceName, arguments.values().get("size"), accessMode, storageClass, List.copyOf(after), builtSettings(),
        VolumeStep.Deletion.afterMounts(name()), uniqueName); // deleted when the tasks that mount it are done, in KFP 2
  }
}
