package dev.kfp4j.processor.writer;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.kfp4j.processor.GeneratedClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The writer against javac and against JavaPoet: the class it writes compiles, its string literals
 * mean the strings they were written from, and its text is the text JavaPoet writes for the same
 * class (imports, clashing names, Javadoc, annotations, wrapped parameter lists).
 */
class JavaWriterTest {
  private static final ClassName SAMPLE = ClassName.get("p", "Sample");
  private static final ClassName ENTRY = SAMPLE.nestedClass("Entry");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName MARK = ClassName.get("q", "Mark");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName AWT_LIST = ClassName.get("java.awt", "List");
  private static final ClassName MAP_ENTRY = ClassName.get("java.util", "Map", "Entry");
  private static final ClassName Q_HELPER = ClassName.get("q", "Helper");
  private static final ClassName P_HELPER = ClassName.get("p", "Helper");
  private static final ClassName Q_ENTRY = ClassName.get("q", "Entry");
  private static final ClassName Q_SAMPLE = ClassName.get("q", "Sample");
  private static final ClassName PATH = ClassName.get("java.nio.file", "Path");
  private static final ClassName STRING = ClassName.get(String.class);
  private static final TypeName WILD_LIST = ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(Object.class));
  private static final TypeName OBJECTS = ArrayTypeName.of(ClassName.OBJECT);

  /** Quotes, backslashes, control characters, non-ASCII and line breaks: what {@code $S} escapes. */
  private static final String TEXT = "say \"hi\" \\ it's\ttab\bback\fform\rret\u0001ctl\u007f é ☃ \uD83D\uDE00\nline two\n";
  private static final String MULTILINE = "first\nsecond\nthird";

  @Test
  void writesWhatJavaPoetWritesForTheSameClass() {
    assertThat(sample().text()).isEqualTo(JavaFile.builder("p", javaPoetSample()).skipJavaLangImports(true).indent("  ").build().toString());
  }

  @Test
  void importsUnlessTheSimpleNameIsTaken() {
    String text = sample().text();
    assertThat(text).contains("import java.util.List;\n");
    assertThat(text).contains("import q.Mark;\n"); // annotations are imported too
    assertThat(text).doesNotContain("import java.awt.List;"); // java.util.List came first
    assertThat(text).contains("java.awt.List awt");
    assertThat(text).doesNotContain("import q.Helper;"); // p.Helper, of this package, is named too
    assertThat(text).contains("q.Helper qHelper, Helper pHelper");
    assertThat(text).contains("q.Entry qEntry, Map.Entry<String, ?> mapEntry, Entry entry"); // a nested Entry takes the name
    assertThat(text).contains("q.Sample other"); // the class's own name
    assertThat(text).doesNotContain("import java.lang"); // String and Object are used, not imported
    assertThat(text).contains("import java.nio.file.Path;\n"); // named only in Javadoc, imported all the same, as JavaPoet does
    assertThat(text).contains("{@link Path}, {@link List}");
  }

  @Test
  void wrapsParameterListsPastColumnOneHundred() {
    for (String line : sample().text().split("\n")) {
      if (!line.strip().startsWith("*") && !line.contains("TEXT") && !line.contains("\"")) {
        assertThat(line.length()).isAtMost(100);
      }
    }
    assertThat(sample().text()).contains("(String parameterNumberOne,\n      String parameterNumberTwo, ");
    assertThat(sample().text()).contains("(String parameterNumberOne,\n        String parameterNumberTwo, "); // nested: one level deeper
  }

  @Test
  void javacCompilesItAndItsLiteralsMeanTheirStrings() throws Exception {
    Compilation c = Compiler.javac().compile(
        JavaFileObjects.forSourceString("p.Sample", sample().text()),
        JavaFileObjects.forSourceString("p.Helper", "package p; public class Helper {}"),
        JavaFileObjects.forSourceString("q.Helper", "package q; public class Helper {}"),
        JavaFileObjects.forSourceString("q.Entry", "package q; public class Entry {}"),
        JavaFileObjects.forSourceString("q.Sample", "package q; public class Sample {}"),
        JavaFileObjects.forSourceString("q.Mark", "package q; public @interface Mark { String value(); String[] names() default {}; }"));
    assertThat(c).succeededWithoutWarnings();
    Class<?> sample = new GeneratedClasses(c).loadClass("p.Sample");
    assertThat(sample.getField("TEXT").get(null)).isEqualTo(TEXT);
    assertThat(sample.getMethod("multiline").invoke(null)).isEqualTo(MULTILINE);
    assertThat(sample.getMethod("names").invoke(null)).isEqualTo(new Object[] {"a\"b", "c\\d", "e\nf"});
  }

  @Test
  void typeNamesInFullAreJavaPoetsToString() {
    for (TypeName t : List.of(TypeName.INT, TypeName.INT.box(), WILD_LIST, OBJECTS, ParameterizedTypeName.get(MAP_ENTRY, STRING, WILD_LIST),
        ArrayTypeName.of(TypeName.BYTE), WildcardTypeName.supertypeOf(STRING), TypeName.VOID)) {
      assertThat(TypeNames.canonical(t)).isEqualTo(t.toString());
    }
  }

  private static JavaSource sample() {
    JavaWriter w = new JavaWriter(SAMPLE, Set.of("Entry"));
    w.beginJavadoc().emit("A sample: see {@link java.nio.file.Path} and {@link ").type(PATH).emit("}, {@link ").type(LIST)
        .emit("}.\r\n\n@see Object").endJavadoc();
    w.annotation(GENERATED, "gen\"erated");
    w.emit("public final class Sample {\n").indent();
    w.javadoc("Escaped.\n");
    w.emit("public static final ").type(STRING).emit(" TEXT = ").literal(TEXT).emit(";\n");
    w.emit("\n").beginMethod("private ", null, "Sample", List.of(), List.of()).endBlock();
    w.emit("\n").annotation(MARK, members("m", List.of("x", "y")));
    w.beginMethod("public static ", WILD_LIST, "clashes",
        List.of(LIST, AWT_LIST, Q_HELPER, P_HELPER, Q_ENTRY, ParameterizedTypeName.get(MAP_ENTRY, STRING, WildcardTypeName.subtypeOf(Object.class)), ENTRY, Q_SAMPLE),
        List.of("list", "awt", "qHelper", "pHelper", "qEntry", "mapEntry", "entry", "other"));
    w.beginStatement().emit("return ").type(LIST).emit(".of(").literal("a").emit(", awt)").endStatement();
    w.endBlock();
    w.emit("\n").annotation(MARK, members("single", List.of("one")));
    w.beginMethod("public static ", STRING, "multiline", List.of(), List.of());
    w.beginStatement().emit("return ").literal(MULTILINE).endStatement();
    w.endBlock();
    w.emit("\n").annotation(MARK, members("names", List.of()));
    w.beginMethod("public static ", OBJECTS, "names", List.of(), List.of());
    w.beginStatement().emit("return new Object[] {").literal("a\"b").emit(", ").literal("c\\d").emit(", ").literal("e\nf").emit("}").endStatement();
    w.endBlock();
    List<TypeName> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String n : List.of("One", "Two", "Three", "Four", "Five", "Six", "Seven")) {
      types.add(STRING);
      names.add("parameterNumber" + n);
    }
    w.emit("\n").beginMethod("public static ", TypeName.VOID, "aMethodWithAVeryLongNameAndManyParameters", types, names).endBlock();
    w.emit("\n").javadoc("Nested.\n");
    w.emit("public static final class Entry {\n").indent();
    w.beginMethod("", null, "Entry", List.of(OBJECTS), List.of("namesAndValues")).endBlock();
    w.emit("\n").beginMethod("public ", TypeName.LONG, "nestedMethodWithAVeryLongNameAndManyParameters", types, names);
    w.beginStatement().emit("return 0").endStatement();
    w.endBlock();
    w.endBlock();
    return w.endBlock().source();
  }

  private static Map<String, List<String>> members(String value, List<String> names) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    members.put("value", List.of(value));
    if (!names.isEmpty()) {
      members.put("names", names);
    }
    return members;
  }

  /** The same class built with JavaPoet. */
  private static TypeSpec javaPoetSample() {
    TypeSpec.Builder t = TypeSpec.classBuilder("Sample")
        .addJavadoc("A sample: see {@link java.nio.file.Path} and {@link $T}, {@link $T}.\r\n\n@see Object", PATH, LIST)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", "gen\"erated").build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FieldSpec.builder(String.class, "TEXT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Escaped.\n").initializer("$S", TEXT).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder clashes = MethodSpec.methodBuilder("clashes").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(WILD_LIST)
        .addAnnotation(AnnotationSpec.builder(MARK).addMember("value", "$S", "m").addMember("names", "$S", "x").addMember("names", "$S", "y").build());
    List<TypeName> clashTypes = List.of(LIST, AWT_LIST, Q_HELPER, P_HELPER, Q_ENTRY,
        ParameterizedTypeName.get(MAP_ENTRY, STRING, WildcardTypeName.subtypeOf(Object.class)), ENTRY, Q_SAMPLE);
    List<String> clashNames = List.of("list", "awt", "qHelper", "pHelper", "qEntry", "mapEntry", "entry", "other");
    for (int i = 0; i < clashTypes.size(); i++) {
      clashes.addParameter(clashTypes.get(i), clashNames.get(i));
    }
    t.addMethod(clashes.addStatement("return $T.of($S, awt)", LIST, "a").build());
    t.addMethod(MethodSpec.methodBuilder("multiline").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(String.class)
        .addAnnotation(AnnotationSpec.builder(MARK).addMember("value", "$S", "single").addMember("names", "$S", "one").build())
        .addStatement("return $S", MULTILINE).build());
    t.addMethod(MethodSpec.methodBuilder("names").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(Object[].class)
        .addAnnotation(AnnotationSpec.builder(MARK).addMember("value", "$S", "names").build())
        .addStatement("return new Object[] {$S, $S, $S}", "a\"b", "c\\d", "e\nf").build());
    MethodSpec.Builder longOne = MethodSpec.methodBuilder("aMethodWithAVeryLongNameAndManyParameters").addModifiers(Modifier.PUBLIC, Modifier.STATIC);
    MethodSpec.Builder nestedLong = MethodSpec.methodBuilder("nestedMethodWithAVeryLongNameAndManyParameters").addModifiers(Modifier.PUBLIC)
        .returns(long.class).addStatement("return 0");
    for (String n : List.of("One", "Two", "Three", "Four", "Five", "Six", "Seven")) {
      longOne.addParameter(String.class, "parameterNumber" + n);
      nestedLong.addParameter(String.class, "parameterNumber" + n);
    }
    t.addMethod(longOne.build());
    t.addType(TypeSpec.classBuilder("Entry").addJavadoc("Nested.\n").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(Object[].class, "namesAndValues").build())
        .addMethod(nestedLong.build()).build());
    return t.build();
  }
}
