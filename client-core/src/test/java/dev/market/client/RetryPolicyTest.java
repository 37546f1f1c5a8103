package dev.market.client;

import static dev.market.client.internal.RetryPolicy.Failure.CONNECTION_BROKEN;
import static dev.market.client.internal.RetryPolicy.Failure.CONNECT_FAILED;
import static dev.market.client.internal.RetryPolicy.Failure.TIMEOUT;
import static dev.market.client.internal.RetryPolicy.Kind.IDEMPOTENT;
import static dev.market.client.internal.RetryPolicy.Kind.IDEMPOTENT_WITH_KEY;
import static dev.market.client.internal.RetryPolicy.Kind.NON_IDEMPOTENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.market.client.internal.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10), () -> 0.999);

  @Test
  void connect_failures_are_retried_for_every_kind_because_nothing_was_sent() {
    for (RetryPolicy.Kind kind : RetryPolicy.Kind.values()) {
      assertThat(policy.onFailure(kind, CONNECT_FAILED, 1).retry()).isTrue();
    }
  }

  @Test
  void an_unknown_host_or_a_failed_tls_setup_is_never_retried() {
    for (RetryPolicy.Kind kind : RetryPolicy.Kind.values()) {
      RetryPolicy.Decision dns = policy.onFailure(kind, RetryPolicy.Failure.UNKNOWN_HOST, 1);
      RetryPolicy.Decision tls = policy.onFailure(kind, RetryPolicy.Failure.TLS_FAILED, 1);
      assertThat(dns.retry()).isFalse();
      assertThat(dns.reason()).contains("does not resolve");
      assertThat(tls.retry()).isFalse();
      assertThat(tls.reason()).contains("TLS");
    }
  }

  @Test
  void timeouts_and_broken_connections_are_retried_only_when_repeating_is_safe() {
    for (RetryPolicy.Failure f : new RetryPolicy.Failure[] {TIMEOUT, CONNECTION_BROKEN}) {
      assertThat(policy.onFailure(IDEMPOTENT, f, 1).retry()).isTrue();
      assertThat(policy.onFailure(IDEMPOTENT_WITH_KEY, f, 1).retry()).isTrue();
      RetryPolicy.Decision d = policy.onFailure(NON_IDEMPOTENT, f, 1);
      assertThat(d.retry()).isFalse();
      assertThat(d.reason()).contains("may have acted");
    }
  }

  @Test
  void only_429_502_503_504_are_retried_and_never_for_unsafe_posts() {
    for (int status = 400; status < 600; status++) {
      boolean transientStatus = status == 429 || status == 502 || status == 503 || status == 504;
      assertThat(policy.onStatus(IDEMPOTENT, status, null, 1).retry())
          .as("GET on %d", status)
          .isEqualTo(transientStatus);
      assertThat(policy.onStatus(IDEMPOTENT_WITH_KEY, status, null, 1).retry())
          .isEqualTo(transientStatus);
      assertThat(policy.onStatus(NON_IDEMPOTENT, status, null, 1).retry()).isFalse();
    }
  }

  @Test
  void the_last_attempt_is_never_followed_by_another() {
    assertThat(policy.onStatus(IDEMPOTENT, 503, null, 3).retry()).isFalse();
    assertThat(policy.onFailure(IDEMPOTENT, CONNECT_FAILED, 3).reason()).contains("3 made");
  }

  @Test
  void backoff_bound_doubles_per_attempt_up_to_the_cap() {
    assertThat(policy.onStatus(IDEMPOTENT, 503, null, 1).delay())
        .isEqualTo(Duration.ofNanos(199_800_000));
    assertThat(policy.onStatus(IDEMPOTENT, 503, null, 2).delay())
        .isEqualTo(Duration.ofNanos(399_600_000));
    RetryPolicy many =
        new RetryPolicy(100, Duration.ofMillis(200), Duration.ofSeconds(10), () -> 0.5);
    assertThat(many.onStatus(IDEMPOTENT, 503, null, 60).delay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void retry_after_is_honoured_exactly_and_capped() {
    assertThat(policy.onStatus(IDEMPOTENT, 429, Duration.ofSeconds(3), 1).delay())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.onStatus(IDEMPOTENT, 429, Duration.ofHours(1), 1).delay())
        .isEqualTo(Duration.ofSeconds(10));
  }
}
