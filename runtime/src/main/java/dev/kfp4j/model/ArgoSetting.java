package dev.kfp4j.model;

import java.util.Objects;

/**
 * What an Argo workflow says of a step's arguments that a run on one machine does without, kept so that a workflow read
 * and written again says the same: an argument artifact passed {@code optional}. No DSL method makes them; only a workflow
 * read does. KFP 2 has no place for them ({@code Kfp2Writer} refuses them).
 */
public sealed interface ArgoSetting extends TaskSetting permits ArgoSetting.OptionalArgument {
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
}
