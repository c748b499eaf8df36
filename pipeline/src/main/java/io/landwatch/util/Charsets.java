package io.landwatch.util;

import java.nio.charset.Charset;
import java.util.Locale;

/** Charset names as county data writes them: "936", "cp936", "GBK", "utf-8", "UTF8". */
public final class Charsets {
  private Charsets() {}

  /** "936" → "CP936"; other names pass through. */
  public static String normalize(String name) {
    String n = name.trim();
    return n.matches("\\d+") ? "CP" + n : n;
  }

  /** True when Java can decode the name (iconv, which OGR uses, knows at least as many). */
  public static boolean known(String name) {
    try {
      return Charset.isSupported(normalize(name));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True for every spelling of UTF-8. */
  public static boolean isUtf8(String name) {
    return name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").equals("UTF8");
  }
}
