package dev.kfp4j.processor.base;

import java.util.List;
import java.util.Random;

/** Texts for checking a hand-written scanner against the regular expression it replaces: random joins of pieces, the same in every run. */
public final class RandomTexts {
  private RandomTexts() {}

  /** {@code count} texts of up to {@code maxPieces} pieces of {@code pieces} each, chosen by a random generator seeded with {@code seed}. */
  public static List<String> of(List<String> pieces, int count, int maxPieces, long seed) {
    Random random = new Random(seed);
    return random.ints(count, 0, maxPieces + 1).mapToObj(n -> {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        s.append(pieces.get(random.nextInt(pieces.size())));
      }
      return s.toString();
    }).toList();
  }
}
