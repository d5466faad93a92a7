package dev.kfp4j.processor.base;

/**
 * The messages saying what one format cannot express: a pipeline that KFP 2 or KFP v1's Argo workflow has no form for
 * ({@code [kfp4j:NotInKfp2]}, {@code [kfp4j:NotInArgo]}), each naming the format the pipeline can be written for instead.
 * The rest of the processor's messages are in {@link Message}.
 */
public enum FormatMessage implements Tagged {
  KFP2_RESOURCE_STEP("NotInKfp2",
      "Dsl.resource(...) has no KFP 2 equivalent: KFP 2 runs no Kubernetes resource step; run kubectl in a component of your own, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_VALUE_TO_FILE("NotInKfp2",
      "input '%s' of '%s' is a file, which KFP 2 passes as an artifact: it takes only a file output of another task, and %s is not one; pass the output of a task that writes the file, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_ARTIFACT_PARAMETER_TO_VALUE("TypeMismatch",
      "input '%s' of '%s' takes a value, and pipeline parameter '%s' is an artifact (@InputPath); give it to an artifact or file input, and read the file in the component"),
  KFP2_FILE_TO_VALUE("NotInKfp2",
      "input '%s' of '%s' takes a value, but output '%s' of '%s' is a file (an artifact in KFP 2), which KFP 2 does not read into a value; take the file (@InputPath, or an artifact parameter), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_RETRY_POLICY("NotInKfp2",
      "retries(%d, \"%s\"): KFP 2 retries a task that failed (Argo's OnFailure) and has no other retry policy: the policy is KFP v1's (Argo's) alone; write retries(%d), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_BACKOFF_SECONDS("NotInKfp2",
      "retryBackoff(\"%s\", %d, \"%s\"): KFP 2 waits whole seconds between retries (KFP's backend gives Argo the whole seconds of '%s' alone: %ds); write a whole number of seconds, such as \"%ds\", or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_PIPELINE_SETTING("NotInKfp2",
      "@Pipeline(%s = ...) has no KFP 2 equivalent; %s, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_COMPONENT("NotInKfp2",
      "component '%s' cannot run on KFP 2: %s; write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_VOLUME_OUTPUT("NotInKfp2",
      "output '%s' of volume '%s' has no KFP 2 equivalent: KFP 2's createpvc gives the claim's name alone; pass on the size the volume was given (a constant or pipeline parameter), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_NOT_WRITTEN("NotInKfp2", "%s"),
  KFP2_DEFAULT_NOT_FINITE("NotInKfp2",
      "@Default(\"%s\") of '%s' is no number KFP 2 can hold: its files keep numbers as JSON, which has no nan or infinity; write a finite number, or %s"),
  KFP2_DEFAULT_NOT_EXACT("NotInKfp2", "@Default(\"%s\") of '%s' is no value KFP 2 can hold: %s; or %s"),
  ARGO_COLLECTED("NotInArgo",
      "Dsl.collect(...) collects a loop's outputs, which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_COLLECTED_LIST("NotInArgo",
      "Dsl.collected() collects a task's outputs through loops, which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_LOOP("NotInArgo",
      "Dsl.forEach loops over the artifacts of '%s' collected from '%s' (KFP 2's dsl.ParallelFor over a list of artifacts), which only KFP 2 can: KFP v1's Argo workflow loops over values only; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_CALLED_ARTIFACT_LIST("NotInArgo",
      "output '%s' of pipeline '%s' is a list of artifacts (KFP 2's List[Artifact] output), which only KFP 2 can pass on or loop over: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ONE_OF("NotInArgo",
      "Dsl.oneOf(...) gives the output of whichever branch ran (KFP 2's dsl.OneOf), which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_RUN_VALUE("NotInArgo",
      "%s is a value KFP 2's backend gives a task, which KFP v1's Argo workflow has no variable for; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_PIPELINE_INFO("NotInArgo",
      "@Pipeline(%s) is KFP 2's (%s): KFP v1's Argo workflow has no place for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_WORKSPACE("NotInArgo",
      "a workspace (@Pipeline(workspaceSize)) is KFP 2's: KFP v1's Argo workflow has none; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_EXECUTOR_INPUT("NotInArgo",
      "component '%s' runs KFP 2's executor protocol ({{$}}), which KFP v1 (Argo) does not speak; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_URI("NotInArgo",
      "component '%s' uses the URI of %s ({{$.%s.artifacts['%s'].uri}}), which only KFP 2 gives: KFP v1 (Argo) passes artifacts as files at paths; use its path ({%sPath: %s}), or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_METADATA("NotInArgo",
      "component '%s' uses the metadata of %s ({{$.%s.artifacts['%s'].metadata}}), which only KFP 2 gives: KFP v1 (Argo) passes artifacts as files, without metadata; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_NOT_WRITTEN("NotInArgo", "%s"),
  ARGO_EMPTY_BODY("NotInArgo",
      "%s makes no task: its Argo workflow would hold a DAG template without tasks, which Argo refuses ('must have at least one task'); give it a task, remove it, or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_VOLUME_IN_LOOP("NotInArgo",
      "Dsl.volume in a loop: the Argo workflow names a claim after the run ('{{workflow.name}}-%s'), so each iteration would make the same claim; make the volume before the loop and mount it in the loop's tasks, or write this pipeline for KFP 2 only (which names each claim at random): @Pipeline(formats = Format.KFP2)"),
  ARGO_EXIT_PIPELINE("NotInArgo",
      "the exit task is pipeline '%s' (KFP 2's pipeline as exit task), which only KFP 2 can run: KFP v1's Argo workflow runs one template on exit; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2), or make the exit task a component's"),
  ARGO_ARTIFACT_PARAMETER("NotInArgo",
      "pipeline parameter '%s' is an artifact (KFP's %s), which a KFP v1 pipeline cannot take: an Argo workflow's parameters are values; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2) (a pipeline calling it may still be written for both: in Argo the call's tasks are put into the caller's, given the caller's artifacts)"),
  ARGO_OPTIONAL_PARAMETER("NotInArgo",
      "pipeline parameter '%s' may be left out (@Nullable, no @Default), which KFP v1 cannot express: Argo needs a value for each workflow parameter; give it a @Default, or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_IGNORE_UPSTREAM_FAILURE("NotInArgo",
      "ignoreUpstreamFailure() runs the task when a task it waits for failed (KFP 2's ignore_upstream_failure()), which KFP v1's Argo workflow cannot say of one task: Argo runs a task after a failed one only with continueOn on the failed task, for every task after it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_CACHE_KEY("NotInArgo",
      "cacheKey(...) gives the task a cache key of its own (KFP 2's set_caching_options(cache_key=...)), which KFP v1's cache does not take; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_TASK_CONFIG("NotInArgo",
      "component '%s' %s (KFP 2's dsl.TaskConfig and task_config_passthroughs), which only KFP 2's driver gives: KFP v1 (Argo) has no task configuration; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_IMPORTER("NotInArgo",
      "Dsl.importer(...) imports an artifact, which only KFP 2 can: KFP v1's Argo workflow has no importer; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)");

  private final String tag;

  private final String format;

  /** One of several messages sharing a tag ({@code "NotInArgo"}): one tag per kind of mistake. */
  FormatMessage(String tag, String format) {
    this.tag = "kfp4j:" + tag;
    this.format = format;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
