package io.landwatch.read;

/** A source attribute field: name, OGR type name and width. */
public record FieldInfo(String name, String type, int width) {}
