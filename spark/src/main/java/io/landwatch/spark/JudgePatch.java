package io.landwatch.spark;

import io.landwatch.config.Rules;
import io.landwatch.geo.GeometryTransform;
import io.landwatch.judge.PatchInputs;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import scala.Tuple2;

/**
 * On an executor: one patch's pieces of the three big layers, in record order per layer (the
 * order the single-machine scan finds them in), joined to its small-layer inputs and judged by
 * the core's {@link PatchJudge}. Only the result goes back to the driver.
 */
final class JudgePatch implements Function<Tuple2<Integer, Iterable<ParcelItem>>, JudgePatch.Outcome> {
  private static final long serialVersionUID = 1L;
  private final Rules rules;
  private final GeometryTransform toLonLat;
  private final Broadcast<List<PatchInputs>> patches;
  private transient PatchJudge judge;

  JudgePatch(Rules rules, GeometryTransform toLonLat, Broadcast<List<PatchInputs>> patches) {
    this.rules = rules;
    this.toLonLat = toLonLat;
    this.patches = patches;
  }

  /** A patch's result, or why its overlay failed. */
  record Outcome(int idx, PatchResult result, String failure) implements Serializable {}

  @Override
  public Outcome call(Tuple2<Integer, Iterable<ParcelItem>> group) throws ParseException {
    if (judge == null) {
      judge = new PatchJudge(rules, toLonLat);
    }
    List<ParcelItem> items = new ArrayList<>();
    group._2().forEach(it -> {
      if (it.kind == ParcelItem.Kind.PIECE) {
        items.add(it);
      }
    });
    items.sort(Comparator.comparingInt((ParcelItem it) -> it.role).thenComparingLong(it -> it.rid));
    List<List<Geometry>> layers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    WKBReader reader = new WKBReader();
    for (ParcelItem it : items) {
      layers.get(it.role).add(reader.read(it.wkb));
    }
    PatchInputs small = patches.value().get(group._1());
    try {
      return new Outcome(group._1(), judge.judge(new PatchInputs(small.patch(), small.approvals(), layers.get(0),
          layers.get(1), layers.get(2), small.villages())), null);
    } catch (PatchJudge.JudgeFailure e) {
      return new Outcome(group._1(), null, e.getMessage());
    }
  }
}
