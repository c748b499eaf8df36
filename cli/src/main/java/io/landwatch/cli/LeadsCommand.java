package io.landwatch.cli;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.geo.LonLatDatum;
import io.landwatch.job.LeadImport;
import io.landwatch.model.Channel;
import io.landwatch.store.CaseStore;
import io.landwatch.store.LeadFile;
import io.landwatch.store.LeadSync;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code landwatch leads import FILE --job JOB.yaml}: leads from the six channels into the case store. */
@Command(name = "leads", mixinStandardHelpOptions = true,
    description = "Leads from patrols, satellite patches, village reports, public reports, the media and"
        + " upper levels.", subcommands = LeadsCommand.Import.class)
final class LeadsCommand {
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a leads file (CSV, XLSX, GeoJSON, GeoPackage, KML, Shapefile): each lead is a point"
          + " or a polygon with a channel, a reported date and a description. A polygon is judged like a patch;"
          + " a point becomes a verification task for its village; a lead on an open case is attached to it."
          + " Every row is checked; a file with a rejected row applies nothing unless --partial. A report is"
          + " written beside the file. See docs/FIELD.md.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--job", required = true, description = "The job whose layers judge the leads and whose"
        + " case store keeps them.")
    Path job;

    @Option(names = "--coords", defaultValue = "cgcs2000", description = "What the file's longitudes and"
        + " latitudes are in: cgcs2000, wgs84 or gcj02 (a point copied from a map app). Default ${DEFAULT-VALUE};"
        + " a file in a projected CRS is reprojected.")
    String coords;

    @Option(names = "--channel", description = "Channel of rows that name none: patrol (巡查), satellite (卫片),"
        + " village_report (村级报告), public_report (群众举报), media (媒体曝光), assigned (上级交办).")
    String channel;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
      JobConfig j = StoreOption.jobWithStore(job, "leads");
      LonLatDatum datum;
      try {
        datum = LonLatDatum.parse(coords);
      } catch (IllegalArgumentException e) {
        throw LandwatchException.invalidInput("--coords " + e.getMessage() + ".");
      }
      Channel fallback = channel == null ? null : Channel.parse(channel);
      if (channel != null && fallback == null) {
        throw LandwatchException.invalidInput("--channel '" + channel + "' is not a channel; use " + Channel.help()
            + ".");
      }
      LocalDate day = options.day();
      LeadSync.Report r;
      try (CaseStore store = CaseStore.open(j.store())) {
        r = LeadImport.run(j, store, file, new LeadFile.Options(datum, fallback, options.encoding,
            j.rules().earliestDate(), day), options.partial, day);
      }
      return options.finish(file, r.rows(), r.applied(), r.rejected(), String.format("%d leads applied (%d opened a"
          + " case, %d attached to an open case, %d approved), %d already imported, %d rejected", r.applied(),
          r.opened(), r.attached(), r.approved(), r.already(), r.rejected()));
    }
  }
}
