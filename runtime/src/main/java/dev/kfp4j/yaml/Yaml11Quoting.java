package dev.kfp4j.yaml;

import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Jackson's rules for which texts and keys to quote, and YAML 1.1's: a text such as {@code
 * 2024-01-31} or {@code 0x1F}, which Jackson (a YAML 1.2 writer) leaves bare, is quoted, as
 * PyYAML and go-yaml v2 would read it bare as a date or a number ({@link
 * JacksonText#otherInYaml11}).
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || JacksonText.otherInYaml11(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || JacksonText.otherInYaml11(value);
  }
}
