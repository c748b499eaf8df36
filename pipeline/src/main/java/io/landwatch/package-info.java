/**
 * landwatch, the core library: judges satellite change patches (卫片图斑) against approvals and red
 * lines, keeps the case store and plans patrols. Packages are layered bottom to top (each uses only
 * those below it, checked by ArchitectureTest): util, geo, model, config, read, prepare, overlay,
 * judge, plan, store, write, job, detect, samples. This root package holds what all of them share:
 * {@link io.landwatch.LandwatchException} (an error a person can act on) and its
 * {@link io.landwatch.ExitCode}.
 */
package io.landwatch;

