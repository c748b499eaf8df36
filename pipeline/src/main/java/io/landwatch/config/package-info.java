/**
 * The job: {@link io.landwatch.config.JobConfigLoader} reads a YAML job file strictly (unknown or
 * repeated keys and wrong types are errors naming the key) into the immutable
 * {@link io.landwatch.config.JobConfig}; rules, layer specs, output formats and task labels are its
 * values. Depends on nothing but util: every other stage reads its settings from here.
 */
package io.landwatch.config;

