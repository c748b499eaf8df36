package io.landwatch.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A layer opened on one thread is read once on another and released exactly once. */
class OpenedLayerTest {
  @Test
  void aReadReleasesTheLayerAndALaterCloseDoesNothing() {
    AtomicInteger released = new AtomicInteger();
    ParcelHits hits = ParcelHits.none(3);
    BigLayerReader.Opened layer = BigLayerReader.Opened.of(() -> hits, released::incrementAndGet);
    assertSame(hits, layer.read());
    assertEquals(1, released.get());
    layer.close();
    assertEquals(1, released.get());
    assertThrows(IllegalStateException.class, layer::read);
  }

  @Test
  void aLayerClosedUnreadIsReleasedAndCannotBeReadAfterwards() {
    AtomicInteger released = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    BigLayerReader.Opened layer = BigLayerReader.Opened.of(() -> {
      reads.incrementAndGet();
      return ParcelHits.none(1);
    }, released::incrementAndGet);
    layer.close();
    layer.close();
    assertEquals(1, released.get());
    assertThrows(IllegalStateException.class, layer::read);
    assertEquals(0, reads.get());
  }

  @Test
  void aFailingReadStillReleasesTheLayer() {
    AtomicInteger released = new AtomicInteger();
    BigLayerReader.Opened layer = BigLayerReader.Opened.of(() -> {
      throw new IllegalArgumentException("broken record");
    }, released::incrementAndGet);
    assertThrows(IllegalArgumentException.class, layer::read);
    assertEquals(1, released.get());
  }
}
