package dev.kfp4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.local.PipelinesIndex;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The index is written as the JSON mapper's default pretty printer writes its tree, byte for byte, and reads back to its entries. */
class PipelineIndexTest {
  @Test
  void theIndexIsWhatJacksonsPrettyPrinterWritesAndReadsBack() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      every.append(c);
    }
    List<String> texts = List.of("add-example", "dev.kfp4j.examples.AddExample.addExample(int, int)", "META-INF/kfp4j/components/add.yaml",
        every.toString(), "é ü ∑ 😀 \u2028 \u0085 \u007f", "\ud800 alone", "", "\"quoted\" \\ back/slash");
    List<PipelineIndex.Entry> entries = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Map<String, String> components = new TreeMap<>();
      for (int j = 0; j < i % 3; j++) {
        components.put(texts.get((i + j) % texts.size()) + j, texts.get((i + 2 * j + 1) % texts.size()));
      }
      // what chose its formats: not said (an entry of an earlier index), its annotation, the option
      FormatsFrom formatsFrom = i % 3 == 0 ? null : FormatsFrom.values()[i % 3 - 1];
      entries.add(new PipelineIndex.Entry("p" + i + texts.get(i), texts.get(i), texts.get((i + 1) % texts.size()),
          texts.get((i + 2) % texts.size()), texts.get((i + 3) % texts.size()), formatsFrom, components));
    }
    for (List<PipelineIndex.Entry> some : List.of(entries, entries.subList(0, 1), entries.subList(2, 3), List.<PipelineIndex.Entry>of())) {
      String json = PipelineIndex.json(some);
      assertEquals(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(Yaml.json().readTree(json)), json);
      Map<String, PipelineIndex.Entry> byName = new TreeMap<>();
      some.forEach(e -> byName.put(e.name(), e));
      assertEquals(byName, PipelineIndex.entries(PipelinesIndex.parse("# a comment\n" + json + "\n")));
    }
  }
}
