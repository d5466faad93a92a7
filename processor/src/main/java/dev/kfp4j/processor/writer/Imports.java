package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JavaPoet's choice of how to write a class name in one file: the shortest suffix that means it
 * there (through a nested type, the class itself or an import), else its full name. A first pass
 * over the file's names, with nothing imported, finds what to import ({@link #chosen}); a second,
 * with those imports, writes the names.
 */
final class Imports {
  private final ClassName type;
  private final Set<String> nested;
  private final Map<String, ClassName> imported;
  private final Map<String, ClassName> importable = new HashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Set<String> samePackage = new HashSet<>();

  /** Names in the file of top-level class {@code type}, whose nested types are {@code nested}, importing {@code imported}. */
  Imports(ClassName type, Set<String> nested, Map<String, ClassName> imported) {
    this.type = type;
    this.nested = nested;
    this.imported = imported;
  }

  /** How {@code name} is written here; records it as a type to import if it is not resolved otherwise. */
  String lookup(ClassName name) {
    boolean resolved = false;
    for (ClassName c = name; c != null; c = c.enclosingClassName()) {
      ClassName r = resolve(c.simpleName());
      resolved = r != null; // as JavaPoet: only the outermost class's answer counts below
      if (r != null && r.canonicalName().equals(c.canonicalName())) {
        ClassName outer = c.enclosingClassName();
        return name.canonicalName().substring(outer != null ? outer.canonicalName().length() + 1 : packagePrefix(c));
      }
    }
    if (resolved) {
      return name.canonicalName();
    }
    if (name.packageName().equals(type.packageName())) {
      samePackage.add(name.topLevelClassName().simpleName());
      return name.canonicalName().substring(packagePrefix(name));
    }
    if (!name.packageName().isEmpty()) {
      ClassName top = name.topLevelClassName();
      if (importable.putIfAbsent(top.simpleName(), top) == null) { // the first type of a name wins it
        order.add(top.simpleName());
      }
    }
    return name.canonicalName();
  }

  private ClassName resolve(String simpleName) {
    if (nested.contains(simpleName)) {
      return type.nestedClass(simpleName);
    }
    if (type.simpleName().equals(simpleName)) {
      return type;
    }
    return imported.get(simpleName);
  }

  /** The types to import, by simple name: those seen, less those whose name a type of this package takes. */
  Map<String, ClassName> chosen() {
    Map<String, ClassName> chosen = new HashMap<>();
    for (String simple : order) {
      if (!samePackage.contains(simple)) {
        chosen.put(simple, importable.get(simple));
      }
    }
    return chosen;
  }

  private static int packagePrefix(ClassName c) {
    return c.packageName().isEmpty() ? 0 : c.packageName().length() + 1;
  }
}
