package dev.kfp4j.processor.writer;

import javax.lang.model.element.Element;

/** A generated source file: its class's qualified name, its text, and the elements it was generated from. */
public record JavaSource(String name, String text, Element[] origins) {}
