package dev.kfp4j.processor.javac;

import com.sun.source.tree.Tree;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Java's constant folding (JLS 15.29) of the operators over constant values: the value Java computes at compile time for
 * {@code 60 * 1000}, {@code 1L << 60}, {@code (long) 5}, {@code 1.0 / 4}, {@code 'a' + 1} or {@code "x" + 1.0}, of the
 * expression's static type (int arithmetic overflows as int, {@code 1 / 2} is 0); null when it is none (an integer division by
 * zero, an operator on a value that is no primitive or text).
 */
final class ConstantFolding {
  private ConstantFolding() {}

  /** {@code value} converted to {@code type} as a cast or an assignment does (a primitive or String); null when it cannot be. */
  static Object convert(Object value, TypeMirror type) {
    if (isString(type)) {
      return value instanceof String ? value : null;
    }
    return type.getKind().isPrimitive() ? convert(value, type.getKind()) : null;
  }

  /** The operator {@code op} ({@code - ~ ! +}) on the constant {@code v}, of the static type {@code type}; null when none. */
  static Object unary(Tree.Kind op, Object v, TypeMirror type) {
    Object x = convert(v, type);
    return switch (op) {
      case UNARY_PLUS -> x;
      case UNARY_MINUS -> x instanceof Integer i ? (Object) (-i) : x instanceof Long l ? (Object) (-l)
          : x instanceof Float f ? (Object) (-f) : x instanceof Double d ? (Object) (-d) : null;
      case BITWISE_COMPLEMENT -> x instanceof Integer i ? (Object) (~i) : x instanceof Long l ? (Object) (~l) : null;
      case LOGICAL_COMPLEMENT -> x instanceof Boolean b ? (Object) (!b) : null;
      default -> null;
    };
  }

  /** The operator {@code op} on the constants {@code l} and {@code r}, of the static type {@code type}; null when none. */
  static Object binary(Tree.Kind op, Object l, Object r, TypeMirror type) {
    if (op == Tree.Kind.PLUS && isString(type)) {
      return String.valueOf(l) + r; // Java's text of each operand: a char as its character, a double as Double.toString
    }
    return switch (op) {
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> compare(op, l, r);
      case EQUAL_TO, NOT_EQUAL_TO -> l instanceof Boolean a && r instanceof Boolean b ? (Object) (a == b == (op == Tree.Kind.EQUAL_TO))
          // texts: constant strings are interned (JLS 3.10.5), so == compares their texts, as javac folds "a" == "a"
          : l instanceof String a && r instanceof String b ? (Object) (a.equals(b) == (op == Tree.Kind.EQUAL_TO))
          : compare(op, l, r);
      case CONDITIONAL_AND, CONDITIONAL_OR, AND, OR, XOR -> l instanceof Boolean a && r instanceof Boolean b ? logical(op, a, b)
          : arithmetic(op, l, r, type.getKind());
      case LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> shift(op, convert(l, type.getKind()), convert(r, TypeKind.LONG));
      default -> arithmetic(op, l, r, type.getKind());
    };
  }

  private static Object logical(Tree.Kind op, boolean a, boolean b) {
    return switch (op) {
      case CONDITIONAL_AND, AND -> a & b;
      case CONDITIONAL_OR, OR -> a | b;
      default -> a ^ b;
    };
  }

  private static Object shift(Tree.Kind op, Object x, Object distance) {
    if (!(distance instanceof Long n)) {
      return null;
    }
    if (x instanceof Integer i) {
      return op == Tree.Kind.LEFT_SHIFT ? i << n : op == Tree.Kind.RIGHT_SHIFT ? i >> n : i >>> n;
    }
    if (x instanceof Long i) {
      return op == Tree.Kind.LEFT_SHIFT ? i << n : op == Tree.Kind.RIGHT_SHIFT ? i >> n : i >>> n;
    }
    return null;
  }

  /**
   * {@code * / % + - & | ^} on numbers promoted to {@code kind}, the expression's static type. An int's result is the low 32
   * bits of the long one (its overflow too: {@code Integer.MIN_VALUE / -1}); a float's is the double one rounded to float,
   * exact for these operators on floats since a double holds more than twice a float's digits.
   */
  private static Object arithmetic(Tree.Kind op, Object l, Object r, TypeKind kind) {
    Object a = convert(l, kind);
    Object b = convert(r, kind);
    if ((a instanceof Integer || a instanceof Long) && b instanceof Number y) {
      Long v = integral(op, ((Number) a).longValue(), y.longValue());
      return v == null ? null : convert(v, kind);
    }
    if ((a instanceof Float || a instanceof Double) && b instanceof Number y) {
      Double v = floating(op, ((Number) a).doubleValue(), y.doubleValue());
      return v == null ? null : convert(v, kind);
    }
    return null;
  }

