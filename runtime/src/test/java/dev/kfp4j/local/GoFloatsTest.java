package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What Go's strconv.ParseFloat(s, 64) reads, and as what: the texts Argo's asFloat takes. */
class GoFloatsTest {
  @Test
  void readsDecimalAndHexadecimalNumbersWithUnderscoresBetweenDigits() {
    String[][] read = {
        {"1", "1.0"}, {"+1", "1.0"}, {"-0.1", "-0.1"}, {".5", "0.5"}, {"1.", "1.0"}, {"625e-3", "0.625"}, {"1E23", "1.0E23"},
        {"0x1p0", "1.0"}, {"0x1p-1", "0.5"}, {"-0x1ep-1", "-15.0"}, {"0x1fFe2.P0", "131042.0"}, {"0x.1p+2", "0.25"},
        {"0x0.fp4", "15.0"}, {"1_23.50_0_0e+1_2", "1.235E14"}, {"0x_1_2.3_4_5p+1_2", "74565.0"}, {"-0x1_ep-1", "-15.0"},
        {"1e-400", "0.0"}, {"2e-324", "0.0"}, {"1.7976931348623158e308", "1.7976931348623157E308"}};
    for (String[] c : read) {
      assertEquals(Double.valueOf(c[1]), GoFloats.parse(c[0]), c[0]);
    }
  }

  @Test
  void readsInfinitiesAndNanInAnyCase() {
    for (String s : new String[] {"inf", "+INF", "Infinity", "+INFINITY"}) {
      assertEquals(Double.POSITIVE_INFINITY, GoFloats.parse(s), s);
      assertTrue(GoFloats.infinity(s), s);
    }
    assertEquals(Double.NEGATIVE_INFINITY, GoFloats.parse("-Inf"));
    assertEquals(Double.NEGATIVE_INFINITY, GoFloats.parse("-infinity"));
    for (String s : new String[] {"nan", "NaN", "NAN"}) {
      assertTrue(GoFloats.parse(s).isNaN(), s);
    }
  }

  /** Past a float64's range Go reads an infinity with ErrRange, which is not an infinity written as one. */
  @Test
  void aNumberPastTheRangeIsAnInfinityThatIsNotWrittenAsOne() {
    for (String s : new String[] {"1e309", "-1.797693134862315808e308", "0x1p1024", "0x1.fffffffffffff8p1023", "1e+4294967296"}) {
      assertTrue(GoFloats.parse(s).isInfinite(), s);
      assertTrue(!GoFloats.infinity(s), s);
    }
  }

  @Test
  void refusesWhatGoRefuses() {
    String[] refused = {"", " 1", "1 ", "1x", "1.1.", "0x1e2", "1p2", "0x1", "0x.1", "0x1p", "0x1p+", "1e", "1e-", ".e-1", ".", "+",
        "1d", "1f", "0x1p1d", "Infinity1", "infin", "+nan", "-NaN", "1_", "_1", "1__0", "123_.5", "123._5", "123.5_e+12",
        "123.5e_+12", "123.5e+_12", "123.5e+12_", "0x__12.345p+12", "0x12_.345p+12", "0x12.345p+_12", "1,5", "١"};
    for (String s : refused) {
      assertNull(GoFloats.parse(s), s);
    }
  }
}
