package dev.kfp4j.processor;

import dev.kfp4j.local.PipelinesIndex;
import dev.kfp4j.processor.javac.Sources;
import dev.kfp4j.processor.model.PipelineModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * The compiled pipelines of the other modules of a project on this module's class path (their jars, or classes folders in a
 * reactor build or an IDE): a pipeline of this module named as one of theirs would write files of the same names ({@code
 * META-INF/kfp4j/pipelines/<name>.yaml}, and KFP 2's), of which a class path holding both (the application's, its image's)
 * gives one for both. The places looked in: the jar or folder of each class from the class path that this module's
 * pipelines call (ops, pipelines) or their files import, and the first classes folder of the class path holding a file of
 * that name (javac lists no {@code META-INF} folder in a jar). Neither this module's class output (on Maven's class path,
 * with what this module compiled before) nor an earlier output of this module's (its index names the pipeline's own class)
 * is another module.
 */
final class OtherModulePipelines {
  private final Filer filer;
  private final Elements elements;
  private final Sources sources;
  /** The classes from the class path whose files the pipelines read so far ({@link SpecSource#namedBy}). */
  private final Supplier<Collection<TypeElement>> called;
  /** The jar or folder each class from the class path comes from (absent: in none), as found once. */
  private final Map<TypeElement, Optional<Path>> rootOf = new HashMap<>();

  OtherModulePipelines(Filer filer, Elements elements, Sources sources, Supplier<Collection<TypeElement>> called) {
    this.filer = filer;
    this.elements = elements;
    this.sources = sources;
    this.called = called;
  }

  /**
   * Where another module's compiled pipeline of the name {@code name} of {@code method}'s pipeline is ({@code
   * "org.acme.lib.Prep, in .../lib-1.0.jar"}), or null when none is.
   */
  String holder(String name, ExecutableElement method) {
    List<String> resources = List.of(PipelineModel.resourcePath(name), PipelineModel.kfp2ResourcePath(name));
    Path output = root(StandardLocation.CLASS_OUTPUT, PipelineIndex.RESOURCE);
    for (Path root : roots(method, resources)) {
      if (root.equals(output) || resources.stream().allMatch(r -> ClassRootResources.read(root, r) == null)) {
        continue;
      }
      String index = ClassRootResources.read(root, PipelineIndex.RESOURCE);
      PipelineIndex.Entry entry = index == null ? null : PipelineIndex.entries(PipelinesIndex.parse(index)).get(name);
      String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      if (entry == null || !entry.owner().equals(owner)) { // else compiled from this very class: an earlier output of this module
        return (entry == null ? "" : entry.owner() + ", ") + "in " + root;
      }
    }
    return null;
  }

  /** The jars and folders of the class path to look in for {@code resources}, the files of {@code method}'s pipeline. */
  private Set<Path> roots(ExecutableElement method, List<String> resources) {
    Set<Path> roots = new LinkedHashSet<>();
    for (String resource : resources) {
      Path folder = root(StandardLocation.CLASS_PATH, resource);
      if (folder != null) {
        roots.add(folder);
      }
    }
    if (!sources.available()) {
      return roots; // which classes come from the class path is not known
    }
    for (TypeElement type : called.get()) {
      add(roots, type);
    }
    for (TypeElement type : sources.imported(method)) {
      if (!type.getQualifiedName().toString().startsWith("dev.kfp4j.")) { // kfp4j's own jars hold no pipelines
        add(roots, type);
      }
    }
    return roots;
  }

  /** Adds the jar or folder {@code type} comes from, when it comes from the class path. */
  private void add(Set<Path> roots, TypeElement type) {
    if (type != null && sources.path(type) == null) {
      rootOf.computeIfAbsent(type, t -> Optional.ofNullable(ClassRootResources.root(filer, elements, t))).ifPresent(roots::add);
    }
  }

  /** The folder of {@code location} that holds {@code resource}, when it is a folder; null when none does or it is no folder. */
  private Path root(StandardLocation location, String resource) {
    try {
      URI uri = filer.getResource(location, "", resource).toUri();
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        return null;
      }
      Path file = Path.of(uri);
      for (int i = 0; i < resource.split("/").length; i++) {
        file = file.getParent();
      }
      return file;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