  private static Long integral(Tree.Kind op, long x, long y) {
    if ((op == Tree.Kind.DIVIDE || op == Tree.Kind.REMAINDER) && y == 0) {
      return null; // no constant (JLS 15.29): javac leaves it to throw as the code runs
    }
    return switch (op) {
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case REMAINDER -> x % y;
      case PLUS -> x + y;
      case MINUS -> x - y;
      case AND -> x & y;
      case OR -> x | y;
      case XOR -> x ^ y;
      default -> null;
    };
  }

  private static Double floating(Tree.Kind op, double x, double y) {
    return switch (op) {
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case REMAINDER -> x % y;
      case PLUS -> x + y;
      case MINUS -> x - y;
      default -> null;
    };
  }

  /** {@code < <= > >= == !=} on two numbers, after binary numeric promotion (JLS 5.6). */
  private static Object compare(Tree.Kind op, Object l, Object r) {
    TypeKind kind = promoted(l, r);
    if (kind == null) {
      return null;
    }
    Object a = convert(l, kind);
    Object b = convert(r, kind);
    int sign;
    if (kind == TypeKind.DOUBLE || kind == TypeKind.FLOAT) { // a float is exact as a double
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return op == Tree.Kind.NOT_EQUAL_TO; // NaN is neither less, equal nor greater
      }
      sign = x < y ? -1 : x > y ? 1 : 0; // -0.0 == 0.0, as Java's ==
    } else {
      sign = Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }
    return switch (op) {
      case LESS_THAN -> sign < 0;
      case LESS_THAN_EQUAL -> sign <= 0;
      case GREATER_THAN -> sign > 0;
      case GREATER_THAN_EQUAL -> sign >= 0;
      case EQUAL_TO -> sign == 0;
      default -> sign != 0;
    };
  }

  /** The type two numeric operands are promoted to (JLS 5.6.2); null when one is no number. */
  private static TypeKind promoted(Object l, Object r) {
    TypeKind a = numeric(l);
    TypeKind b = numeric(r);
    if (a == null || b == null) {
      return null;
    }
    return a == TypeKind.DOUBLE || b == TypeKind.DOUBLE ? TypeKind.DOUBLE : a == TypeKind.FLOAT || b == TypeKind.FLOAT ? TypeKind.FLOAT
        : a == TypeKind.LONG || b == TypeKind.LONG ? TypeKind.LONG : TypeKind.INT;
  }

  private static TypeKind numeric(Object v) {
    return v instanceof Double ? TypeKind.DOUBLE : v instanceof Float ? TypeKind.FLOAT : v instanceof Long ? TypeKind.LONG
        : v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Character ? TypeKind.INT : null;
  }

  /**
   * What Java passes of the constant {@code v} given to a parameter (or a record's component) of type {@code type} where it
   * differs from what {@code v} passes as of its own type: a char given to a number type is its number ({@code 'a'} is 97,
   * where its text would be "a"), a float given to a double the double of the same binary value ({@code 0.1f} is
   * 0.10000000149011612, where its own text is 0.1). Null for any other: an int given to a double is the same number.
   */
  static Object widened(Object v, TypeMirror type) {
    if (!CharValues.isNumber(type)) {
      return null;
    }
    return v instanceof Character || v instanceof Float && type.getKind() == TypeKind.DOUBLE ? convert(v, type.getKind()) : null;
  }

  /** The primitive conversion of a constant {@code v} to {@code kind} (JLS 5.1.2, 5.1.3); null when it is none. */
  static Object convert(Object v, TypeKind kind) {
    if (v instanceof Boolean) {
      return kind == TypeKind.BOOLEAN ? v : null;
    }
    if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      return switch (kind) {
        case BYTE -> (byte) (int) d;
        case SHORT -> (short) (int) d;
        case CHAR -> (char) (int) d;
        case INT -> (int) d;
        case LONG -> (long) d;
        case FLOAT -> (float) d;
        case DOUBLE -> d;
        default -> null;
      };
    }
    if (!(v instanceof Number || v instanceof Character)) {
      return null;
    }
    long x = v instanceof Character c ? c : ((Number) v).longValue();
    return switch (kind) {
      case BYTE -> (byte) x;
      case SHORT -> (short) x;
      case CHAR -> (char) x;
      case INT -> (int) x;
      case LONG -> x;
      case FLOAT -> (float) x;
      case DOUBLE -> (double) x;
      default -> null;
    };
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && type.toString().equals("java.lang.String");
  }
}
