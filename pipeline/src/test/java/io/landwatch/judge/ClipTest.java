package io.landwatch.judge;

import static io.landwatch.judge.JudgeFixture.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.landwatch.judge.Clip.Side;
import io.landwatch.testing.Geoms;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class ClipTest {
  private static final RobustOverlay OVERLAY = new RobustOverlay(new GeometryFactory());

  /** X: a 100 m square with a 20 m hole in the middle. */
  private static final Geometry X = OverlayNGRobust.overlay(r(0, 0, 100, 100), r(40, 40, 20, 20), OverlayNG.DIFFERENCE);

  @Test
  void placesPiecesInsideOutsideAndAcross() {
    Clip x = Clip.of(X);
    assertEquals(Side.INSIDE, x.side(r(5, 5, 10, 10)));
    assertEquals(Side.OUTSIDE, x.side(r(200, 0, 10, 10)), "envelope apart");
    assertEquals(Side.OUTSIDE, x.side(r(45, 45, 5, 5)), "inside the hole");
    assertEquals(Side.OUTSIDE, x.side(r(110, 5, 10, 200)), "envelopes meet, shapes do not");
    assertEquals(Side.ACROSS, x.side(r(90, 5, 20, 10)), "crosses the outer edge");
    assertEquals(Side.ACROSS, x.side(r(35, 45, 10, 5)), "crosses the hole's edge");
    assertEquals(Side.ACROSS, x.side(r(30, 30, 40, 40)), "holds the hole: no edges cross");
    assertEquals(Side.ACROSS, x.side(r(-10, -10, 120, 120)), "holds all of X");
    assertEquals(Side.ACROSS, x.side(r(100, 5, 10, 10)), "touches the edge from outside");
    Geometry mixed = Geoms.GF.createMultiPolygon(new Polygon[] {r(5, 5, 10, 10), r(200, 5, 10, 10)});
    assertEquals(Side.ACROSS, x.side(mixed), "one part in, one out");
  }

  @Test
  void oneOverlayForAllPiecesGivesEachPiecesShare() {
    SplittableRandom rnd = new SplittableRandom(7);
    Geometry p = AffineTransformation.rotationInstance(0.4, JudgeFixture.X0 + 60, JudgeFixture.Y0 + 40)
        .transform(r(0, 0, 120, 80));
    Clip x = Clip.of(p);
    List<Geometry> pieces = new ArrayList<>();
    for (double px = -60; px < 180; px += 9.5) {
      for (double py = -60; py < 140; py += 9.5) {
        // at most 6 × 6 m turned about its centre: the pieces stay 9.5 m apart, disjoint
        double w = 2 + rnd.nextDouble() * 4;
        pieces.add(AffineTransformation.rotationInstance(rnd.nextDouble() * 3, JudgeFixture.X0 + px + w / 2,
            JudgeFixture.Y0 + py + 3).transform(r(px, py, w, 6)));
      }
    }
    double expected = 0;
    int across = 0;
    for (Geometry piece : pieces) {
      expected += OverlayNGRobust.overlay(piece, p, OverlayNG.INTERSECTION).getArea();
      across += x.side(piece) == Side.ACROSS ? 1 : 0;
    }
    double got = 0;
    for (Geometry g : x.within(pieces, OVERLAY)) {
      got += g.getArea();
    }
    assertEquals(expected, got, 1e-6);
    assertEquals(true, across > 20, "the test crosses P's edge: " + across);
    // each polygon of the one overlay went back to its own piece: asked again, piece by piece
    for (Geometry piece : pieces) {
      double own = 0;
      for (Geometry g : x.within(List.of(piece), OVERLAY)) {
        own += g.getArea();
      }
      assertEquals(OverlayNGRobust.overlay(piece, p, OverlayNG.INTERSECTION).getArea(), own, 1e-6);
    }
  }

  @Test
  void uTakesPsAnswerOnlyForPiecesAwayFromTheApprovals() {
    Geometry p = r(0, 0, 100, 60);
    Geometry a = r(40, -10, 30, 90);
    Geometry u = OverlayNGRobust.overlay(p, a, OverlayNG.DIFFERENCE);
    Clip inP = Clip.of(p);
    Clip inU = Clip.difference(u, inP, a);
    List<Geometry> pieces = new ArrayList<>();
    for (double px = -5; px < 110; px += 7) {
      for (double py = -5; py < 70; py += 7) {
        pieces.add(r(px, py, 5, 5));
      }
    }
    inP.within(pieces, OVERLAY);
    double expected = 0;
    for (Geometry piece : pieces) {
      Geometry part = OverlayNGRobust.overlay(piece, u, OverlayNG.INTERSECTION);
      expected += part.getArea();
      Side side = part.isEmpty() ? Side.OUTSIDE : Math.abs(part.getArea() - piece.getArea()) < 1e-9 ? Side.INSIDE : Side.ACROSS;
      if (side != Side.ACROSS) {
        assertEquals(side, inU.side(piece), piece.toText());
      }
    }
    double got = 0;
    for (Geometry g : inU.within(pieces, OVERLAY)) {
      got += g.getArea();
    }
    assertEquals(expected, got, 1e-6);
    assertEquals(Side.ACROSS, inU.side(r(38, 10, 5, 5)), "crosses A's edge inside P");
    assertEquals(Side.OUTSIDE, inU.side(r(50, 10, 5, 5)), "inside A");
  }
}
