package dev.market.cli.support;

import dev.market.client.MarketClient;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Offering;
import dev.market.server.MarketServer;
import dev.market.server.ServerConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real marketplace server on a free port with a fresh SQLite file, plus a provider client that
 * publishes offerings and answers rentals (the provider's side of a renter test).
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

  private final MarketServer server;
  public final String url;
  private final List<MarketClient> clients = new CopyOnWriteArrayList<>();
  public final Identity providerIdentity = Identity.fromMnemonic(PROVIDER_PHRASE);

  public LocalMarket(Path dir) {
    server =
        MarketServer.create(
            ServerConfig.builder()
                .port(0)
                .db(dir.resolve("market.db").toString())
                .rateLimitsEnabled(false)
                .demoPayments(true)
                .build());
    int port = server.start();
    // every rent escrows its price (issue 10): the renter starts with 1000 units
    server
        .ledger()
        .credit(
            dev.market.protocol.crypto.Identity.fromMnemonic(RENTER_PHRASE).publicKeyHex(),
            1_000_000_000_000L,
            "fixture",
            null);
    url = "http://127.0.0.1:" + port;
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
        .createOffering(
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
                false));
  }

  @Override
  public void close() {
    clients.forEach(MarketClient::close);
    server.stop();
  }

  /** Credits a wallet through the ledger, as a demo deposit would. */
  public void fund(Identity who, long e9s) {
    server.ledger().credit(who.publicKeyHex(), e9s, "fixture", null);
  }
}
