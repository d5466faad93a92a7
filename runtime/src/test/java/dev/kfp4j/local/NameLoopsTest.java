package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A task's folder name and an output's KFP v1 kind, worked out by loops, are what the regular
 * expressions they replace give, for every text of up to five characters of an alphabet of kept and
 * replaced characters (a surrogate pair among them).
 */
class NameLoopsTest {
  /** Every text of up to {@code length} of {@code alphabet}'s items. */
  static List<String> texts(String[] alphabet, int length) {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= length; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (String a : alphabet) {
          next.add(s + a);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }

  @Test
  void aTaskFolderIsItsIdWithEachRunOfOtherCharactersOneUnderscore() {
    String[] alphabet = {"a", "Z", "0", ".", "_", "(", "-", "/", " ", "é", "\uD83D\uDE00", "[", "\0"};
    int checked = 0;
    for (String id : texts(alphabet, 5)) {
      assertEquals(id.replaceAll("[^A-Za-z0-9._()-]+", "_"), RunPaths.taskFolder(id), id);
      checked++;
    }
    assertEquals(402_234, checked);
  }

  @Test
  void anOutputsKindIsReadFromItsLettersAlone() {
    String[] alphabet = {"m", "L", "_", "-", "1", "İ", "\uD83D\uDE00"};
    for (String output : texts(alphabet, 6)) {
      String plain = output.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      String kind = plain.equals("mlpipelinemetrics") ? "metrics" : plain.equals("mlpipelineuimetadata") ? "ui-metadata" : "";
      assertEquals(kind, ArtifactReader.kfpV1Kind(output), output);
    }
    assertEquals("metrics", ArtifactReader.kfpV1Kind("MLPipeline-Metrics"));
    assertEquals("metrics", ArtifactReader.kfpV1Kind("ml pipeline metrics 2"));
    assertEquals("ui-metadata", ArtifactReader.kfpV1Kind("mlpipeline_UI_metadata"));
    assertEquals("", ArtifactReader.kfpV1Kind("mlpipeline_metric"));
  }
}
