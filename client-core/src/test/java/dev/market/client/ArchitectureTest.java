package dev.market.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** client-core is a library: no CLI framework, no web server, no JDBC, no console printing. */
class ArchitectureTest {
  private static final JavaClasses CLIENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.market.client");

  @Test
  void client_core_depends_on_neither_picocli_nor_javalin_nor_jdbc() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "picocli..", "io.javalin..", "java.sql..", "dev.market.cli..", "dev.market.server..")
        .check(CLIENT);
  }

  @Test
  void client_core_never_prints_to_the_console() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CLIENT);
  }

  @Test
  void only_the_client_package_itself_uses_the_internal_transport() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.market.client.error..", "dev.market.client.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.market.client.internal..")
        .check(CLIENT);
  }

  @Test
  void services_never_print_and_never_log() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.util.logging..", "org.slf4j..", "java.io..")
        .because("a service returns what it got; what to show is the caller's choice")
        .check(CLIENT);
  }

  @Test
  void the_protocol_module_knows_nothing_of_the_client() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.market.client..")
        .because("protocol is what client and server share; client types stay in client-core")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.market.protocol"));
  }
}
