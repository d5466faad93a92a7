package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.VolumeBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * A run makes each PersistentVolumeClaim once. A claim with a fixed name ({@code uniqueName(false)}) is that name in either
 * format; one named after the run is {@code {{workflow.name}}-<resource name>} in the Argo workflow, so two {@code
 * Dsl.volume("data", ...)} or one in a loop make one claim twice there, while KFP 2 names each such claim at random. The error is
 * on the second volume making a claim, or on the volume in the loop.
 */
final class VolumeClaimCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    boolean argo = graph.pipeline().writes(Format.ARGO);
    Map<String, VolumeBuilder> claims = new HashMap<>();
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof VolumeBuilder v) || !argo && !v.fixedName()) {
        continue;
      }
      if (step.group().inLoop()) {
        if (v.fixedName()) {
          reporter.error(v.position(), Message.VOLUME_FIXED_IN_LOOP, v.claim(), argo
              ? "drop uniqueName(false) and write this pipeline for KFP 2 only, which names each iteration's claim at random: "
                  + "@Pipeline(formats = Format.KFP2)"
              : "drop uniqueName(false): KFP 2 names each iteration's claim at random");
        } else {
          reporter.error(v.position(), FormatMessage.ARGO_VOLUME_IN_LOOP, v.resourceName());
        }
        continue;
      }
      VolumeBuilder first = claims.putIfAbsent(v.claim(), v);
      if (first != null) {
        reporter.error(v.position(), Message.VOLUME_CLAIM_TWICE, v.claim(), first.name(), first.name());
      }
    }
  }
}
