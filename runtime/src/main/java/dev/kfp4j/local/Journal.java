package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code journal.jsonl}: what a run did, one line per event, appended at once, so a crash loses
 * nothing that was written. Each line is {@code {"entry":ENTRY,"crc32c":"HEX"}}, the checksum
 * over the entry's exact bytes; a line that does not match is damage, not something to resume
 * from. Only the last line may be cut short, by the crash itself: it is ignored.
 */
final class Journal {
  static final String FILE = "journal.jsonl";
  private static final byte[] HEAD = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAIL = ",\"crc32c\":\"".getBytes(StandardCharsets.US_ASCII);
  /** After the tail: 8 hex digits, a quote and a brace. */
  private static final int SUM = 8 + 2;

  private final Path file;

  Journal(Path runDir) {
    this.file = runDir.resolve(FILE);
  }

  /** Appends {@code entry} as one line. */
  synchronized void append(JsonNode entry) {
    String json = Yaml.jsonText(entry);
    String line = "{\"entry\":" + json + ",\"crc32c\":\"" + crc(json.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw FileErrors.unwritten(file, e); // the system's reason: a full disk
    }
  }

  /**
   * Every entry of the journal in {@code runDir}, checked; a damaged line is a {@link WorkflowException} that says where, and
   * so is a journal that is a link, which the resumed run would append to.
   */
  static List<JsonNode> read(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (Files.isSymbolicLink(file)) { // a run folder edited by hand: appended to, it would write the file the link points to
      throw new WorkflowException(runDir + " cannot be resumed: its " + FILE + " is a link, which kfp4j does not follow, as "
          + "the run appends to it; run the pipeline again");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WorkflowException(runDir + " cannot be resumed: cannot read its " + FILE + " (" + FileErrors.why(file, e) + ")");
    }
    List<JsonNode> entries = new ArrayList<>();
    int start = 0;
    for (int line = 1; ; line++) {
      int end = indexOf(bytes, (byte) '\n', start);
      if (end < 0) {
        return entries; // nothing more, or a last line cut short by a crash
      }
      entries.add(entry(Arrays.copyOfRange(bytes, start, end), file, line));
      start = end + 1;
    }
  }

  /** Drops a last line that a crash cut short, so that what is appended next starts a line of its own. */
  static void dropCutLine(Path runDir) {
    Path file = runDir.resolve(FILE);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ,
        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      long keep = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        ch.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep < size) {
        ch.truncate(keep);
      }
    } catch (IOException e) {
      throw FileErrors.unwritten(file, e); // the system's reason: a full disk
    }
  }

  private static JsonNode entry(byte[] line, Path file, int number) {
    int length = line.length - HEAD.length - TAIL.length - SUM;
    if (length < 2 || !startsWith(line, HEAD, 0) || !startsWith(line, TAIL, HEAD.length + length)
        || line[line.length - 2] != '"' || line[line.length - 1] != '}') {
      throw damaged(file, number, "it is not a journal line");
    }
    byte[] json = Arrays.copyOfRange(line, HEAD.length, HEAD.length + length);
    String sum = new String(line, line.length - SUM, 8, StandardCharsets.ISO_8859_1);
    if (!sum.equals(crc(json))) {
      throw damaged(file, number, "its checksum does not match: it was changed or damaged");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString();
      JsonNode entry = Yaml.readJson(text);
      if (entry == null || !entry.isObject()) {
        throw damaged(file, number, "its entry is not a JSON object");
      }
      return entry;
    } catch (CharacterCodingException e) {
      throw damaged(file, number, "it is not UTF-8 text");
    } catch (JacksonException e) {
      throw damaged(file, number, "it is not JSON: " + e.getOriginalMessage());
    }
  }

  private static WorkflowException damaged(Path file, int line, String why) {
    return new WorkflowException(file + " is damaged at line " + line + ": " + why
        + "; the run cannot be resumed safely, run the pipeline again");
  }

  static String crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
    if (at < 0 || at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
