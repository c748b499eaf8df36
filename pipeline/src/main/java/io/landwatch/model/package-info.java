/**
 * The values the pipeline passes between stages: patches, approvals, villages (each with its
 * prepared geometry in the working CRS and its source record number), source records and layer
 * counts. Records only; no I/O.
 */
package io.landwatch.model;

