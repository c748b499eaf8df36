/**
 * Reading vector layers of any GDAL format: {@link io.landwatch.read.LayerSource} opens a layer of
 * a job with its text encoding decided (job, .cpg, DBF language id) and its CRS identified, checks
 * that its coordinates fit the CRS, and streams features one at a time. Inputs are never written
 * (a missing .shx is rebuilt in a temporary copy). Also field checks, mojibake detection and what
 * {@code inspect} shows.
 */
package io.landwatch.read;

