package dev.market.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared module is what both sides agree on: no transport, no framework, no other module. */
class ArchitectureTest {
  private static final JavaClasses PROTOCOL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.market.protocol");

  @Test
  void protocol_imports_no_http_library() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "okhttp3..",
            "okio..",
            "kotlin..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "java.net.http..")
        .check(PROTOCOL);
  }

  @Test
  void protocol_knows_neither_client_nor_server_nor_cli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.market.client..", "dev.market.server..", "dev.market.cli..", "java.sql..")
        .check(PROTOCOL);
  }

  @Test
  void protocol_never_prints_to_the_console() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(PROTOCOL);
  }
}
