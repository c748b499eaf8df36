/**
 * Small helpers with no landwatch dependency: progress logging at a steady interval, charset names,
 * I/O errors as file + reason, and the inert test hooks (crash points, injected full disk) that the
 * reliability suite switches on with system properties.
 */
package io.landwatch.util;

