package io.landwatch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.Priority;
import io.landwatch.model.Village;
import io.landwatch.testing.Geoms;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes per village (from the office when the village has one) and per township; tasks outside
 * every village form their own group; the output order is township, village, route position.
 */
class TaskPlannerTest {
  static final Reprojector TO_LONLAT = Reprojector.between(Crs.epsg(4526), Crs.epsg(4490));

  static Task task(String id, String township, String village, double lon, double lat) {
    return new Task(id, id, id, new Task.Place(township, village, null, null), Priority.P2, LocalDate.of(2023, 7, 6), "open",
        new Task.Point(lon, lat, lon, lat), new Task.Areas(1, 1, 0, 0), Task.Stop.NONE, Task.Stop.NONE);
  }

  static Village village(String name, String township, double[] office) {
    return new Village(name, township, "张伟", null, 0, Geoms.rect(Geoms.LINGCHUAN_X, Geoms.LINGCHUAN_Y, 1000, 1000),
        office);
  }

  @Test
  void aVillageRouteStartsAtTheOfficeAndVisitsTheNearestFirst() {
    double[] office = {113.0, 35.0};
    List<Task> tasks = List.of(task("T3", "崇文镇", "东街村", 113.03, 35.0), task("T1", "崇文镇", "东街村", 113.01, 35.0),
        task("T2", "崇文镇", "东街村", 113.02, 35.0));
    TaskPlanner.Plan plan = TaskPlanner.plan(tasks, List.of(village("东街村", "崇文镇", office)), TO_LONLAT);
    assertEquals(List.of("T1", "T2", "T3"), plan.tasks().stream().map(Task::taskId).toList());
    assertEquals(List.of(1, 2, 3), plan.tasks().stream().map(Task::routeSeq).toList());
    TaskPlanner.RouteSummary r = plan.villageRoutes().get(0);
    assertEquals(3, r.stops());
    assertEquals(office[0], r.start()[0]);
    // 0.03° of longitude at 35° N on the ellipsoid: 2.7386 km
    assertEquals(2.7386, r.totalKm(), 0.001);
    assertEquals(0.9129, plan.tasks().get(0).legKm(), 0.001);
  }

  @Test
  void tasksOutsideEveryVillageAreTheirOwnGroupAndComeLast() {
    List<Task> tasks = List.of(task("T9", null, null, 113.5, 35.5), task("T1", "附城镇", "北关村", 113.01, 35.0),
        task("T2", "崇文镇", "东街村", 113.02, 35.0));
    TaskPlanner.Plan plan = TaskPlanner.plan(tasks, List.of(), TO_LONLAT);
    assertEquals(List.of("T2", "T1", "T9"), plan.tasks().stream().map(Task::taskId).toList(),
        "townships by name, then the tasks outside villages");
    assertEquals(3, plan.townshipRoutes().size());
    assertEquals(List.of(1, 1, 1), plan.tasks().stream().map(Task::townshipSeq).toList());
    assertEquals(0, plan.tasks().get(2).legKm(), 1e-9, "a single stop starts where it is");
  }

  @Test
  void equalInputsGiveEqualRoutesWhateverTheirOrder() {
    List<Task> a = List.of(task("T1", "崇文镇", "东街村", 113.01, 35.01), task("T2", "崇文镇", "东街村", 113.02, 35.0),
        task("T3", "崇文镇", "西街村", 113.0, 35.02));
    List<Task> b = List.of(a.get(2), a.get(0), a.get(1));
    assertEquals(TaskPlanner.plan(a, List.of(), TO_LONLAT).tasks(), TaskPlanner.plan(b, List.of(), TO_LONLAT).tasks());
  }
}
