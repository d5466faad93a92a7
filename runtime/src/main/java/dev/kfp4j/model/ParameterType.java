package dev.kfp4j.model;

import java.util.Locale;

/**
 * The type of a parameter value: KFP v1's type names and KFP 2's {@code ParameterType}. Values
 * travel as KFP's text form ({@code 7}, {@code 0.5}, {@code True}, JSON for lists and structs).
 */
public enum ParameterType {
  INTEGER("Integer", "NUMBER_INTEGER"),
  FLOAT("Float", "NUMBER_DOUBLE"),
  BOOLEAN("Boolean", "BOOLEAN"),
  STRING("String", "STRING"),
  LIST("JsonArray", "LIST"),
  STRUCT("JsonObject", "STRUCT");

  private final String v1Name;
  private final String v2Name;

  ParameterType(String v1Name, String v2Name) {
    this.v1Name = v1Name;
    this.v2Name = v2Name;
  }

  /** KFP v1's name: {@code Integer}, {@code Float}, {@code Boolean}, {@code String}, {@code JsonArray}, {@code JsonObject}. */
  public String v1Name() {
    return v1Name;
  }

  /** KFP 2's {@code ParameterType}: {@code NUMBER_INTEGER}, {@code NUMBER_DOUBLE}, {@code BOOLEAN}, {@code STRING}, {@code LIST}, {@code STRUCT}. */
  public String v2Name() {
    return v2Name;
  }

  /** Whether values compare as numbers. */
  public boolean isNumber() {
    return this == INTEGER || this == FLOAT;
  }

  /**
   * The kind of protobuf {@code Value} a KFP 2 value of this type is, as KFP's driver names it in a type mismatch ({@code
   * handleParamTypeValidationAndConversion} in {@code backend/src/v2/driver/resolve.go}): {@code number} for either number
   * type, {@code bool}, {@code string}, {@code list}, {@code struct}.
   */
  public String valueKind() {
    return switch (this) {
      case INTEGER, FLOAT -> "number";
      case BOOLEAN -> "bool";
      case STRING -> "string";
      case LIST -> "list";
      case STRUCT -> "struct";
    };
  }

  /**
   * The parameter type of a KFP v1 type name as the KFP SDK reads it ({@code Integer}, {@code
   * int}, {@code Float}, {@code Boolean}, {@code String}, {@code JsonArray}, {@code List}, {@code
   * JsonObject}, {@code Dict}...), or null for a name that is not a parameter type (an artifact
   * type such as {@code CSV}, or none).
   */
  public static ParameterType ofV1Name(String name) {
    if (name == null) {
      return null;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "integer":
      case "int":
        return INTEGER;
      case "float":
      case "double":
        return FLOAT;
      case "boolean":
      case "bool":
        return BOOLEAN;
      case "string":
      case "str":
      case "text":
        return STRING;
      case "jsonarray":
      case "list":
        return LIST;
      case "jsonobject":
      case "dict":
        return STRUCT;
      default:
        return null;
    }
  }

  /**
   * The type of a value of {@code v}'s JSON kind: {@code 3} INTEGER, {@code 3.5} FLOAT, a boolean, a string, a list, an
   * object (STRUCT); null for a null or none.
   */
  public static ParameterType ofJson(tools.jackson.databind.JsonNode v) {
    return v.isIntegralNumber() ? INTEGER
        : v.isNumber() ? FLOAT
        : v.isBoolean() ? BOOLEAN
        : v.isString() ? STRING
        : v.isArray() ? LIST
        : v.isObject() ? STRUCT : null;
  }

  /** The parameter type of a KFP 2 {@code parameterType}, or null for an unknown one. */
  public static ParameterType ofV2Name(String name) {
    for (ParameterType t : values()) {
      if (t.v2Name.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
