package io.landwatch.read;

import io.landwatch.LandwatchException;
import io.landwatch.config.LayerSpec;
import io.landwatch.config.Suggest;
import java.util.ArrayList;
import java.util.List;

/** Checks that the fields a job maps exist in the layer, before anything is read. */
public final class FieldCheck {
  private FieldCheck() {}

  /**
   * Fails for a required or explicitly mapped role field the layer lacks, naming the fields it has.
   * A default mapping the layer lacks for an optional role is simply not used.
   */
  public static void check(LayerSource src, LayerSpec spec) {
    List<String> have = src.fieldNames();
    List<String> problems = new ArrayList<>();
    for (var e : spec.fields().entrySet()) {
      boolean needed = spec.role().requiredFields().contains(e.getKey())
          || spec.explicitFields().contains(e.getKey());
      if (needed && src.fieldIndex(e.getValue()) < 0) {
        problems.add("'" + e.getKey() + ": " + e.getValue() + "' names no field of the layer."
            + Suggest.didYouMean(e.getValue(), have));
      }
    }
    LayerSpec.TableGeometry g = spec.geometry();
    if (g != null) {
      for (String col : g.isWkt() ? List.of(g.wkt()) : List.of(g.x(), g.y())) {
        if (src.fieldIndex(col) < 0) {
          problems.add("the geometry column '" + col + "' is not in the table."
              + Suggest.didYouMean(col, have));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw LandwatchException.invalidInput("inputs." + spec.name() + " (" + spec.path() + "): "
          + String.join(" ", problems) + " The layer's fields are: " + String.join(", ", have)
          + ". Map each role to one of them under inputs." + spec.name() + " in the job file.");
    }
  }
}
