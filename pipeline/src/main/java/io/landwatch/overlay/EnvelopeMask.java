package io.landwatch.overlay;

import java.util.BitSet;
import org.locationtech.jts.geom.Envelope;

/**
 * A coarse bitmap of where patch envelopes are. Streaming a farmland layer asks "is this parcel
 * near any patch?" millions of times and nearly always hears no: one bit test answers that
 * before the tree is asked.
 */
final class EnvelopeMask {
  private static final int SIZE = 1024;
  private final double minX;
  private final double minY;
  private final double cellW;
  private final double cellH;
  private final BitSet bits = new BitSet(SIZE * SIZE);

  EnvelopeMask(Iterable<Envelope> envelopes, Envelope extent) {
    this.minX = extent.getMinX();
    this.minY = extent.getMinY();
    this.cellW = Math.max(extent.getWidth() / SIZE, 1e-12);
    this.cellH = Math.max(extent.getHeight() / SIZE, 1e-12);
    for (Envelope e : envelopes) {
      int x0 = col(e.getMinX());
      int x1 = col(e.getMaxX());
      int y0 = row(e.getMinY());
      int y1 = row(e.getMaxY());
      for (int y = y0; y <= y1; y++) {
        bits.set(y * SIZE + x0, y * SIZE + x1 + 1);
      }
    }
  }

  /** False when no patch envelope can touch the box; true means "ask the tree". */
  boolean mayTouch(double x0, double x1, double y0, double y1) {
    int c0 = col(x0);
    int c1 = col(x1);
    int r0 = row(y0);
    int r1 = row(y1);
    for (int y = r0; y <= r1; y++) {
      for (int x = c0; x <= c1; x++) {
        if (bits.get(y * SIZE + x)) {
          return true;
        }
      }
    }
    return false;
  }

  private int col(double x) {
    return (int) Math.max(0, Math.min(SIZE - 1, Math.floor((x - minX) / cellW)));
  }

  private int row(double y) {
    return (int) Math.max(0, Math.min(SIZE - 1, Math.floor((y - minY) / cellH)));
  }
}
