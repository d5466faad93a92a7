package dev.kfp4j.image;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs inside an image, on the class path the components' command names (the {@link ImageCheck}
 * puts it first): {@code java -cp <probe>:/app/resources:/app/classes:/app/libs/* dev.kfp4j.image.ImageProbe
 * <entrypoint class> <component> ...}. For each entrypoint class it follows, method by method,
 * what the project's own classes (those of {@code /app/libs/project.jar}, or loaded from folders) can run from it, and loads
 * every class outside them that such code names: a class no jar of the image has is reported with
 * the class that needs it. Then it runs each component's entrypoint with {@code -h}, as the
 * container would start it. One line per finding on standard output: {@code missing <entrypoint>
 * <class> <needed by>}, {@code failed <component> <message>}, {@code ok <component>}; exit 0 when
 * all is well, 1 otherwise.
 *
 * <p>Self-contained (no nested classes, nothing but the JDK) and compiled for the release kfp4j
 * needs, so it runs in any image with a Java 17 or newer.
 */
public final class ImageProbe {
  /** Where the project's own classes are in an image {@link ProjectImage} built (earlier images: {@code /app/classes}, a folder). */
  private static final String PROJECT_JAR = "jar:file:" + ProjectImage.PROJECT_JAR + "!/";
  private final ClassLoader loader;
  private final Map<String, Boolean> loadable = new HashMap<>();
  private final Map<String, String> missing = new LinkedHashMap<>(); // class -> the class that needs it
  private final Map<String, Object[]> parsed = new HashMap<>(); // project class -> {constant pool, methods, bootstrap, supertypes}
  private final Set<String> reached = new HashSet<>();
  private final Set<String> instantiated = new HashSet<>();
  private final Deque<String[]> work = new ArrayDeque<>(); // {class, name+descriptor}

  private ImageProbe(ClassLoader loader) {
    this.loader = loader;
  }

  public static void main(String[] args) {
    ClassLoader loader = ImageProbe.class.getClassLoader();
    boolean ok = true;
    Map<String, List<String>> byClass = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      byClass.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
    }
    PrintStream out = System.out;
    for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
      ImageProbe probe = new ImageProbe(loader);
      try {
        probe.follow(e.getKey());
      } catch (IOException | RuntimeException bad) {
        out.println("failed " + e.getValue().get(0) + " cannot read the classes of " + e.getKey() + ": " + oneLine(bad.toString()));
        ok = false;
      }
      for (Map.Entry<String, String> m : probe.missing.entrySet()) {
        out.println("missing " + e.getKey() + " " + m.getKey() + " " + m.getValue());
        ok = false;
      }
      for (String component : e.getValue()) {
        String failure = help(loader, e.getKey(), component);
        out.println(failure == null ? "ok " + component : "failed " + component + " " + failure);
        ok &= failure == null;
      }
    }
    out.flush();
    System.exit(ok ? 0 : 1);
  }

  /** Runs {@code <entrypoint> <component> -h} in this JVM; null when it exits 0, else why not. */
  private static String help(ClassLoader loader, String entrypoint, String component) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      Method run = Class.forName(entrypoint, true, loader).getMethod("run", String[].class);
      Object code = run.invoke(null, (Object) new String[] {component, "-h"});
      return Integer.valueOf(0).equals(code) ? null : "exit code " + code + ": " + oneLine(captured.toString(StandardCharsets.UTF_8));
    } catch (InvocationTargetException e) {
      return oneLine(e.getCause().toString());
    } catch (ReflectiveOperationException | LinkageError e) {
      return oneLine(e.toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Follows what the entrypoint class can run: all of its own methods, then whatever they reach. */
  private void follow(String entrypoint) throws IOException {
    String internal = entrypoint.replace('.', '/');
    if (!need(internal, "(the component's command)")) {
      return;
    }
    if (project(internal)) {
      instantiate(internal);
    }
    while (!work.isEmpty()) {
      String[] m = work.pop();
      scan(m[0], m[1]);
    }
  }

  /** Whether class {@code internal} loads; if not, it is recorded as missing, needed by {@code by}. */
  private boolean need(String internal, String by) {
    String name = internal;
    while (name.startsWith("[")) {
      name = name.substring(1);
    }
    if (name.length() == 1) {
      return true; // a primitive array
    }
    if (name.startsWith("L") && name.endsWith(";")) {
      name = name.substring(1, name.length() - 1);
    }
    String dotted = name.replace('/', '.');
    Boolean known = loadable.get(dotted);
    if (known == null) {
      try {
        Class.forName(dotted, false, loader);
        known = true;
      } catch (NoClassDefFoundError e) {
        // the class is there, but one it is made of (a superclass, an interface) is not: that one is missing
        String absent = e.getMessage() == null ? dotted : e.getMessage().replace('/', '.');
        if (!absent.equals(dotted)) {
          missing.putIfAbsent(absent, dotted);
          loadable.put(dotted, false);
          return false;
        }
        known = false;
      } catch (ClassNotFoundException | LinkageError e) {
        known = false;
      }
      loadable.put(dotted, known);
    }
    if (!known && !present(dotted)) {
      missing.putIfAbsent(dotted, by.replace('/', '.'));
    }
    return known;
  }

  /** Whether the class file of {@code dotted} is on the class path, loadable or not. */
  private boolean present(String dotted) {
    return loader.getResource(dotted.replace('.', '/') + ".class") != null;
  }

  /** Whether {@code internal} is one of the project's own classes: in the project's jar or a folder of the class path, not another jar or the JDK. */
  private boolean project(String internal) {
    URL url = loader.getResource(internal + ".class");
    return url != null && !internal.equals("dev/kfp4j/image/ImageProbe")
        && (url.getProtocol().equals("file") || url.toString().startsWith(PROJECT_JAR));
  }

  /** The parsed class ({@link #read}), its supertypes checked and its static initialiser reached. */
  private Object[] parse(String internal) throws IOException {
    Object[] p = parsed.get(internal);
    if (p != null) {
      return p;
    }
    try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
      p = read(new DataInputStream(in));
    }
    parsed.put(internal, p);
    String[] supers = (String[]) p[3];
    for (String s : supers) {
      if (s != null && need(s, internal) && project(s)) {
        reach(s, "<clinit>()V");
      }
    }
    reach(internal, "<clinit>()V");
    return p;
  }

  /** {@code new C}: every method of C may run (the JDK may call any of them: toString, compare, run ...). */
  private void instantiate(String internal) throws IOException {
    if (!instantiated.add(internal)) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, byte[]> methods = (Map<String, byte[]>) parse(internal)[1];
    for (String m : methods.keySet()) {
      reach(internal, m);
    }
  }

  private void reach(String owner, String method) {
    if (reached.add(owner + "." + method)) {
      work.push(new String[] {owner, method});
    }
  }

  /** A call of {@code owner.method}: the declaring project class's method (found up the superclasses), if any. */
  private void call(String owner, String method) throws IOException {
    String c = owner;
    while (c != null && project(c)) {
      Object[] p = parse(c);
      if (((Map<?, ?>) p[1]).containsKey(method)) {
        reach(c, method);
        return;
      }
      c = ((String[]) p[3])[0];
    }
  }

  private void scan(String owner, String method) throws IOException {
    Object[] p = parse(owner);
    Object[] pool = (Object[]) p[0];
    byte[] code = (byte[]) ((Map<?, ?>) p[1]).get(method);
    if (code == null) {
      return; // abstract, native, or a <clinit> the class does not have
    }
    int codeLength = u4(code, 0);
    int start = 4;
    for (int pc = 0; pc < codeLength; ) {
      int op = code[start + pc] & 0xff;
      switch (op) {
        case 0xb2, 0xb3, 0xb4, 0xb5 -> { // field access
          String o = (String) pool[((int[]) pool[u2(code, start + pc + 1)])[0]];
          if (need(o, owner) && project(o)) {
            parse(o);
          }
        }
        case 0xb6, 0xb7, 0xb8, 0xb9 -> { // invokevirtual, invokespecial, invokestatic, invokeinterface
          int[] ref = (int[]) pool[u2(code, start + pc + 1)];
          String o = (String) pool[ref[0]];
          if (need(o, owner) && project(o)) {
            call(o, (String) pool[ref[1]]);
          }
        }
        case 0xba -> { // invokedynamic: the bootstrap's method handles, such as a lambda's body
          int bootstrap = ((int[]) pool[u2(code, start + pc + 1)])[0];
          for (int arg : ((int[][]) p[2])[bootstrap]) {
            if (pool[arg] instanceof int[] handle && handle.length == 3) {
              int[] ref = (int[]) pool[handle[2]];
              String o = (String) pool[ref[0]];
              if (need(o, owner) && project(o)) {
                call(o, (String) pool[ref[1]]);
              }
            }
          }
        }
        case 0xbb -> { // new
          String c = (String) pool[u2(code, start + pc + 1)];
          if (need(c, owner) && project(c)) {
            instantiate(c);
          }
        }
        case 0xbd, 0xc0, 0xc1, 0xc5 -> need((String) pool[u2(code, start + pc + 1)], owner); // anewarray, checkcast, instanceof, multianewarray
        case 0x12, 0x13 -> { // ldc of a class: code handed a Class may call any of its methods by reflection,
          // as a generated entrypoint calls its component's method
          int index = op == 0x12 ? code[start + pc + 1] & 0xff : u2(code, start + pc + 1);
          if (pool[index] instanceof String c && classConstant(pool, index) && need(c, owner) && project(c)) {
            instantiate(c);
          }
        }
        default -> { }
      }
      pc += length(code, start, pc, op);
    }
    int handlers = start + codeLength;
    for (int i = 0, n = u2(code, handlers); i < n; i++) {
      int type = u2(code, handlers + 2 + i * 8 + 6);
      if (type != 0) {
        need((String) pool[type], owner);
      }
    }
  }

  /** Whether constant {@code index} is a class (the pool keeps class names as Strings, marked in a set). */
  @SuppressWarnings("unchecked")
  private static boolean classConstant(Object[] pool, int index) {
    return ((Set<Integer>) pool[0]).contains(index);
  }

  /** The length of the instruction at {@code pc}. */
  private static int length(byte[] code, int start, int pc, int op) {
    if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to 4 bytes from the code's start
      int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
      if (op == 0xaa) {
        int low = u4(code, start + at + 4);
        int high = u4(code, start + at + 8);
        return at - pc + 12 + (high - low + 1) * 4;
      }
      return at - pc + 8 + u4(code, start + at + 4) * 8;
    }
    if (op == 0xc4) { // wide
      return (code[start + pc + 1] & 0xff) == 0x84 ? 6 : 4;
    }
    if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9 || op == 0xbc) {
      return 2;
    }
    if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8) || (op >= 0xb2 && op <= 0xb8)
        || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1 || op == 0xc6 || op == 0xc7) {
      return 3;
    }
    if (op == 0xc5) {
      return 4;
    }
    if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
      return 5;
    }
    return 1;
  }

  /**
   * Reads a class file: the constant pool with class names and member references resolved to what
   * the walk needs (index 0 holds the set of indexes that are classes; a Class or a String is its
   * text; a Field, Method or InterfaceMethod ref is {class index, name+descriptor index}; a
   * NameAndType's text sits at its index too; a MethodHandle is {kind, 0, ref index}; an
   * InvokeDynamic is {bootstrap index}), each method's code (from code_length on), the bootstrap
   * methods' arguments, and the supertypes (the superclass, or null, then the interfaces).
   */
  private static Object[] read(DataInputStream in) throws IOException {
    in.readInt();
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Object[] raw = new Object[count];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case 1 -> raw[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 7, 8, 16, 19, 20 -> raw[i] = new int[] {in.readUnsignedShort()};
        case 9, 10, 11, 12, 17, 18 -> raw[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 15 -> raw[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Object[] pool = new Object[count];
    Set<Integer> classes = new HashSet<>();
    for (int i = 1; i < count; i++) {
      switch (tags[i]) {
        case 7 -> {
          pool[i] = raw[((int[]) raw[i])[0]];
          classes.add(i);
        }
        case 9, 10, 11 -> {
          int[] r = (int[]) raw[i];
          pool[i] = new int[] {r[0], r[1]};
        }
        case 12 -> {
          int[] r = (int[]) raw[i];
          pool[i] = raw[r[0]] + "" + raw[r[1]];
        }
        case 15 -> pool[i] = new int[] {((int[]) raw[i])[0], 0, ((int[]) raw[i])[1]};
        case 18 -> pool[i] = new int[] {((int[]) raw[i])[0]};
        default -> { }
      }
    }
    pool[0] = classes;
    in.readUnsignedShort();
    in.readUnsignedShort();
    int superIndex = in.readUnsignedShort();
    int interfaces = in.readUnsignedShort();
    String[] supers = new String[interfaces + 1];
    supers[0] = superIndex == 0 ? null : (String) pool[superIndex];
    for (int i = 0; i < interfaces; i++) {
      supers[i + 1] = (String) pool[in.readUnsignedShort()];
    }
    for (int i = 0, n = in.readUnsignedShort(); i < n; i++) { // fields
      in.readUnsignedShort();
      in.readUnsignedShort();
      in.readUnsignedShort();
      skipAttributes(in);
    }
    Map<String, byte[]> methods = new LinkedHashMap<>();
    for (int i = 0, n = in.readUnsignedShort(); i < n; i++) {
      in.readUnsignedShort();
      String name = (String) raw[in.readUnsignedShort()];
      String descriptor = (String) raw[in.readUnsignedShort()];
      byte[] code = null;
      for (int a = 0, m = in.readUnsignedShort(); a < m; a++) {
        String attribute = (String) raw[in.readUnsignedShort()];
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        if (attribute.equals("Code")) {
          // max_stack, max_locals, then code_length, code, exception table: keep from code_length on
          code = java.util.Arrays.copyOfRange(bytes, 4, bytes.length);
        }
      }
      methods.put(name + descriptor, code);
    }
    int[][] bootstrap = new int[0][];
    for (int a = 0, m = in.readUnsignedShort(); a < m; a++) {
      String attribute = (String) raw[in.readUnsignedShort()];
      int length = in.readInt();
      if (attribute.equals("BootstrapMethods")) {
        bootstrap = new int[in.readUnsignedShort()][];
        for (int b = 0; b < bootstrap.length; b++) {
          in.readUnsignedShort();
          bootstrap[b] = new int[in.readUnsignedShort()];
          for (int k = 0; k < bootstrap[b].length; k++) {
            bootstrap[b][k] = in.readUnsignedShort();
          }
        }
      } else {
        in.skipNBytes(length);
      }
    }
    return new Object[] {pool, methods, bootstrap, supers};
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    for (int a = 0, m = in.readUnsignedShort(); a < m; a++) {
      in.readUnsignedShort();
      in.skipNBytes(in.readInt());
    }
  }

  private static int u2(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static int u4(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  private static String oneLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).strip();
  }
}
