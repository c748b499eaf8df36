package io.landwatch.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * A real headless browser for the tests: Debian's chromium driven through chromedriver by
 * Selenium. Pages are opened from files, screenshots saved as PNG, pages printed to PDF by the
 * browser itself.
 */
final class Browser implements AutoCloseable {
  private final ChromeDriver driver;

  Browser(int width, int height) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(new File("/usr/bin/chromium"));
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    driver = new ChromeDriver(service, o);
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(Path html) {
    driver.get(html.toAbsolutePath().toUri().toString());
  }

  /** The whole page, as tall as its content, saved as PNG. */
  Path screenshot(Path png) throws Exception {
    Number h = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    Number w = (Number) driver.executeScript("return document.documentElement.scrollWidth");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(w.intValue(), Math.min(h.intValue() + 20, 12000)));
    Files.createDirectories(png.getParent());
    Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    return png;
  }

  /** The page printed by the browser on A4 (CSS page rules honoured). */
  Path print(Path pdf) throws Exception {
    PrintOptions p = new PrintOptions();
    p.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0)); // height, width in cm
    p.setBackground(true);
    Pdf out = driver.print(p);
    Files.createDirectories(pdf.getParent());
    Files.write(pdf, Base64.getDecoder().decode(out.getContent()));
    return pdf;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
