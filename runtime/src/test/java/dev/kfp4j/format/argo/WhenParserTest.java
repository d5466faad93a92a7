package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Predicate.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo's {@code when} as the reader takes it: the structure of &&, || and !, its operands, and where it fails. */
class WhenParserTest {
  private static Predicate parse(String when) {
    return WhenParser.parse(when, "task 'a'", text -> new Argument.Constant(text, ParameterType.STRING));
  }

  private static Predicate compare(String left, Operator op, String right) {
    return new Predicate.Comparison(new Argument.Constant(left, ParameterType.STRING), op,
        new Argument.Constant(right, ParameterType.STRING));
  }

  @Test
  void andBindsTighterThanOrAndBangNegatesOneTerm() {
    assertEquals(new Predicate.Any(List.of(compare("a", Operator.EQ, "b"),
            new Predicate.All(List.of(compare("c", Operator.NE, "d"), new Predicate.Not(compare("e", Operator.LT, "f")))))),
        parse("a == b || c != d && !(e < f)"));
  }

  @Test
  void parenthesesGroup() {
    assertEquals(new Predicate.All(List.of(new Predicate.Any(List.of(compare("a", Operator.GE, "1"), compare("b", Operator.LE, "2"))),
            compare("c", Operator.GT, "3"))),
        parse("(a >= 1 || b <= 2) && c > 3"));
  }

  @Test
  void kfpV1PastesReferencesAndQuotesIntoTheText() {
    assertEquals(compare("{{tasks.flip.outputs.parameters.Output}}", Operator.EQ, "heads"),
        parse("\"{{tasks.flip.outputs.parameters.Output}}\" == \"heads\""));
    assertEquals(compare("{{inputs.parameters.n}}", Operator.GT, "3"), parse("{{inputs.parameters.n}} > 3"));
  }

  @Test
  void anExpressionTagReadsVariablesAsReferencesAndUnescapesLiterals() {
    assertEquals(compare("{{tasks.a.outputs.parameters.x}}", Operator.EQ, "it's"),
        parse("{{=tasks['a'].outputs.parameters['x'] == 'it\\'s'}}"));
    assertEquals(compare("{{inputs.parameters.n}}", Operator.GT, "3"), parse("{{=asFloat(inputs.parameters['n']) > 3}}"));
  }

  /** expr's {@code ==} of a text and a number is false, never a comparison of numbers (runtime.Equal); read so before. */
  @Test
  void anExpressionTagComparingTextWithANumberIsRefused() {
    assertEquals("task 'a': when 'inputs.parameters['n'] == 5': it compares text with a number ('{{inputs.parameters.n}}' == "
        + "'5'), which Argo's expr finds never equal and cannot order (its variables are text): read the text as a number with "
        + "asFloat(...), or write the number as text ('5'); kfp4j reads comparisons joined by &&, || and !",
        error("{{=inputs.parameters['n'] == 5}}"));
    assertEquals(Predicate.Compared.AS_NUMBERS, ((Predicate.Comparison) parse("{{=asFloat(inputs.parameters['n']) > 3}}")).compared());
    assertEquals(Predicate.Compared.AS_TEXT, ((Predicate.Comparison) parse("{{=inputs.parameters['n'] > '3'}}")).compared());
  }

  @Test
  void errorsQuoteTheConditionAndSayWhatIsWrong() {
    String tail = "; kfp4j reads comparisons joined by &&, || and !";
    assertEquals("task 'a': when 'a == b c': unexpected 'c'" + tail, error("a == b c"));
    assertEquals("task 'a': when 'a b': expected a comparison (==, !=, <, <=, >, >=) after 'a'" + tail, error("a b"));
    assertEquals("task 'a': when 'a == \"b': unterminated quote" + tail, error("a == \"b"));
    assertEquals("task 'a': when 'a == ': expected a value" + tail, error("a == "));
    assertEquals("task 'a': when 'asInt(x == 1': expected ')' after asInt({{x}}" + tail, error("{{=asInt(x == 1}}"));
  }

  private static String error(String when) {
    return assertThrows(FormatException.class, () -> parse(when)).getMessage();
  }
}
