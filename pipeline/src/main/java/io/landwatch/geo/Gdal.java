package io.landwatch.geo;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import org.gdal.gdal.gdal;
import org.gdal.ogr.ogr;
import org.gdal.osr.osr;

/** Loads the GDAL natives once; a missing library becomes one actionable line, not a stack trace. */
public final class Gdal {
  private static volatile boolean ready;

  private Gdal() {}

  public static synchronized void init() {
    if (ready) {
      return;
    }
    try {
      // Load it ourselves first: GDAL's own loader prints a stack trace to stderr when it fails.
      System.loadLibrary("gdalalljni");
      gdal.AllRegister();
      ogr.RegisterAll();
      gdal.UseExceptions();
      ogr.UseExceptions();
      osr.UseExceptions();
      // Inputs are never written: a missing .shx is rebuilt in a copy (ShxRestore). Shapefiles are
      // read and written the way desktop GIS does: no silent ring reorganisation
      // surprises, and DBF text recoded to UTF-8 by OGR.
      gdal.SetConfigOption("SHAPE_RESTORE_SHX", "NO");
      gdal.SetConfigOption("OGR_ORGANIZE_POLYGONS", "DEFAULT");
      // Lists from Excel always have a header row, even when every column is text.
      gdal.SetConfigOption("OGR_XLSX_HEADERS", "FORCE");
      gdal.SetConfigOption("OGR_ODS_HEADERS", "FORCE");
      ready = true;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new LandwatchException(ExitCode.ENVIRONMENT,
          "The GDAL Java native library (libgdalalljni.so) could not be loaded: run scripts/setup-gdal,"
              + " then start landwatch with ./landwatch (it sets -Djava.library.path). Detail: "
              + e.getMessage());
    }
  }

  /** GDAL's own version string, e.g. "3.6.2". */
  public static String version() {
    init();
    return gdal.VersionInfo("RELEASE_NAME");
  }
}
