package dev.market.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands reach the outside world only through the CliContext. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.market.cli");
  }

  @Test
  void commands_never_touch_system_out_or_err() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.cli.commands..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .accessField(System.class, "in")
        .because("commands print through the context so tests capture everything")
        .check(classes);
  }

  @Test
  void commands_never_read_the_environment_or_exit_directly() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.cli.commands..")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .because("the environment comes from the context, exit codes from call()")
        .check(classes);
  }

  @Test
  void only_main_and_the_system_context_touch_the_process() {
    noClasses()
        .that()
        .resideInAPackage("dev.market.cli..")
        .and()
        .doNotHaveSimpleName("Main")
        .and()
        .doNotHaveSimpleName("CliContext")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  @Test
  void nothing_outside_client_core_touches_its_internals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.market.client.internal..")
        .because("the CLI uses client-core's public API; its transport may change under it")
        .check(classes);
  }

  @Test
  void dry_runs_are_results_not_exceptions() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveSimpleName("DryRunException")
        .because("a dry run answers Outcome.DryRun; nothing is thrown or caught for it")
        .check(classes);
  }
}
