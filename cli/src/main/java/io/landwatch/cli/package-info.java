/**
 * The {@code landwatch} command line (Picocli): parses arguments, calls one entry point of the core
 * library, prints, and maps errors to the documented exit codes. It reads and writes no files itself.
 */
package io.landwatch.cli;

