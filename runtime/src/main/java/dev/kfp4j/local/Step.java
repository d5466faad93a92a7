package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One command to run for a task, in plain values: what launchers, the cache and the run record
 * work with, whatever format the pipeline came in.
 *
 * @param id where the task is in the run
 * @param name the task's name in its graph
 * @param template what it runs, for people (a template or component name)
 * @param dir the task's folder, inside the run's folder
 * @param image the container image it names (part of the cache key; not run here)
 * @param command its command line as the container would run it (the cache key)
 * @param localCommand the same with the container's paths mapped to files here: what runs
 * @param env environment variables it sets
 * @param parameterFiles files it writes output values to, by output name
 * @param artifactFiles files or folders it writes output artifacts to, by output name
 * @param inputFiles files it reads, by input name (part of the cache key)
 * @param volumes folders standing for volumes it mounts, created before it runs
 * @param retry how often it runs again after failing
 * @param timeoutSeconds when it is stopped (0: never)
 * @param caching whether its outputs may be reused, and stored for reuse
 * @param cacheKey its own cache key (KFP's {@code cache_key}): with it, the key is the key and the component's name
 *     alone, or null
 * @param javaMode how a kfp4j Java entrypoint runs
 * @param mounts the container paths its command names and the files and folders here that stand for them
 * @param limits its container's resource limits, Kubernetes quantities by resource ({@code cpu}, {@code memory})
 * @param artifactTypes the schema title of each output artifact the pipeline types ({@code system.Model})
 * @param executorOutput where a component run with KFP 2's executor protocol writes its executor
 *     output (artifact metadata, values), or null for a command that takes plain arguments
 * @param parameterTypes the type of each output value its component declares, by output name (those of no parameter type
 *     left out): what a KFP 2 run checks a value's file against, as KFP 2's launcher reads it
 * @param parameterDefaults the value of each output value whose file it may leave unwritten or unreadable, by output name (an
 *     Argo output parameter's {@code valueFrom.default})
 * @param optionalArtifacts the output artifacts it may leave unwritten, and succeed: they are not among its outputs then (an
 *     Argo output artifact's {@code optional: true})
 * @param templateKey what else of its template keys its cache besides its image, command line and input files, as KFP v1's
 *     cache keys an Argo template: the outputs of another tool's template ({@link dev.kfp4j.format.argo.TemplateOutputs}),
 *     the environment an Argo task sets, the volumes it mounts ({@link MountKeys}, as KFP 2's key holds its claims too);
 *     empty where none
 */
record Step(
    TaskId id,
    String name,
    String template,
    Path dir,
    String image,
    List<String> command,
    List<String> localCommand,
    Map<String, String> env,
    Map<String, Path> parameterFiles,
    Map<String, Path> artifactFiles,
    Map<String, Path> inputFiles,
    List<Path> volumes,
    RetryPolicy retry,
    long timeoutSeconds,
    boolean caching,
    String cacheKey,
    LocalRunner.JavaMode javaMode,
    Mounts mounts,
    Map<String, String> limits,
    Map<String, String> artifactTypes,
    Path executorOutput,
    Map<String, dev.kfp4j.model.ParameterType> parameterTypes,
    Map<String, String> parameterDefaults,
    java.util.Set<String> optionalArtifacts,
    String templateKey) implements Plan.Work {

  Step {
    command = List.copyOf(command);
    localCommand = List.copyOf(localCommand);
    volumes = List.copyOf(volumes);
    limits = Map.copyOf(limits);
    artifactTypes = artifactTypes == null ? Map.of() : Map.copyOf(artifactTypes);
    parameterTypes = parameterTypes == null ? Map.of() : Map.copyOf(parameterTypes);
    parameterDefaults = Map.copyOf(parameterDefaults);
    optionalArtifacts = java.util.Set.copyOf(optionalArtifacts);
    templateKey = templateKey == null ? "" : templateKey;
  }

  /**
   * Where the container's paths are here, by container path: each output file or folder it
   * writes, each input file it reads, each volume it mounts.
   */
  record Mounts(Map<String, Path> outputs, Map<String, Path> inputs, Map<String, Path> volumes) {
    static final Mounts NONE = new Mounts(Map.of(), Map.of(), Map.of());

    Mounts {
      outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
      inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
      volumes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(volumes));
    }
  }

  /** This step with {@code files} as its output artifacts' files. */
  Step withArtifactFiles(Map<String, Path> files) {
    return new Step(id, name, template, dir, image, command, localCommand, env, parameterFiles, files, inputFiles, volumes, retry,
        timeoutSeconds, caching, cacheKey, javaMode, mounts, limits, artifactTypes, executorOutput, parameterTypes, parameterDefaults,
        optionalArtifacts, templateKey);
  }

  Path log() {
    return dir.resolve("log.txt");
  }
}
