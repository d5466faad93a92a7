package dev.kfp4j.model;

/** One method per {@link TaskSetting}: what a format does with each, so a new setting no format handles does not compile. */
public interface SettingVisitor<R> {
  R displayName(TaskSetting.DisplayName s);

  R resource(TaskSetting.Resource s);

  R accelerator(TaskSetting.Accelerator s);

  R resourceFrom(TaskSetting.ResourceFrom s);

  R acceleratorFrom(TaskSetting.AcceleratorFrom s);

  R env(TaskSetting.Env s);

  R secretEnv(TaskSetting.SecretEnv s);

  R configMapEnv(TaskSetting.ConfigMapEnv s);

  R nodeSelector(TaskSetting.NodeSelector s);

  R toleration(TaskSetting.Toleration s);

  R retry(RunSetting.Retry s);

  R retryBackoff(RunSetting.RetryBackoff s);

  R timeout(RunSetting.Timeout s);

  R caching(RunSetting.Caching s);

  R cacheKey(RunSetting.CacheKey s);

  R ignoreUpstreamFailure(RunSetting.IgnoreUpstreamFailure s);

  R imagePullPolicy(TaskSetting.ImagePullPolicy s);

  R containerImage(TaskSetting.ContainerImage s);

  R podLabel(TaskSetting.PodLabel s);

  R podAnnotation(TaskSetting.PodAnnotation s);

  R pvcMount(TaskSetting.PvcMount s);

  R volumeMount(TaskSetting.VolumeMount s);

  R pvcMountFrom(TaskSetting.PvcMountFrom s);

  R tolerationFrom(TaskSetting.TolerationFrom s);

  R secretVolume(TaskSetting.SecretVolume s);

  R configMapVolume(TaskSetting.ConfigMapVolume s);

  R fieldPathEnv(TaskSetting.FieldPathEnv s);

  R emptyDirMount(TaskSetting.EmptyDirMount s);

  R nodeAffinity(TaskSetting.NodeAffinity s);

  R ephemeralVolume(TaskSetting.EphemeralVolume s);

  R envFrom(PodSetting.EnvFrom s);

  R volumeFrom(PodSetting.VolumeFrom s);

  R imagePullSecretFrom(PodSetting.ImagePullSecretFrom s);

  R nodeSelectorFrom(PodSetting.NodeSelectorFrom s);

  R nodeAffinityFrom(PodSetting.NodeAffinityFrom s);

  R securityContext(PodSetting.SecurityContext s);

  R podAffinity(PodSetting.PodAffinity s);

  R optionalArgument(ArgoSetting.OptionalArgument s);

  R globalName(ArgoSetting.GlobalName s);

  R archive(ArgoSetting.Archive s);
}
