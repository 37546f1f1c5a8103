package dev.market.cli.support;

import dev.market.client.MarketClient;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Offering;
import dev.market.server.support.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * THE server fixture ({@link TestServer}: the real server on port 0 over a fresh SQLite file), plus
 * a provider client that publishes offerings and answers rentals (the provider's side of a renter
 * test). These tests wait in real time (status --wait polls with real sleeps), so the server keeps
 * the system clock rather than the fixture's hand-moved one.
 */
public final class LocalMarket implements AutoCloseable {
  /** A standard BIP39 test vector: a valid phrase, used for the provider. */
  public static final String PROVIDER_PHRASE =
      "legal winner thank year wave sausage worth useful legal winner thank yellow";

  /** The protocol's worked example, used for the renter. */
  public static final String RENTER_PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  public static final String RENTER_PUBKEY =
      "e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1";

  private final TestServer server;
  public final String url;
  private final List<MarketClient> clients = new CopyOnWriteArrayList<>();
  public final Identity providerIdentity = Identity.fromMnemonic(PROVIDER_PHRASE);

  public LocalMarket(Path dir) {
    server = TestServer.start(dir.resolve("market.db").toString(), b -> b.clock(Clock.systemUTC()));
    url = server.baseUrl;
    // every rent escrows its price (issue 10): the renter starts with 1000 units
    fund(Identity.fromMnemonic(RENTER_PHRASE), 1_000_000_000_000L);
  }

  /**
   * A new provider client per step: the client-core transport retries no POST on a broken
   * connection, and a pooled connection the server closed while a long test ran would otherwise
   * fail the provider's next step.
   */
  public MarketClient provider() {
    MarketClient c =
        MarketClient.builder().baseUrl(url).identity(providerIdentity).maxAttempts(1).build();
    clients.add(c);
    return c;
  }

  /** Publishes an offering; returns its numeric id. */
  public long offer(
      String providerId,
      String name,
      String type,
      String monthly,
      Integer cores,
      String memory,
      String ssd,
      String gpu,
      String country,
      String city) {
    return provider()
        .offerings()
        .create(
            new Offering(
                null,
                null,
                providerId,
                name,
                name + " for tests",
                type,
                "USD",
                new BigDecimal(monthly),
                null,
                "public",
                "in_stock",
                "AMD",
                cores,
                "EPYC",
                memory,
                ssd,
                null,
                "1 Gbit",
                true,
                country,
                city,
                gpu,
                gpu == null ? null : 1,
                gpu == null ? null : 24,
                1L,
                8760L,
                "debian-12,ubuntu-24.04",
                "monthly",
                null,
                null,
                false,
                null,
                null));
  }

  @Override
  public void close() {
    clients.forEach(MarketClient::close);
    server.close();
  }

  /** Credits a wallet through the ledger, as a demo deposit would. */
  public void fund(Identity who, long e9s) {
    server.server.ledger().credit(who.publicKeyHex(), e9s, "fixture", null);
  }
}
