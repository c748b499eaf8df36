/**
 * From source records to domain records: {@link io.landwatch.prepare.GeometryPreparer} turns a
 * feature into a valid 2D polygon in the working CRS in named, counted repair steps;
 * {@link io.landwatch.prepare.Records} maps attributes (ids, dates in a plausible window) to
 * patches, approvals and villages; {@link io.landwatch.prepare.LayerLoader} reads a small layer
 * whole. Guarantee: every record ends up as a domain record or in the
 * {@link io.landwatch.prepare.Quarantine} with a category and a reason.
 */
package io.landwatch.prepare;

