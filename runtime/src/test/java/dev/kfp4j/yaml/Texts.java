package dev.kfp4j.yaml;

import java.util.ArrayList;
import java.util.List;

/** Texts for checking a hand-written scanner against the grammar it replaces, exhaustively on short input. */
public final class Texts {
  private Texts() {}

  /** Every text of up to {@code length} characters of {@code alphabet}, the empty one first, shorter before longer. */
  public static List<String> upTo(String alphabet, int length) {
    List<String> out = new ArrayList<>(List.of(""));
    for (int start = 0, l = 1; l <= length; l++) {
      int end = out.size();
      for (int i = start; i < end; i++) {
        for (char c : alphabet.toCharArray()) {
          out.add(out.get(i) + c);
        }
      }
      start = end;
    }
    return out;
  }
}
