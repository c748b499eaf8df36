package io.landwatch.samples;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.detect.ChangeType;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Vector;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A synthetic before/after image pair with known changes: 3-band (red, NIR, green) UInt16
 * reflectance × 10 000 with scale 0.0001 and nodata 0, vegetated background with NDVI noise,
 * changed shapes, an optional nodata hole in the after image and an optional cloud mask raster.
 * Used by {@code landwatch samples} and by the detection tests (which know the true shapes).
 *
 * @param width pixels
 * @param height pixels
 * @param pixel pixel size in CRS units
 * @param minX west edge
 * @param maxY north edge
 * @param epsg CRS of both images
 * @param changes the true changes
 * @param noiseNdvi NDVI noise amplitude (uniform ±)
 * @param nodataHole region that is nodata in the after image, or null
 * @param cloud region masked by the cloud mask, or null (no mask written)
 * @param seed noise seed
 */
public record RasterScene(int width, int height, double pixel, double minX, double maxY, int epsg,
    List<Change> changes, double noiseNdvi, Geometry nodataHole, Geometry cloud, long seed) {

  /** One true change. */
  public record Change(Geometry shape, ChangeType type) {}

  /** Writes before.tif, after.tif (and mask.tif with a cloud) into {@code dir}. */
  public void write(Path dir, LocalDate before, LocalDate after) {
    Gdal.init();
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create " + dir + ": " + e.getMessage());
    }
    List<IndexedPointInAreaLocator> shapes = new ArrayList<>();
    changes.forEach(c -> shapes.add(new IndexedPointInAreaLocator(c.shape())));
    IndexedPointInAreaLocator hole = nodataHole == null ? null : new IndexedPointInAreaLocator(nodataHole);
    IndexedPointInAreaLocator cloudIn = cloud == null ? null : new IndexedPointInAreaLocator(cloud);
    Dataset b = create(dir.resolve("before.tif"), 3, gdalconst.GDT_UInt16, before);
    Dataset a = create(dir.resolve("after.tif"), 3, gdalconst.GDT_UInt16, after);
    Dataset m = cloud == null ? null : create(dir.resolve("mask.tif"), 1, gdalconst.GDT_Byte, null);
    SplittableRandom rnd = new SplittableRandom(seed);
    short[][] bRow = new short[3][width];
    short[][] aRow = new short[3][width];
    byte[] mRow = new byte[width];
    for (int y = 0; y < height; y++) {
      double cy = maxY - (y + 0.5) * pixel;
      Envelope rowEnv = new Envelope(minX, minX + width * pixel, cy, cy);
      List<Integer> active = new ArrayList<>();
      for (int k = 0; k < changes.size(); k++) {
        if (changes.get(k).shape().getEnvelopeInternal().intersects(rowEnv)) {
          active.add(k);
        }
      }
      for (int x = 0; x < width; x++) {
        Coordinate c = new Coordinate(minX + (x + 0.5) * pixel, cy);
        double ndviB = 0.75 + rnd.nextDouble(-noiseNdvi, noiseNdvi);
        double ndviA = 0.75 + rnd.nextDouble(-noiseNdvi, noiseNdvi);
        double nir = 0.42;
        double green = 0.08;
        set(bRow, x, nir * (1 - ndviB) / (1 + ndviB), nir, green);
        set(aRow, x, nir * (1 - ndviA) / (1 + ndviA), nir, green);
        for (int k : active) {
          if (shapes.get(k).locate(c) != Location.EXTERIOR) {
            ChangeType t = changes.get(k).type();
            if (t == ChangeType.CONSTRUCTION) {
              set(aRow, x, 0.30, 0.35, 0.30);
            } else if (t == ChangeType.VEGETATION_LOSS) {
              double n = 0.30 + rnd.nextDouble(-noiseNdvi, noiseNdvi);
              set(aRow, x, 0.30 * (1 - n) / (1 + n), 0.30, 0.08);
            } else if (t == ChangeType.LAND_TO_WATER) {
              set(aRow, x, 0.03, 0.02, 0.06);
            }
          }
        }
        if (hole != null && hole.locate(c) != Location.EXTERIOR) {
          aRow[0][x] = aRow[1][x] = aRow[2][x] = 0;
        }
        mRow[x] = (byte) (cloudIn != null && cloudIn.locate(c) != Location.EXTERIOR ? 1 : 0);
      }
      for (int band = 0; band < 3; band++) {
        b.GetRasterBand(band + 1).WriteRaster(0, y, width, 1, width, 1, gdalconst.GDT_UInt16, bRow[band]);
        a.GetRasterBand(band + 1).WriteRaster(0, y, width, 1, width, 1, gdalconst.GDT_UInt16, aRow[band]);
      }
      if (m != null) {
        m.GetRasterBand(1).WriteRaster(0, y, width, 1, width, 1, gdalconst.GDT_Byte, mRow);
      }
    }
    b.delete();
    a.delete();
    if (m != null) {
      m.delete();
    }
  }

  private static void set(short[][] row, int x, double red, double nir, double green) {
    row[0][x] = dn(red);
    row[1][x] = dn(nir);
    row[2][x] = dn(green);
  }

  private static short dn(double reflectance) {
    return (short) Math.max(1, Math.min(65535, Math.round(reflectance * 10_000)));
  }

  private Dataset create(Path p, int bands, int type, LocalDate date) {
    Vector<String> opts = new Vector<>(List.of("TILED=YES", "COMPRESS=DEFLATE"));
    Dataset d = gdal.GetDriverByName("GTiff").Create(p.toString(), width, height, bands, type, opts);
    d.SetGeoTransform(new double[] {minX, pixel, 0, maxY, 0, -pixel});
    d.SetProjection(Crs.epsg(epsg).wkt());
    if (date != null) {
      d.SetMetadataItem("TIFFTAG_DATETIME", String.format("%04d:%02d:%02d 10:30:00", date.getYear(),
          date.getMonthValue(), date.getDayOfMonth()));
    }
    for (int i = 1; i <= bands; i++) {
      Band band = d.GetRasterBand(i);
      if (type == gdalconst.GDT_UInt16) {
        band.SetNoDataValue(0);
        band.SetScale(0.0001);
        band.SetOffset(0);
      }
    }
    return d;
  }
}
