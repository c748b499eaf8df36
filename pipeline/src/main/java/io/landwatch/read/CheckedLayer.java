package io.landwatch.read;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Crs;

/**
 * What every reader of a job's layer checks first, in one place: the configured fields exist, the
 * layer has a CRS, and its coordinates fit that CRS (else the layer is refused with the fix).
 *
 * @param crs the layer's CRS
 * @param bounds where each of its records must lie (the caller quarantines the others)
 */
public record CheckedLayer(Crs crs, CoordinateBounds bounds) {

  /** Checks an open layer of {@code spec}; fails with a message naming the layer and the fix. */
  public static CheckedLayer of(LayerSource src, LayerSpec spec) {
    FieldCheck.check(src, spec);
    Crs crs = src.requireCrs();
    return new CheckedLayer(crs, src.checkCoordinatesFitCrs());
  }
}
