package dev.market.cli.support;

import dev.market.client.MarketClient;
import dev.market.client.ProviderService;
import dev.market.client.Provisioning;
import dev.market.client.auth.IdentityStore;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.InstanceDetails;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.MarketServer;
import dev.market.server.ServerConfig;
import dev.market.server.support.MutableClock;
import dev.market.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * THE server fixture ({@link TestServer}: the real server on port 0 over a temporary SQLite file)
 * and its {@link MutableClock}, plus three identities in the test's MARKET_HOME (provider, renter,
 * stranger), and one clock shared by the server and every CLI run so ages and timestamps in output
 * are exact. Renters act through client-core; the CLI under test runs through {@link #cli(String)}.
 */
public final class MarketFixture implements AutoCloseable {
  public static final String PROVIDER_PHRASE =
      "legal winner thank year wave sausage worth useful legal winner thank yellow";
  public static final String RENTER_PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  public static final String STRANGER_PHRASE =
      "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";

  /** What the renter and the stranger hold at the start: 1000 units. */
  public static final long FUNDS_E9S = 1_000_000_000_000L;

  public static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

  public final MutableClock clock;
  public final Identity provider = Identity.fromMnemonic(PROVIDER_PHRASE);
  public final Identity renter = Identity.fromMnemonic(RENTER_PHRASE);
  public final Identity stranger = Identity.fromMnemonic(STRANGER_PHRASE);
  public final String url;

  private final Path dir;
  private final TestServer server;
  private final List<MarketClient> clients = new ArrayList<>();
  private final List<CliRunner> runners = new ArrayList<>();
  private boolean closed;

  public MarketFixture(Path dir) {
    this(dir, UnaryOperator.identity());
  }

  /** The same over a server configured by {@code tweak} (e.g. requiring a verified e-mail). */
  public MarketFixture(Path dir, UnaryOperator<ServerConfig.Builder> tweak) {
    this.dir = dir;
    server = TestServer.start(dir.resolve("market.db").toString(), tweak);
    clock = server.clock;
    clock.set(START);
    url = server.baseUrl;
    // every rent escrows its price (issue 10): the renter and the stranger start with money
    server.server.ledger().credit(renter.publicKeyHex(), FUNDS_E9S, "fixture", null);
    server.server.ledger().credit(stranger.publicKeyHex(), FUNDS_E9S, "fixture", null);
    IdentityStore store = new IdentityStore(dir.resolve("market-home").resolve("identities"));
    store.save("provider", provider, null);
    store.save("renter", renter, null);
    store.save("stranger", stranger, null);
  }

  /** {@code market} signing as the named identity ({@code provider}, {@code renter}, ...). */
  public CliRunner cli(String identity) {
    CliRunner r =
        new CliRunner(dir).env("MARKET_API_URL", url).env("MARKET_IDENTITY", identity).clock(clock);
    runners.add(r);
    return r;
  }

  /** Every run of every runner made here: for the secret scan. */
  public List<CliRunner.Result> history() {
    return runners.stream().flatMap(r -> r.history().stream()).toList();
  }

  public MarketClient client(Identity identity) {
    MarketClient c =
        MarketClient.builder().baseUrl(url).identity(identity).clock(clock).maxAttempts(1).build();
    clients.add(c);
    return c;
  }

  /** Publishes an offering as the provider; returns its numeric id. */
  public long offering(String offeringId, String name, String monthlyPrice) {
    return offering(provider, offeringId, name, monthlyPrice);
  }

  /** Publishes an offering as {@code who} (the stranger makes a second provider). */
  public long offering(Identity who, String offeringId, String name, String monthlyPrice) {
    return client(who)
        .offerings()
        .create(
            Offering.builder()
                .offeringId(offeringId)
                .offerName(name)
                .description("test offering")
                .productType("compute")
                .currency("USD")
                .monthlyPrice(new BigDecimal(monthlyPrice))
                .processorCores(4)
                .memoryAmount("8 GB")
                .totalSsdCapacity("100 GB")
                .datacenterCountry("DE")
                .minContractHours(1L)
                .maxContractHours(8760L)
                .build());
  }

  /** The renter requests a rental; the clock then moves a second so creation times differ. */
  public String rent(long offeringId, long hours, String contact, String memo) {
    String id =
        client(renter)
            .rentals()
            .create(
                new RentalRequest(
                    offeringId, sshKey(renter), "test", hours, contact, memo, null, null))
            .contractId();
    clock.advance(Duration.ofSeconds(1));
    return id;
  }

  /** The provider takes a rental from its request to {@code active}. */
  public void activate(String contractId) {
    ProviderService p = client(provider).provider();
    p.accept(contractId, null);
    p.provision(contractId, Provisioning.started());
    p.provision(
        contractId,
        Provisioning.done(
            new InstanceDetails("192.0.2.9", null, 22, "root", null, "ssh root@192.0.2.9")));
    p.provision(contractId, Provisioning.active());
  }

  /** The contract as its provider sees it on the server. */
  public Contract contract(String id) {
    return client(provider).rentals().get(id);
  }

  /** A well-formed OpenSSH ed25519 public key line (the identity's own key, reused). */
  public static String sshKey(Identity who) {
    try {
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(blob);
      byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
      byte[] key = Hex.decode(who.publicKeyHex());
      out.writeInt(type.length);
      out.write(type);
      out.writeInt(key.length);
      out.write(key);
      return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " test";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code SHA256:...} of {@link #sshKey}, as {@code ssh-keygen -lf} prints it. */
  public static String sshFingerprint(Identity who) {
    try {
      byte[] blob =
          Base64.getDecoder()
              .decode(sshKey(who).substring("ssh-ed25519 ".length(), sshKey(who).lastIndexOf(' ')));
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server, for tests that sweep or read the ledger. */
  public MarketServer server() {
    return server.server;
  }

  /** Stops the server (a test may do it early, to see the marketplace down); idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    clients.forEach(MarketClient::close);
    server.close();
  }
}
