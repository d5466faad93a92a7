package dev.kfp4j.yaml;

import java.io.CharArrayReader;
import java.io.InputStream;
import java.io.Reader;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/** A {@link YAMLFactory} whose parsers resolve aliases ({@link AliasResolvingParser}). */
final class AliasResolvingFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /** The same configuration as {@code settings}, with alias-resolving parsers. */
  AliasResolvingFactory(YAMLFactory settings) {
    super(settings);
  }

  @Override
  public YAMLFactory copy() {
    return new AliasResolvingFactory(this);
  }

  @Override
  protected Object readResolve() {
    return new AliasResolvingFactory(this);
  }

  @Override
  protected YAMLParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, InputStream in) {
    return parser(readCtxt, ioCtxt, _createReader(in, null, ioCtxt));
  }

  @Override
  protected YAMLParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, Reader r) {
    return parser(readCtxt, ioCtxt, r);
  }

  @Override
  protected YAMLParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, char[] data, int offset, int len,
      boolean recyclable) {
    return parser(readCtxt, ioCtxt, new CharArrayReader(data, offset, len));
  }

  @Override
  protected YAMLParser _createParser(ObjectReadContext readCtxt, IOContext ioCtxt, byte[] data, int offset, int len) {
    return parser(readCtxt, ioCtxt, _createReader(data, offset, len, null, ioCtxt));
  }

  private YAMLParser parser(ObjectReadContext readCtxt, IOContext ioCtxt, Reader reader) {
    return new AliasResolvingParser(readCtxt, ioCtxt, _getBufferRecycler(), readCtxt.getStreamReadFeatures(_streamReadFeatures),
        readCtxt.getFormatReadFeatures(_formatReadFeatures), _loadSettings, new WholeCodePointReader(reader));
  }
}
