package io.landwatch.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a thin layer: it parses, calls one entry point of the core, prints. It touches no
 * GDAL, geometry or spreadsheet library and writes no file with the core's file primitives.
 */
class CliArchitectureTest {
  static final JavaClasses CLI = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.landwatch.cli");

  @Test
  void theCliUsesNoGisOrFileLibraryItself() {
    noClasses().that().resideInAPackage("io.landwatch.cli")
        .should().dependOnClassesThat().resideInAnyPackage("org.gdal..", "org.locationtech.jts..", "org.apache.poi..",
            "com.fasterxml.jackson..")
        .check(CLI);
  }

  @Test
  void theCliWritesNoFileByHand() {
    noClasses().that().resideInAPackage("io.landwatch.cli")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.landwatch.write.AtomicFile")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.landwatch.write.CsvWriter")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.landwatch.write.VectorFileWriter")
        .check(CLI);
  }
}
