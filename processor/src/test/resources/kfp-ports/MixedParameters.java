package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** KFP's critical/mixed_parameters.py: a value returned through two levels of called pipelines. */
public final class MixedParameters {
  private MixedParameters() {}

  @Component
  public static int coreComp() {
    return 1;
  }

  @Component
  public static void crustComp(int x, int y) {
    System.out.println("sum : " + (x + y));
  }

  @Pipeline(formats = Format.KFP2)
  public static int core() {
    return MixedParametersOps.coreComp().caching(false).output();
  }

  @Pipeline(formats = Format.KFP2)
  public static int mantle() {
    return core();
  }

  @Pipeline(name = "mixed-parameters-pipeline", formats = Format.KFP2)
  public static void mixedParameters() {
    int y = mantle();
    MixedParametersOps.crustComp(2, y).caching(false);
  }

}
