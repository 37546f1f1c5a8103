package dev.market.client.decentcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.client.MarketClient;
import dev.market.client.error.AuthException;
import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.client.internal.DecentCloudMessages;
import dev.market.protocol.error.ErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Decent Cloud error sentence the client knows, sent by the fake as Decent Cloud sends it
 * (HTTP 200, {@code success:false}), classified by its exact text: one case per text.
 */
class DecentCloudMessagesTest {
  final DecentCloudFake dc = new DecentCloudFake();
  final MarketClient client =
      MarketClient.builder()
          .baseUrl(dc.url())
          .identity(DecentCloudClientTest.RENTER)
          .maxAttempts(1)
          .build();

  @AfterEach
  void close() {
    client.close();
    dc.close();
  }

  static Stream<DecentCloudMessages.Rule> rules() {
    return DecentCloudMessages.RULES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void each_decent_cloud_text_maps_to_its_code_and_exit_class(DecentCloudMessages.Rule rule) {
    String sent = rule.text() + (rule.text().endsWith(" ") ? "detail" : "");
    dc.failNextWith(sent);

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOfSatisfying(
            MarketException.class,
            e -> {
              assertThat(e.code()).isEqualTo(rule.code().wire());
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.getMessage()).isEqualTo("list my rentals: " + sent);
              assertThat(e).isInstanceOf(expectedType(rule.code()));
            });
  }

  private static Class<? extends MarketException> expectedType(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> NotFoundException.class;
      case FORBIDDEN -> ForbiddenException.class;
      case UNAUTHORIZED -> UnauthorizedException.class;
      case INSUFFICIENT_FUNDS -> InsufficientFundsException.class;
      case CONFLICT, INVALID_TRANSITION, EMAIL_NOT_VERIFIED -> ConflictException.class;
      case UNAVAILABLE -> UnavailableException.class;
      default -> InvalidRequestException.class;
    };
  }

  @Test
  void a_text_not_in_decent_clouds_source_is_a_plain_refusal_without_a_code() {
    dc.failNextWith("Something new went wrong");

    assertThatThrownBy(() -> client.rentals().list())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isNull());
  }

  @Test
  void a_missing_signing_header_is_an_identity_problem() {
    try (MarketClient anonymous = MarketClient.builder().baseUrl(dc.url()).maxAttempts(1).build()) {
      assertThatThrownBy(() -> anonymous.rentals().get("ab".repeat(32)))
          .isInstanceOf(AuthException.class);
    }
  }

  @Test
  void a_server_text_with_a_password_is_masked() {
    dc.failNextWith("Provisioning failed: root_password=Hunter2x rejected");

    assertThatThrownBy(() -> client.rentals().list())
        .hasMessage("list my rentals: Provisioning failed: root_password=*** rejected");
  }

  @Test
  void an_unknown_offering_is_not_found() {
    assertThatThrownBy(() -> client.offerings().get(99))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("get offering 99: Offering not found");
  }
}
