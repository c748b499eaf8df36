package io.landwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer order of the core library (docs/ARCHITECTURE.md): each package may use the packages
 * below it and never one above it, and no two packages depend on each other. A stage that needs
 * something of a later one is a sign the thing belongs lower (as the CRS classes moved to geo).
 */
class ArchitectureTest {
  /** Bottom to top. The root package (LandwatchException, ExitCode, Version) is below them all. */
  static final List<String> LAYERS = List.of("util", "geo", "model", "config", "read", "prepare",
      "overlay", "judge", "plan", "store", "write", "report", "job", "detect", "samples");

  static JavaClasses core;

  @BeforeAll
  static void load() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.landwatch");
  }

  @Test
  void noPackageCycles() {
    slices().matching("io.landwatch.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void noLayerUsesALaterOne() {
    for (int i = 0; i < LAYERS.size(); i++) {
      for (int j = i + 1; j < LAYERS.size(); j++) {
        noClasses().that().resideInAPackage("io.landwatch." + LAYERS.get(i) + "..")
            .should().dependOnClassesThat().resideInAPackage("io.landwatch." + LAYERS.get(j) + "..")
            .because(LAYERS.get(i) + " is below " + LAYERS.get(j) + " in docs/ARCHITECTURE.md")
            .check(core);
      }
    }
  }

  @Test
  void theRootPackageUsesNoStage() {
    noClasses().that().resideInAPackage("io.landwatch")
        .should().dependOnClassesThat().resideInAnyPackage(LAYERS.stream().map(l -> "io.landwatch." + l + "..")
            .toArray(String[]::new))
        .check(core);
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws Exception {
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../cli/src/main/java"), Path.of("../spark/src/main/java"))) {
      try (Stream<Path> dirs = Files.walk(root)) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          boolean hasJava;
          try (Stream<Path> files = Files.list(d)) {
            hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
          }
          assertTrue(!hasJava || Files.exists(d.resolve("package-info.java")), d + " has no package-info.java");
        }
      }
    }
  }

  @Test
  void onlyTheReadAndWriteSidesTalkToGdalVectorIo() {
    noClasses().that().resideInAnyPackage("io.landwatch.judge..", "io.landwatch.plan..", "io.landwatch.model..",
            "io.landwatch.config..", "io.landwatch.util..")
        .should().dependOnClassesThat().resideInAPackage("org.gdal..")
        .because("judgment, planning, values and configuration reach GDAL only through geo (one place to replace for pure-Java executors)")
        .check(core);
  }
}
