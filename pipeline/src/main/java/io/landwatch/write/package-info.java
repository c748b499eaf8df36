/**
 * Every file landwatch writes: GeoJSON (RFC 7946), CSV (UTF-8 with BOM), summary and manifest JSON,
 * desktop GIS layers (GeoPackage, Shapefile in GBK, FileGDB), task outputs (CSV, GeoJSON, XLSX,
 * printable HTML sheets), the ledger and the feedback report. Each file is written under a
 * temporary name and renamed ({@link io.landwatch.write.AtomicFile}); a run&#39;s files are published
 * as one set ({@link io.landwatch.write.OutputSet}).
 */
package io.landwatch.write;

