package io.landwatch.detect;

/** The change a patch shows, by raster class value. */
public enum ChangeType {
  NONE(0, "none"),
  VEGETATION_LOSS(1, "vegetation_loss"),
  CONSTRUCTION(2, "construction_or_bare_soil"),
  WATER_TO_LAND(3, "water_filled_or_drained"),
  LAND_TO_WATER(4, "new_water");

  final int code;
  final String label;

  ChangeType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public String label() {
    return label;
  }

  static ChangeType of(int code) {
    for (ChangeType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return NONE;
  }
}
