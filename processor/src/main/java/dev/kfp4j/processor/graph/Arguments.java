package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Position;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The arguments given to a call, by input name in the order written, each with where it is
 * written; and the inputs given a value that could not be read (an error said why), which count
 * as given.
 */
public final class Arguments {
  private final Map<String, Argument> values = new LinkedHashMap<>();
  private final Map<String, Position> positions = new HashMap<>();
  private final Set<String> unread = new LinkedHashSet<>();

  public void put(String input, Argument value, Position at) {
    values.put(input, value);
    positions.put(input, at);
  }

  /**
   * Marks {@code input} as left out where {@code at} is (a {@code null} written for it): not given, but {@link #position}
   * says where it is left out.
   */
  public void leaveOut(String input, Position at) {
    positions.put(input, at);
  }

  /** Marks {@code input} as given, though its value could not be read. */
  public void unread(String input) {
    unread.add(input);
  }

  public Map<String, Argument> values() {
    return Collections.unmodifiableMap(values);
  }

  public Set<String> unreadInputs() {
    return Collections.unmodifiableSet(unread);
  }

  /** Where the argument of {@code input} is written (a {@code null} leaving it out, too), or null. */
  public Position position(String input) {
    return positions.get(input);
  }

  /** Whether a value is given for {@code input}, or was written but could not be read. */
  public boolean gives(String input) {
    return values.containsKey(input) || unread.contains(input);
  }

  /** The inputs given, read or not. */
  public Set<String> inputs() {
    Set<String> out = new LinkedHashSet<>(values.keySet());
    out.addAll(unread);
    return out;
  }
}
