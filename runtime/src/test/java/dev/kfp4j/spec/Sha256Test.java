package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** kfp4j's SHA-256 is the JDK's, byte for byte, whatever the input and however it is handed over. */
class Sha256Test {
  private static byte[] jdk(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  /** {@code bytes} added in pieces of random sizes, some empty. */
  private static byte[] inPieces(Sha256 d, byte[] bytes, SplittableRandom random) {
    int i = 0;
    while (i < bytes.length) {
      int n = Math.min(bytes.length - i, random.nextInt(0, 150));
      d.update(bytes, i, n);
      i += n;
    }
    return d.digest();
  }

  @Test
  void everyLengthAroundTheBlocksAndRandomLengthsHashAsTheJdkDoes() throws Exception {
    SplittableRandom random = new SplittableRandom(16);
    for (int length = 0; length < 3000; length += length < 300 ? 1 : random.nextInt(1, 200)) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      Sha256 whole = new Sha256();
      whole.update(bytes);
      assertArrayEquals(jdk(bytes), whole.digest(), "length " + length);
      assertArrayEquals(jdk(bytes), inPieces(new Sha256(), bytes, random), "length " + length + " in pieces");
    }
  }

  @Test
  void theKnownAnswersOfFips180() {
    Sha256 empty = new Sha256();
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.hex());
    Sha256 abc = new Sha256();
    abc.update("abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", abc.hex());
    Sha256 twoBlocks = new Sha256();
    twoBlocks.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII));
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", twoBlocks.hex());
  }

  @Test
  void aLargeInputGoesToTheJdkWithTheSameResult() throws Exception {
    byte[] bytes = new byte[(int) Sha256.SMALL + 1000];
    new SplittableRandom(7).nextBytes(bytes);
    Sha256 large = Sha256.of(bytes.length);
    large.update(bytes);
    Sha256 here = new Sha256();
    here.update(bytes);
    assertArrayEquals(jdk(bytes), large.digest());
    assertArrayEquals(jdk(bytes), here.digest());
  }

  @Test
  void aTextIsHashedAsItsUtf8Bytes() throws Exception {
    String text = "größe \uD83D\uDE00";
    assertEquals(HexFormat.of().formatHex(jdk(text.getBytes(StandardCharsets.UTF_8))), Sha256.hexOf(text));
  }
}
