package io.landwatch.store;

import io.landwatch.model.Channel;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * A lead as the store keeps it.
 *
 * @param contact the reporter's contact: private, never written to an output
 * @param location "point" or "polygon"
 * @param caseId the case it opened or was attached to, or null (judged approved)
 * @param outcome opened, attached or approved
 * @param facts what lies there, in one line
 * @param fingerprint what makes two rows the same lead (SHA-256)
 * @param geometry the point or polygon, CGCS2000 lon/lat (null when only attributes are read)
 */
public record LeadRow(String leadId, Channel channel, LocalDate reportedOn, String description, String contact,
    String location, String caseId, String outcome, String facts, String fingerprint, String sourceFile,
    int sourceRow, String importedAt, Geometry geometry) {

  static LeadRow read(StoreFields f, Geometry g) {
    return new LeadRow(f.text("lead_id"), Channel.ofCode(f.text("channel")), f.date("reported_on"),
        f.text("description"), f.text("reporter_contact"), f.text("location"), f.text("case_id"), f.text("outcome"),
        f.text("facts"), f.text("fingerprint"), f.text("source_file"), f.integer("source_row"), f.text("imported_at"), g);
  }

  void write(StoreFields.Writer w) {
    w.set("lead_id", leadId);
    w.set("channel", channel.code());
    w.date("reported_on", reportedOn);
    w.set("description", description);
    w.set("reporter_contact", contact);
    w.set("location", location);
    w.set("case_id", caseId);
    w.set("outcome", outcome);
    w.set("facts", facts);
    w.set("fingerprint", fingerprint);
    w.set("source_file", sourceFile);
    w.set("source_row", sourceRow);
    w.set("imported_at", importedAt);
  }
}
