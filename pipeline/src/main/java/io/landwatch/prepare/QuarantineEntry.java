package io.landwatch.prepare;

/**
 * An input record that was not used, and why.
 *
 * @param layer the job's name for the layer (patches, approvals[0], farmland, ...)
 * @param record the record number in the source (OGR feature id)
 * @param id the record's id value when the layer has one, or ""
 * @param category a stable machine-readable category (null_geometry, bad_date, ...)
 * @param reason a sentence a person understands
 */
public record QuarantineEntry(String layer, long record, String id, String category, String reason) {}
