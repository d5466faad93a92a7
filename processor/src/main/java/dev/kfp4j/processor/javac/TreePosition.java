package dev.kfp4j.processor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.kfp4j.processor.base.Position;
import javax.tools.Diagnostic;

/** A place in a method body: a tree of a compilation unit. */
record TreePosition(Trees trees, CompilationUnitTree unit, Tree tree) implements Position {
  @Override
  public void print(Diagnostic.Kind kind, String text) {
    trees.printMessage(kind, text, tree, unit);
  }
}
