/**
 * Change patches from two dated rasters ({@code landwatch detect}): the before image warped onto
 * the after grid, per-pixel change rules, opening, block-wise processing with a halo, polygonizing,
 * output in the patches schema.
 */
package io.landwatch.detect;

