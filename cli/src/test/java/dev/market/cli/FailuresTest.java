package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.UnavailableException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void the_most_severe_code_wins_whatever_the_order() {
    assertThat(Failures.mostSevere(0, 3)).isEqualTo(3);
    assertThat(Failures.mostSevere(3, 0)).isEqualTo(3);
    assertThat(Failures.mostSevere(2, 3)).isEqualTo(3);
    assertThat(Failures.mostSevere(3, 5)).isEqualTo(5);
    assertThat(Failures.mostSevere(5, 4)).isEqualTo(4);
    assertThat(Failures.mostSevere(4, 1)).isEqualTo(1);
    assertThat(Failures.mostSevere(1, 130)).isEqualTo(130);
    assertThat(Failures.mostSevere(0, 0)).isZero();
  }

  @Test
  void exit_codes_are_the_error_handlers() {
    assertThat(Failures.exitCode(new ConflictException("op", 409, "invalid_transition", "m", null)))
        .isEqualTo(3);
    assertThat(Failures.exitCode(new ForbiddenException("op", 403, "forbidden", "m", null)))
        .isEqualTo(4);
    assertThat(Failures.exitCode(new UnavailableException("op", 503, null, "m", null)))
        .isEqualTo(5);
    assertThat(Failures.exitCode(CliException.usage("m", null))).isEqualTo(2);
    assertThat(Failures.exitCode(new IllegalStateException("bug"))).isEqualTo(1);
  }

  @Test
  void the_reason_leads_with_the_servers_code_unless_its_words_already_say_it() {
    assertThat(
            Failures.reason(
                new ConflictException(
                    "accept contract ab…", 409, "invalid_transition", "it is rejected", null)))
        .isEqualTo("invalid transition: it is rejected");
    assertThat(
            Failures.reason(
                new NotFoundException("op", 404, "not_found", "contract ab not found", null)))
        .isEqualTo("contract ab not found");
    assertThat(
            Failures.reason(new ConflictException("op", 409, null, "line1\nline2\u001b[31m", null)))
        .isEqualTo("line1 line2\\u001b[31m");
  }
}
