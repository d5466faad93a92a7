package dev.kfp4j.processor.base;

import javax.tools.Diagnostic;

/**
 * Where a message points: an element (see {@link Reporter#at}), or a place in a method body,
 * which only javac's Tree API can point at (made in {@code dev.kfp4j.processor.javac}).
 */
@FunctionalInterface
public interface Position {
  /** Prints {@code text} at this position. */
  void print(Diagnostic.Kind kind, String text);
}
