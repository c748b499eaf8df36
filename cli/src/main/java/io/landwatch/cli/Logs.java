package io.landwatch.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per log record on stderr: time, level, message. */
final class Logs {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Logs() {}

  static void configure(boolean quiet) {
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler h = new ConsoleHandler();
    h.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        String level = r.getLevel() == Level.INFO ? "" : r.getLevel().getName() + " ";
        return LocalTime.now().format(TIME) + " " + level + r.getMessage() + System.lineSeparator();
      }
    });
    Level level = quiet ? Level.WARNING : Level.INFO;
    h.setLevel(level);
    root.setLevel(level);
    root.addHandler(h);
  }
}
