package dev.market.server;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/server.md: http → domain ← store.jdbc. The domain knows neither JDBC nor
 * Jackson nor HTTP, http never reaches the store, the store never knows http.
 */
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
  void http_never_reaches_the_store() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.market.server.store..", "java.sql..", "javax.sql..")
        .check(SERVER);
  }

  @Test
  void the_domain_uses_its_own_entities_not_the_wire_records() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server.domain..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.market.protocol.model.Contract")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.market.protocol.model.Offering")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.market.protocol.model.ContractEvent")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.market.protocol.model.UserNotification")
        .check(SERVER);
  }

  @Test
  void only_the_error_mapping_writes_error_envelopes() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server..")
        .and()
        .doNotHaveSimpleName("ErrorMapping")
        .and()
        .doNotHaveSimpleName("Envelope")
        .should()
        .callMethodWhere(
            target(owner(name("dev.market.server.http.Envelope"))).and(target(name("error"))))
        .check(SERVER);
  }

  @Test
  void the_server_throws_no_exception_types_of_its_own_but_domain_exception() {
    classes()
        .that()
        .resideInAnyPackage(
            "dev.market.server.domain..", "dev.market.server.http..", "dev.market.server.store..")
        .and()
        .areAssignableTo(RuntimeException.class)
        .should()
        .haveFullyQualifiedName("dev.market.server.domain.DomainException")
        .check(SERVER);
  }

  @Test
  void the_store_does_not_know_the_web_layer() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.server.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "dev.market.server.http..")
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
