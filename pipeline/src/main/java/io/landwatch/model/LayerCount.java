package io.landwatch.model;

/**
 * Records in and out of one input layer: in = used + quarantined, checked by the run.
 *
 * @param layer the job's name of the layer
 * @param path the source file
 * @param recordsIn records read (after the layer's where: filter)
 * @param used records judged (patches) or taken into account (other layers)
 * @param quarantined records listed in quarantine.csv
 */
public record LayerCount(String layer, String path, long recordsIn, long used, long quarantined) {
  public boolean balanced() {
    return recordsIn == used + quarantined;
  }
}
