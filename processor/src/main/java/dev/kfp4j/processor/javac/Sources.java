package dev.kfp4j.processor.javac;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Which types this compilation compiles from source, and their files: what a partial
 * compilation (an IDE's, an incremental build's) leaves out. Without javac's Tree API nothing is
 * known ({@link #available} false).
 */
public final class Sources {
  private final ProcessingEnvironment env;
  private final Trees trees;

  public Sources(ProcessingEnvironment env) {
    this.env = env;
    Trees t;
    try {
      t = Trees.instance(PipelineBodies.unwrap(env));
    } catch (RuntimeException | LinkageError e) {
      t = null;
    }
    this.trees = t;
  }

  public boolean available() {
    return trees != null;
  }

  /** Whether type {@code qualifiedName} is compiled from source now (not read from a class file). */
  public boolean compiledNow(String qualifiedName) {
    TypeElement type = env.getElementUtils().getTypeElement(qualifiedName);
    return type != null && trees != null && trees.getPath(type) != null;
  }

  /** The path of {@code e} in the source it is compiled from now; null when it is not (from a class file), or nothing is known. */
  public TreePath path(Element e) {
    return trees == null ? null : trees.getPath(e);
  }

  /**
   * The classes the file of {@code e} imports, one by one or by a static import of their members, but those of {@code
   * java.*} and {@code javax.*}; none when nothing is known.
   */
  public java.util.List<TypeElement> imported(Element e) {
    TreePath path = path(e);
    java.util.List<TypeElement> out = new java.util.ArrayList<>();
    for (com.sun.source.tree.ImportTree i : path == null ? java.util.List.<com.sun.source.tree.ImportTree>of()
        : path.getCompilationUnit().getImports()) {
      String name = i.getQualifiedIdentifier().toString();
      if (i.isStatic() || name.endsWith(".*")) {
        name = name.substring(0, name.lastIndexOf('.')); // the class of a member, or a package (no class)
      }
      TypeElement type = name.startsWith("java.") || name.startsWith("javax.") ? null : env.getElementUtils().getTypeElement(name);
      if (type != null) {
        out.add(type);
      }
    }
    return out;
  }

  /** The source file of {@code e} relative to its source root, such as {@code com/acme/Flows.java}; null when unknown. */
  public String file(Element e) {
    TreePath path = trees == null ? null : trees.getPath(e);
    if (path == null) {
      return null;
    }
    String uri = path.getCompilationUnit().getSourceFile().toUri().getPath();
    String name = uri == null ? null : uri.substring(uri.lastIndexOf('/') + 1);
    PackageElement pkg = env.getElementUtils().getPackageOf(e);
    return pkg.isUnnamed() || name == null ? name : pkg.getQualifiedName().toString().replace('.', '/') + "/" + name;
  }
}
