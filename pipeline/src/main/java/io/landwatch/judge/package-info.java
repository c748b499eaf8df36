/**
 * The judgment of one patch, the function both engines call: {@link io.landwatch.judge.PatchJudge}
 * takes a patch and what touches it ({@link io.landwatch.judge.PatchInputs}) and returns its
 * verdict, ellipsoidal areas (unapproved, farmland, basic farmland, red line; no area counted
 * twice), priority, referral flag and village ({@link io.landwatch.judge.PatchResult}). Overlay is
 * robust (OverlayNG, validity-checked, snap-rounding fallback).
 */
package io.landwatch.judge;

