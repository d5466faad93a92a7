package dev.kfp4j.examples.kfp2;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline parameter a run may leave out, as KFP's {@code title: Optional[str] = None}: marked
 * {@code @Nullable}, without a {@code @Default}. It goes to an optional input, which gets nothing
 * when the run leaves the parameter out. KFP 2 only: KFP v1's Argo workflow needs a value for each
 * parameter.
 */
public final class OptionalTitle {
  private OptionalTitle() {}

  /**
   * Greets someone, by title when there is one.
   *
   * @param name who
   * @param title a title, such as "Dr."
   * @return the greeting
   */
  @Component
  public static String greet(String name, Optional<String> title) {
    return "Hello, " + title.map(t -> t + " ").orElse("") + name + "!";
  }

  /**
   * Greets someone, by title when the run gives one.
   *
   * @param name who
   * @param title a title, or none
   * @return the greeting
   */
  @Pipeline(name = "optional-title", formats = Format.KFP2)
  public static String optionalTitle(@Default("Ada") String name, @Nullable String title) {
    return OptionalTitleOps.greet(name, title).output();
  }
}
