package dev.kfp4j.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) of what kfp4j hashes: the local runner's cache keys and the name of its
 * class-data archive, the component specs in the processor's pipelines index. The JDK's {@code
 * MessageDigest} is the same function, but its first lookup in a JVM reads the security
 * configuration and starts the providers (about 60 classes from outside the JDK's class-data
 * archive, 20–40 ms of a cold JVM), which every local run and every build of pipelines paid for
 * a few small hashes. Small inputs are hashed here; large ones ({@link #of}) by the JDK, whose digest
 * runs on the CPU's SHA instructions (about 1.5 GB/s against 0.24 GB/s here).
 */
public final class Sha256 {
  /** Up to how many bytes hashing here costs less than the JDK's lookup (at 0.24 GB/s: about 4 ms). */
  public static final long SMALL = 1 << 20;

  private static final int[] K = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

  /** The JDK's digest, for a large input; else null, and the hash is computed here. */
  private final MessageDigest jdk;
  private final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  private final int[] w = new int[64];
  private final byte[] block = new byte[64];
  private int filled;
  private long length;

  private Sha256(MessageDigest jdk) {
    this.jdk = jdk;
  }

  /** A hash of small inputs, computed here. */
  public Sha256() {
    this(null);
  }

  /** A hash of about {@code bytes} bytes: computed here up to {@link #SMALL}, else by the JDK. */
  public static Sha256 of(long bytes) {
    if (bytes <= SMALL) {
      return new Sha256();
    }
    try {
      return new Sha256(MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      return new Sha256(); // a JDK without the provider: hashed here, slower
    }
  }

  /** Adds {@code len} bytes of {@code bytes} from {@code off}. */
  public void update(byte[] bytes, int off, int len) {
    if (jdk != null) {
      jdk.update(bytes, off, len);
      return;
    }
    length += len;
    int i = off;
    int end = off + len;
    if (filled > 0) {
      int n = Math.min(64 - filled, len);
      System.arraycopy(bytes, i, block, filled, n);
      filled += n;
      i += n;
      if (filled < 64) {
        return;
      }
      compress(block, 0);
      filled = 0;
    }
    for (; end - i >= 64; i += 64) {
      compress(bytes, i);
    }
    System.arraycopy(bytes, i, block, 0, end - i);
    filled = end - i;
  }

  /** Adds {@code bytes}. */
  public void update(byte[] bytes) {
    update(bytes, 0, bytes.length);
  }

  /** The hash of all bytes added; this object is then spent. */
  public byte[] digest() {
    if (jdk != null) {
      return jdk.digest();
    }
    long bits = length * 8;
    block[filled++] = (byte) 0x80;
    if (filled > 56) {
      Arrays.fill(block, filled, 64, (byte) 0);
      compress(block, 0);
      filled = 0;
    }
    Arrays.fill(block, filled, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      block[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    compress(block, 0);
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (h[i / 4] >>> (24 - 8 * (i % 4)));
    }
    return out;
  }

  /** The hash of {@code text}'s UTF-8 bytes, in lower-case hex. */
  public static String hexOf(String text) {
    Sha256 d = new Sha256();
    d.update(text.getBytes(StandardCharsets.UTF_8));
    return d.hex();
  }

  /** The hash of all bytes added, in lower-case hex; this object is then spent. */
  public String hex() {
    return HexFormat.of().formatHex(digest());
  }

  private void compress(byte[] b, int off) {
    for (int t = 0; t < 16; t++) {
      int p = off + 4 * t;
      w[t] = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = h[0];
    int b1 = h[1];
    int c = h[2];
    int d = h[3];
    int e = h[4];
    int f = h[5];
    int g = h[6];
    int hh = h[7];
    for (int t = 0; t < 64; t++) {
      int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
          + ((e & f) ^ (~e & g)) + K[t] + w[t];
      int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
          + ((a & b1) ^ (a & c) ^ (b1 & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b1;
      b1 = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b1;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
}
