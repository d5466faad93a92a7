package dev.kfp4j.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Javadoc;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.OutputModel;
import dev.kfp4j.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The outputs a component method returns: none for {@code void}, {@code Output} for a value, one
 * per component of a record. Every problem is reported on the method.
 */
final class ReturnOutputs {
  private final Elements elements;
  private final Reporter reporter;
  private final TypeMapper mapper;

  ReturnOutputs(Elements elements, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** The returned outputs of {@code method}; {@code usedNames} holds the output names taken so far, and gets these. */
  List<OutputModel> of(ExecutableElement method, Javadoc doc, Map<String, String> usedNames) {
    TypeMirror ret = method.getReturnType();
    String methodName = method.getSimpleName().toString();
    List<OutputModel> outputs = new ArrayList<>();
    if (ret.getKind() == TypeKind.VOID) {
      return outputs;
    }
    if (finalStatusReturned(method, methodName, ret)) {
      return outputs; // a record too, but no output of one
    }
    if (mapper.isRecord(ret)) {
      TypeElement record = (TypeElement) ((DeclaredType) ret).asElement();
      Javadoc recordDoc = Javadoc.parse(elements.getDocComment(record));
      for (RecordComponentElement rc : record.getRecordComponents()) {
        String n = rc.getSimpleName().toString();
        TypeMirror t = rc.asType();
        String what = methodName + "()." + n + "()";
        if (finalStatusReturned(method, what, t) || artifactReturned(method, what, t)) {
          continue;
        }
        ValueKind kind = mapper.kind(t, reporter, method, methodName + "." + n, Message.UNSUPPORTED_RETURN_TYPE,
            methodName + "()." + n + "()", t);
        if (kind == null) {
          continue;
        }
        String other = usedNames.putIfAbsent(n, n);
        if (other != null) {
          reporter.error(method, Message.RECORD_OUTPUT_CLASH, n, record.getSimpleName(), n, other);
          continue;
        }
        outputs.add(new OutputModel(n, n, OutputModel.Source.RECORD_COMPONENT, n, kind, TypeName.get(t), kind.kfpType(), recordDoc.param(n)));
      }
      return outputs;
    }
    if (artifactReturned(method, methodName, ret)) {
      return outputs;
    }
    ValueKind kind = mapper.kind(ret, reporter, method, methodName, Message.UNSUPPORTED_RETURN_TYPE, methodName, ret);
    if (kind == null) {
      return outputs;
    }
    String other = usedNames.putIfAbsent("Output", "the returned value");
    if (other != null) {
      reporter.error(method, Message.RETURNED_OUTPUT_CLASH, methodName, other);
      return outputs;
    }
    outputs.add(new OutputModel("Output", "output", OutputModel.Source.RETURN, null, kind, TypeName.get(ret), kind.kfpType(), doc.returns()));
    return outputs;
  }

  /** Reports a returned final status: the pipeline's final status is an input of the exit task only. */
  private boolean finalStatusReturned(ExecutableElement method, String what, TypeMirror type) {
    if (mapper.isType(type, TypeMapper.TASK_CONFIG)) { // a record, but KFP's driver's input, no output
      reporter.error(method, Message.TASK_CONFIG_NOT_A_VALUE, what, type);
      return true;
    }
    if (!mapper.isType(type, TypeMapper.FINAL_STATUS)) {
      return false;
    }
    reporter.error(method, Message.FINAL_STATUS_RETURNED, what, type);
    return true;
  }

  /** Reports a returned artifact: returned values are parameters; artifacts are written through {@code @Out}. */
  private boolean artifactReturned(ExecutableElement method, String what, TypeMirror type) {
    if (!mapper.isArtifact(type)) {
      return false;
    }
    String simple = ((DeclaredType) type).asElement().getSimpleName().toString();
    String name = simple.equals(simple.toUpperCase(Locale.ROOT)) ? simple.toLowerCase(Locale.ROOT)
        : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    reporter.error(method, Message.ARTIFACT_RETURNED, what, simple, simple, name);
    return true;
  }
}
