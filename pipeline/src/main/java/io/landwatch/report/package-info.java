/**
 * Reports people read, from the case store: the period report (HTML with inline SVG, printed to
 * PDF by headless Chromium), the joint-meeting pack, and what each department receives (XLSX and
 * CSV). Nothing personal leaves the store in an output meant for others.
 */
package io.landwatch.report;
