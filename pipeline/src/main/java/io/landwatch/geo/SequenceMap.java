package io.landwatch.geo;

import java.util.function.Consumer;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A copy of a geometry with every coordinate sequence rewritten in place by one operation. */
public final class SequenceMap {
  private SequenceMap() {}

  /** {@code op} is called once per coordinate sequence of the copy (each ring, each line). */
  public static Geometry of(Geometry g, Consumer<CoordinateSequence> op) {
    Geometry copy = g.copy();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        if (i == 0) {
          op.accept(seq);
        }
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    copy.geometryChanged();
    return copy;
  }
}
