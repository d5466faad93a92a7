package dev.kfp4j.processor.javac;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.ReferenceTree;
import com.sun.source.util.DocTreePath;
import com.sun.source.util.DocTreePathScanner;
import com.sun.source.util.DocTrees;
import com.sun.source.util.TreePath;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A doc comment copied into another class with its references ({@code {@link}}, {@code {@linkplain}}, {@code @see})
 * written in full: {@code {@link Helper}} resolves through the imports of the file it was written in, and in a
 * generated class, which has other imports, javadoc found no {@code Helper} ("reference not found", an error). A
 * reference javac resolves to a type, or to a member of one, gets the type's qualified name; others stay as written.
 * Without javac's Tree API the comment stays as it is.
 */
public final class DocLinks {
  private final DocTrees trees;

  public DocLinks(ProcessingEnvironment env) {
    DocTrees t;
    try {
      t = DocTrees.instance(PipelineBodies.unwrap(env));
    } catch (RuntimeException | LinkageError e) {
      t = null;
    }
    this.trees = t;
  }

  /** {@code comment}, the doc comment of {@code e} as {@code Elements.getDocComment} gives it, its references in full. */
  public String qualified(Element e, String comment) {
    if (comment == null || trees == null || !comment.contains("{@link") && !comment.contains("@see")) {
      return comment; // nothing to qualify: no comment is parsed again
    }
    try {
      return qualified(trees.getPath(e), comment);
    } catch (RuntimeException | LinkageError ex) { // an IDE's javac may lack a part: the comment as written is the op's still
      return comment;
    }
  }

  private String qualified(TreePath path, String comment) {
    DocCommentTree doc = path == null ? null : trees.getDocCommentTree(path);
    if (doc == null) {
      return comment;
    }
    Map<String, String> full = new LinkedHashMap<>();
    new DocTreePathScanner<Void, Void>() {
      @Override
      public Void visitReference(ReferenceTree ref, Void unused) {
        String signature = ref.getSignature();
        String written = inFull(signature, trees.getElement(getCurrentPath()));
        if (written != null && !written.equals(signature)) {
          full.put(signature, written);
        }
        return null;
      }
    }.scan(new DocTreePath(path, doc), null);
    String out = comment;
    for (Map.Entry<String, String> f : full.entrySet()) {
      for (String tag : new String[] {"{@link ", "{@linkplain ", "@see "}) {
        out = replace(out, tag + f.getKey(), tag + f.getValue());
      }
    }
    return out;
  }

  /** {@code signature} with the type it names written in full, or null when it names no type or member of one. */
  private static String inFull(String signature, Element target) {
    Element type = target;
    while (type != null && !(type instanceof TypeElement)) {
      type = type.getEnclosingElement();
    }
    if (type == null) {
      return null;
    }
    String name = ((TypeElement) type).getQualifiedName().toString();
    int hash = signature.indexOf('#');
    if (hash >= 0) {
      return name + signature.substring(hash);
    }
    return target instanceof TypeElement ? name : null;
  }

  /** {@code s} with each {@code from} that a space, a line break or a closing brace follows (a whole reference) as {@code to}. */
  private static String replace(String s, String from, String to) {
    StringBuilder out = new StringBuilder(s.length() + 32);
    int i = 0;
    while (true) {
      int at = s.indexOf(from, i);
      if (at < 0) {
        return out.append(s, i, s.length()).toString();
      }
      int end = at + from.length();
      boolean whole = end == s.length() || Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '}';
      out.append(s, i, at).append(whole ? to : from);
      i = end;
    }
  }
}
