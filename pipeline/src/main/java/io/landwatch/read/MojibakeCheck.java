package io.landwatch.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Spots text decoded with the wrong charset: Chinese GBK read as Latin-1 (the usual DBF without
 * a .cpg), or UTF-8 read as GBK. Each test re-encodes the string with the charset it was decoded
 * with and asks whether the bytes make better sense in the other one.
 */
public final class MojibakeCheck {
  private static final Charset GBK = Charset.forName("GBK");

  /** Layers repeat their values (townships, land classes): each distinct one is judged once. */
  private static final int MEMO_LIMIT = 10_000;
  private static final String CLEAN = "";

  private final java.util.Map<String, String> memo = new java.util.HashMap<>();
  private String memoCharset;
  private int suspicious;
  private int examined;
  private String example;
  private String likelyCharset;

  /** Looks at one decoded value; {@code effective} is the charset it was decoded with. */
  public void examine(String value, String effective) {
    if (value == null || value.isEmpty() || isAscii(value)) {
      return;
    }
    examined++;
    if (!effective.equals(memoCharset)) {
      memo.clear();
      memoCharset = effective;
    }
    String guess = memo.get(value);
    if (guess == null) {
      guess = guess(value, effective);
      if (memo.size() < MEMO_LIMIT) {
        memo.put(value, guess == null ? CLEAN : guess);
      }
    } else if (guess.isEmpty()) {
      guess = null;
    }
    if (guess != null) {
      suspicious++;
      if (example == null) {
        example = value;
        likelyCharset = guess;
      }
    }
  }

  public static String guess(String value, String effective) {
    if (value.indexOf('\uFFFD') >= 0) {
      return "GBK";
    }
    String e = effective.toUpperCase(java.util.Locale.ROOT);
    if (e.contains("8859") || e.contains("LATIN") || e.equals("CP1252")) {
      if (!value.chars().allMatch(c -> c < 0x100)) {
        return null;
      }
      byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
      if (decodesToCjk(raw, StandardCharsets.UTF_8)) {
        return "UTF-8";
      }
      if (decodesToCjk(raw, GBK)) {
        return "GBK";
      }
    } else if (e.replace("-", "").equals("UTF8")) {
      // The GDAL Java binding turns bytes that are not UTF-8 into Latin-1 characters.
      boolean latin1 = value.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF && c != 0xB7 && c != 0xD7 && c != 0xB0);
      return latin1 ? "GBK" : null;
    } else if (e.contains("936") || e.contains("GBK") || e.contains("GB2312") || e.contains("GB18030")) {
      byte[] raw = value.getBytes(GBK);
      if (decodesToCjk(raw, StandardCharsets.UTF_8) && !isAscii(new String(raw, StandardCharsets.UTF_8))
          || utf8CutShort(raw)) {
        return "UTF-8";
      }
    }
    return null;
  }

  /**
   * UTF-8 read as GBK usually loses the last byte of a value (GBK takes bytes in pairs): the
   * re-encoded bytes are then valid UTF-8 Chinese except for one truncated character at the end.
   */
  private static boolean utf8CutShort(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    int bad = s.indexOf('\uFFFD');
    if (bad < 0 || bad != s.length() - 1) {
      return false;
    }
    return s.substring(0, bad).codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
        && decodesToCjk(s.substring(0, bad).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /**
   * Whether the bytes are valid in {@code cs} and hold a CJK ideograph. Decoded through the
   * result-returning API: most values are not valid in the other charset, and an exception each
   * (CharsetDecoder.decode(ByteBuffer) throws) cost a small county's run ~30 ms.
   */
  private static boolean decodesToCjk(byte[] raw, Charset cs) {
    CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(raw.length * (double) decoder.maxCharsPerByte()) + 1);
    if (decoder.decode(ByteBuffer.wrap(raw), out, true).isError() || decoder.flush(out).isError()) {
      return false;
    }
    out.flip();
    return out.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** True when most non-ASCII values look wrongly decoded. */
  public boolean looksWrong() {
    return suspicious > 0 && suspicious * 2 >= examined;
  }

  public String example() {
    return example;
  }

  public String likelyCharset() {
    return likelyCharset;
  }
}
