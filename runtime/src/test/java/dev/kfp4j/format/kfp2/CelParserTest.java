package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Predicate.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KFP 2's CEL conditions as the reader takes them: the structure of &&, || and !(...), its operands, and where it fails. */
class CelParserTest {
  private static Predicate parse(String cel) {
    return CelParser.parse(cel, "task 'a'", Argument.PipelineParameter::new, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  private static Argument input(String name) {
    return new Argument.PipelineParameter(name);
  }

  @Test
  void andBindsTighterThanOrAndNotTakesAGroup() {
    Predicate n = new Predicate.Comparison(input("n"), Operator.GT, new Argument.Constant("3", ParameterType.INTEGER));
    Predicate s = new Predicate.Comparison(input("s"), Operator.EQ, new Argument.Constant("x", ParameterType.STRING));
    Predicate b = new Predicate.Comparison(input("b"), Operator.NE, new Argument.Constant("True", ParameterType.BOOLEAN));
    assertEquals(new Predicate.Any(List.of(new Predicate.All(List.of(n, new Predicate.Not(s))), b)),
        parse("int(inputs.parameter_values['n']) > 3 && !(inputs.parameter_values['s'] == 'x') || inputs.parameter_values['b'] != true"));
    assertEquals(new Predicate.All(List.of(new Predicate.Any(List.of(n, b)), s)),
        parse("(int(inputs.parameter_values['n']) > 3 || inputs.parameter_values['b'] != true) && inputs.parameter_values['s'] == \"x\""));
  }

  @Test
  void errorsQuoteTheConditionAndSayWhatIsWrong() {
    assertEquals("task 'a': condition '1 == 1 x': unexpected 'x'", error("1 == 1 x"));
    assertEquals("task 'a': condition '!(1 == 1': expected ')'", error("!(1 == 1"));
    assertEquals("task 'a': condition '1 2': expected a comparison", error("1 2"));
    assertEquals("task 'a': condition '1 == 'a': unterminated string", error("1 == 'a"));
    assertEquals("task 'a': condition '1 == x': expected a value, found 'x'", error("1 == x"));
  }

  private static String error(String cel) {
    return assertThrows(FormatException.class, () -> parse(cel)).getMessage();
  }
}
