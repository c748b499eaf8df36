/**
 * Synthetic counties for tries, tests and benchmarks, seeded and deterministic, carrying the data
 * realities of domain.md (GBK without .cpg, mixed CRSs, invalid geometries, duplicated parcels, bad
 * dates), and image pairs with known changes.
 */
package io.landwatch.samples;

