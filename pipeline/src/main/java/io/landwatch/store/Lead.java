package io.landwatch.store;

import io.landwatch.model.Channel;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * A lead as read from a file: what somebody reported, from which channel, where.
 *
 * @param row where it is in the file (the header is row 1; features count from 1)
 * @param id the lead's id as given, or derived from its content
 * @param contact the reporter's contact: private, kept in the store only
 * @param lonLat a point or a polygon, CGCS2000 lon/lat
 * @param fingerprint what makes two rows the same lead (channel, day, place, description)
 */
public record Lead(int row, String id, Channel channel, LocalDate reportedOn, String description, String contact,
    Geometry lonLat, String fingerprint) {

  public boolean point() {
    return lonLat instanceof Puntal;
  }

  /** "point" or "polygon", as stored. */
  public String location() {
    return point() ? "point" : "polygon";
  }
}
