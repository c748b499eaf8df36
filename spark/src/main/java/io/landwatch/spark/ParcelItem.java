package io.landwatch.spark;

import java.io.Serializable;

/**
 * What preparing a big layer's records on the executors gives: a parcel piece for one patch
 * (stays on the executors), or a note for the driver (a quarantined record, a repair count, the
 * layer's counts), which carries no geometry.
 */
final class ParcelItem implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind { PIECE, QUARANTINED, REPAIRED, COUNTED, PATCH }

  final Kind kind;
  final int role;
  final int idx;
  final long rid;
  final byte[] wkb;
  final String category;
  final String reason;
  final long count;
  final long count2;

  private ParcelItem(Kind kind, int role, int idx, long rid, byte[] wkb, String category, String reason,
      long count, long count2) {
    this.kind = kind;
    this.role = role;
    this.idx = idx;
    this.rid = rid;
    this.wkb = wkb;
    this.category = category;
    this.reason = reason;
    this.count = count;
    this.count2 = count2;
  }

  /** Record {@code rid}'s prepared geometry (working CRS, WKB) touching patch {@code idx}. */
  static ParcelItem piece(int role, int idx, long rid, byte[] wkb) {
    return new ParcelItem(Kind.PIECE, role, idx, rid, wkb, null, null, 0, 0);
  }

  static ParcelItem quarantined(int role, long rid, String category, String reason) {
    return new ParcelItem(Kind.QUARANTINED, role, -1, rid, null, category, reason, 0, 0);
  }

  static ParcelItem repaired(int role, String category, long count) {
    return new ParcelItem(Kind.REPAIRED, role, -1, -1, null, category, null, count, 0);
  }

  /** A partition's counts: records whose envelope touched a patch's, and patch-parcel intersections. */
  static ParcelItem counted(int role, long candidates, long hits) {
    return new ParcelItem(Kind.COUNTED, role, -1, -1, null, null, null, candidates, hits);
  }

  /** Marks a patch, so that a patch with no parcel at all is judged too. */
  static ParcelItem patch(int idx) {
    return new ParcelItem(Kind.PATCH, -1, idx, -1, null, null, null, 0, 0);
  }

  boolean note() {
    return kind != Kind.PIECE && kind != Kind.PATCH;
  }
}
