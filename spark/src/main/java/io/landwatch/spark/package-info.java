/**
 * The distributed engine on Apache Spark and Sedona: a {@link io.landwatch.overlay.BigLayerReader}
 * that finds the parcels touching each patch with a partitioned spatial join; everything else is
 * the core library&#39;s, called through {@link io.landwatch.job.JobRunner}.
 */
package io.landwatch.spark;

