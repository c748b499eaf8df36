/**
 * Finding the parcels that touch each patch: {@link io.landwatch.overlay.PatchIndex} indexes the
 * (small) patch layer, {@link io.landwatch.overlay.ParcelScanner} streams a big layer past it
 * (OGR envelope first, JTS only for candidates), {@link io.landwatch.overlay.BigLayerReader} is the
 * seam where the distributed engine plugs in its spatial join. Memory holds the patches and the
 * parcels that touch them, never a whole layer.
 */
package io.landwatch.overlay;

