package dev.kfp4j.local;

/**
 * Bytes as Go's {@code encoding/json} writes a string holding them, which is how an Argo output parameter's file reaches the
 * tasks after it: Argo's executor takes the file's bytes as a string as they are ({@code SaveParameters}) and reports it
 * through JSON ({@code AnyString.MarshalJSON}), which writes each byte that does not begin a valid UTF-8 sequence as U+FFFD,
 * one a byte ({@code utf8.DecodeRuneInString}'s {@code (RuneError, 1)}): {@code E2 82} cut short is two of them.
 */
final class GoUtf8 {
  private GoUtf8() {}

  /** {@code bytes} as text, each byte that begins no valid UTF-8 sequence U+FFFD. */
  static String text(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      // the second byte's range: narrower after E0 (no overlong), ED (no surrogate), F0 (no overlong), F4 (at most U+10FFFF)
      int low = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
      int high = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
      boolean valid = size > 0 && i + size <= bytes.length;
      for (int k = 1; valid && k < size; k++) {
        int c = bytes[i + k] & 0xff;
        valid = k == 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf;
      }
      if (!valid) {
        out.append('\uFFFD');
        i++;
        continue;
      }
      int cp = size == 1 ? b : b & (0xff >> (size + 1));
      for (int k = 1; k < size; k++) {
        cp = cp << 6 | bytes[i + k] & 0x3f;
      }
      out.appendCodePoint(cp);
      i += size;
    }
    return out.toString();
  }
}
