package dev.kfp4j.model;

import java.util.Objects;
import java.util.Set;

/**
 * What an Argo workflow says of a step's arguments and outputs that a run on one machine does without, kept so that a
 * workflow read and written again says the same: an argument artifact passed {@code optional}, an output exported under a
 * {@code globalName}, an output artifact's {@code archive}. No DSL method makes them; only a workflow read does. KFP 2
 * has no place for them ({@code Kfp2Writer} refuses them).
 */
public sealed interface ArgoSetting extends TaskSetting permits ArgoSetting.OptionalArgument, ArgoSetting.GlobalName,
    ArgoSetting.Archive {
  /**
   * The step's file input {@code input} is passed with {@code optional: true}: where its source is missing (an optional output
   * not saved) Argo drops it instead of failing to resolve it.
   */
  record OptionalArgument(String input) implements ArgoSetting {
    public OptionalArgument {
      Objects.requireNonNull(input, "input");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.optionalArgument(this);
    }
  }

  /**
   * Output {@code output} of the step, as an output artifact ({@code artifact}) or parameter, is exported to the workflow as
   * {@code globalName} ({@code {{workflow.outputs.parameters.NAME}}}, the workflow's outputs).
   */
  record GlobalName(String output, boolean artifact, String globalName) implements ArgoSetting {
    public GlobalName {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(globalName, "globalName");
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.globalName(this);
    }
  }

  /**
   * How output artifact {@code output} is archived when saved: {@code strategy} {@code none}, {@code tar} (with {@code
   * compressionLevel}, or null for Argo's default) or {@code zip}.
   */
  record Archive(String output, String strategy, Integer compressionLevel) implements ArgoSetting {
    /** Argo's archive strategies. */
    public static final Set<String> STRATEGIES = Set.of("none", "tar", "zip");

    public Archive {
      Objects.requireNonNull(output, "output");
      if (!STRATEGIES.contains(strategy)) {
        throw new IllegalArgumentException("archive '" + strategy + "': one of " + SettingChecks.sorted(STRATEGIES));
      }
      if (compressionLevel != null && !strategy.equals("tar")) {
        throw new IllegalArgumentException("archive '" + strategy + "': only tar takes a compressionLevel");
      }
    }

    @Override
    public <R> R accept(SettingVisitor<R> v) {
      return v.archive(this);
    }
  }
}
