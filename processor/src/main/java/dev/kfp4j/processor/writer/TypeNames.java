package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;

/** Type names as text without JavaPoet's emitter (whose {@code toString()} runs a whole code writer). */
public final class TypeNames {
  private TypeNames() {}

  /** A type's name in full, as in a Javadoc {@code {@link}} signature: {@code java.util.List<java.lang.String>}. */
  public static String canonical(TypeName t) {
    if (t instanceof ClassName c) {
      return c.canonicalName();
    }
    if (t instanceof ParameterizedTypeName p) {
      StringBuilder sb = new StringBuilder(p.rawType().canonicalName()).append('<');
      List<TypeName> args = p.typeArguments();
      for (int i = 0; i < args.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(canonical(args.get(i)));
      }
      return sb.append('>').toString();
    }
    if (t instanceof WildcardTypeName w) {
      if (w.lowerBounds().size() == 1) {
        return "? super " + canonical(w.lowerBounds().get(0));
      }
      return isObject(w.upperBounds().get(0)) ? "?" : "? extends " + canonical(w.upperBounds().get(0));
    }
    if (t instanceof ArrayTypeName a) {
      return canonical(a.componentType()) + "[]";
    }
    return keyword(t);
  }

  static boolean isObject(TypeName t) {
    return t instanceof ClassName c && c.canonicalName().equals("java.lang.Object");
  }

  /** {@code int} for {@link TypeName#INT}...: the primitive types' keywords, without JavaPoet's emitter. */
  public static String keyword(TypeName t) {
    if (t == TypeName.BOOLEAN) {
      return "boolean";
    } else if (t == TypeName.BYTE) {
      return "byte";
    } else if (t == TypeName.SHORT) {
      return "short";
    } else if (t == TypeName.INT) {
      return "int";
    } else if (t == TypeName.LONG) {
      return "long";
    } else if (t == TypeName.CHAR) {
      return "char";
    } else if (t == TypeName.FLOAT) {
      return "float";
    } else if (t == TypeName.DOUBLE) {
      return "double";
    } else if (t == TypeName.VOID) {
      return "void";
    }
    return t.toString(); // an annotated or other unusual type: JavaPoet's own rendering
  }
}
