package io.landwatch.overlay;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Patch envelopes in one layer's CRS, for the streaming test "which patches may this record
 * touch?": a bitmap answers the usual "none" with one bit test, an STRtree the rest.
 */
public final class PatchEnvelopes {
  private final STRtree tree = new STRtree();
  private final EnvelopeMask mask;
  private final Envelope query = new Envelope();

  PatchEnvelopes(List<Envelope> envelopes) {
    Envelope all = new Envelope();
    for (int i = 0; i < envelopes.size(); i++) {
      tree.insert(envelopes.get(i), i);
      all.expandToInclude(envelopes.get(i));
    }
    tree.build();
    mask = new EnvelopeMask(envelopes, all);
  }

  /**
   * Fills {@code out} with the indexes of the patches whose envelope touches the box. Not
   * thread-safe (one instance per scanning thread).
   *
   * @param env minX, maxX, minY, maxY as OGR returns them
   */
  void query(double[] env, List<Integer> out) {
    out.clear();
    if (!mask.mayTouch(env[0], env[1], env[2], env[3])) {
      return;
    }
    query.init(env[0], env[1], env[2], env[3]);
    tree.query(query, item -> out.add((Integer) item));
  }
}
