package dev.market.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of STYLE.md: domain knows neither JDBC nor Jackson nor HTTP. */
class ArchitectureTest {
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.market.server");

  @Test
  void domain_depends_on_neither_jdbc_nor_jackson_nor_the_web_layer() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "com.fasterxml.jackson..",
            "io.javalin..",
            "com.zaxxer..",
            "org.flywaydb..",
            "dev.market.server.http..",
            "dev.market.server.store..")
        .check(SERVER);
  }

  @Test
  void the_store_does_not_know_the_web_layer() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "dev.market.server.http..")
        .check(SERVER);
  }

  @Test
  void the_size_caps_live_in_one_limits_class_in_validation() {
    classes()
        .that()
        .haveSimpleName("Limits")
        .should()
        .resideInAPackage("dev.market.server.domain.validation")
        .check(SERVER);
  }
}
