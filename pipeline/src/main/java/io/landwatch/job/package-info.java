/**
 * The single-machine engine ({@link io.landwatch.job.JobRunner}): the stages of a run in order,
 * sharing one {@code RunState}; and {@link io.landwatch.job.JobValidator}, which checks a job
 * without running it. The distributed engine calls {@code JobRunner.run} with its own
 * {@link io.landwatch.overlay.BigLayerReader}.
 */
package io.landwatch.job;

