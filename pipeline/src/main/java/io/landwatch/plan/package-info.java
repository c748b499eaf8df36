/**
 * Patrol planning: {@link io.landwatch.plan.Task} values and
 * {@link io.landwatch.plan.TaskPlanner}, which orders a township&#39;s and a village&#39;s tasks into
 * routes (nearest neighbour and 2-opt on geodesic distances, {@link io.landwatch.plan.RoutePlanner}).
 */
package io.landwatch.plan;

