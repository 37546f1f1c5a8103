package dev.market.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.Outcome;
import dev.market.client.RequestOptions;
import dev.market.client.error.UnauthorizedException;
import dev.market.protocol.crypto.Identity;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every service shares: the transport, the identity, and the one place per-call options are
 * applied (a dry run answers {@link Outcome.DryRun} here, before anything is sent).
 */
public final class Api {
  private final Transport transport;
  private final Identity identity;

  public Api(Transport transport, Identity identity) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.identity = identity;
  }

  /** The signing identity, or {@code null}. */
  public Identity identity() {
    return identity;
  }

  /** My public key for a path, or the "no identity" failure for {@code op}. */
  public String me(String op) {
    if (identity == null) {
      throw new UnauthorizedException(
          op,
          0,
          "no_identity",
          "this call is signed and no identity is configured: load or create one first",
          null);
    }
    return identity.publicKeyHex();
  }

  /**
   * Sends {@code call} as {@code options} say and reads the envelope with {@code read}; with {@link
   * RequestOptions#dryRun()}, prepares and signs it and answers the prepared request.
   */
  public <T> Outcome<T> call(
      ApiRequest call, RequestOptions options, Function<ObjectNode, T> read) {
    ApiRequest c =
        options.idempotencyKey() == null ? call : call.withIdempotencyKey(options.idempotencyKey());
    if (options.dryRun()) {
      return new Outcome.DryRun<>(transport.prepare(c));
    }
    return new Outcome.Sent<>(read.apply(transport.send(c, options.timeout())));
  }
}
