package io.landwatch.spark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The driver's peak live heap: the largest heap in use right after a full collection, over the
 * run, and at the moment the executors' results are all on the driver (a full collection is forced
 * there). Minor collections are not counted: what they leave in the old generation includes
 * garbage promoted before it died, which depends on when the collector happened to run, not on
 * what the driver holds. Logged at the end of a Spark run, and what the memory test compares.
 */
final class DriverHeap implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener;

  private DriverHeap() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    listener = (notification, handback) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      if (!info.getGcAction().contains("major")) {
        return;
      }
      long used = 0;
      for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (heapPools.contains(e.getKey())) {
          used += e.getValue().getUsed();
        }
      }
      peak.accumulateAndGet(used, Math::max);
    };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  static DriverHeap watch() {
    return new DriverHeap();
  }

  /** Counts the live heap now (after a full collection) into the peak. */
  void sample() {
    System.gc();
    MemoryUsage now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    peak.accumulateAndGet(now.getUsed(), Math::max);
  }

  /** The peak so far, including the live heap now. */
  long peakBytes() {
    sample();
    return peak.get();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException gone) {
        // already removed
      }
    }
  }
}
