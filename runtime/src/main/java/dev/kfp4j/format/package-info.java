/**
 * The formats of a {@link dev.kfp4j.model.Pipeline}: each subpackage reads and writes one, and is
 * the only code that knows its keys.
 */
package dev.kfp4j.format;
