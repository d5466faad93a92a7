package dev.kfp4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.ImportComponents;
import dev.kfp4j.annotations.InputPath;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.OutputPath;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.dsl.Op;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Tagged;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README names every error tag the processor reports, every annotation and each of its attributes, and every processor
 * option in its table of them.
 */
class ReadmeTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
  }

  /** {@code word} in the README as a word of its own, as in {@code `BadDefault`} or {@code name (default: ...)}. */
  private static boolean named(String readme, String word) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(readme).find();
  }

  @Test
  void everyErrorTagIsDocumented() throws Exception {
    String readme = readme();
    Set<String> missing = new TreeSet<>();
    List<Tagged> messages = new ArrayList<>(List.of(Message.values()));
    messages.addAll(List.of(FormatMessage.values()));
    for (Tagged m : messages) {
      String tag = m.tag().substring("kfp4j:".length());
      if (!named(readme, tag)) {
        missing.add(tag);
      }
    }
    assertEquals(Set.of(), missing, "error tags the README does not name");
  }

  @Test
  void everyAnnotationAndAttributeIsDocumented() throws Exception {
    String readme = readme();
    Set<String> missing = new TreeSet<>();
    for (Class<?> a : List.of(Component.class, Default.class, ImportComponents.class, InputPath.class, Out.class,
        OutputPath.class, Pipeline.class, Op.class, Op.Output.class, dev.kfp4j.annotations.TaskConfigPassthrough.class)) {
      String name = a.getEnclosingClass() == null ? a.getSimpleName() : a.getEnclosingClass().getSimpleName() + "." + a.getSimpleName();
      if (!readme.contains("@" + name) && !readme.contains("@" + a.getName())) {
        missing.add("@" + name);
      }
      for (Method attribute : a.getDeclaredMethods()) {
        if (!named(readme, attribute.getName())) {
          missing.add("@" + name + "(" + attribute.getName() + ")");
        }
      }
    }
    assertEquals(Set.of(), missing, "annotations and attributes the README does not name");
  }

  /** Each option the processor takes has its row in the README's table of processor options ({@code | `kfp4j.image` |}). */
  @Test
  void everyProcessorOptionIsDocumented() throws Exception {
    String readme = readme();
    Set<String> missing = new TreeSet<>();
    for (String option : new Kfp4jProcessor().getSupportedOptions()) {
      if (!readme.contains("\n| `" + option + "` | ")) {
        missing.add(option);
      }
    }
    assertEquals(Set.of(), missing, "processor options without a row in the README's table");
  }
}
