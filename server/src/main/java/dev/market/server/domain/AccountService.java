package dev.market.server.domain;

import dev.market.protocol.crypto.Hex;
import dev.market.server.domain.validation.AccountFields;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts (docs/protocol.md section 4.23), notifications and provider settings: each written only
 * for the signer's own key.
 */
public final class AccountService {
  public static final int NOTIFICATION_PAGE = 50;

  private final MarketStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AccountService(MarketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- accounts

  /**
   * Creates the signer's account. Its e-mail address starts unverified (this server sends no mail:
   * an operator verifies it, {@code market-server account verify}).
   *
   * @param bodyPubkey the body's {@code publicKey}: Decent Cloud requires it to be the signer's
   */
  public Account register(String signer, String rawUsername, String rawEmail, String bodyPubkey) {
    String username = AccountFields.username(rawUsername);
    String email = AccountFields.email(rawEmail);
    if (bodyPubkey == null || bodyPubkey.isBlank()) {
      throw DomainException.invalid("publicKey", "is required (the signing key, hex)");
    }
    if (!bodyPubkey.equalsIgnoreCase(signer)) {
      throw DomainException.forbidden("publicKey must be the key that signs the request");
    }
    long now = EpochNanos.now(clock);
    Account account = new Account(randomId(), username, email, false, signer, randomId(), now, now);
    return store.write(
        tx -> {
          Optional<Account> mine = tx.accounts().byPubkey(signer);
          if (mine.isPresent()) {
            throw DomainException.conflict(
                "this key already has an account: " + mine.get().username());
          }
          if (tx.accounts().byUsername(username).isPresent() || !tx.accounts().insert(account)) {
            // a concurrent registration of the same name lands here through the unique index
            throw DomainException.conflict("username '" + username + "' is already taken");
          }
          return account;
        });
  }

  /** The account of {@code pubkey}. */
  public Account byPubkey(String pubkey) {
    if (pubkey == null || !Hex.isHex(pubkey, 32)) {
      throw DomainException.invalid("publicKey", "must be 64 hex characters");
    }
    return store
        .read(tx -> tx.accounts().byPubkey(pubkey.toLowerCase(Locale.ROOT)))
        .orElseThrow(() -> DomainException.notFound("no account for this public key"));
  }

  /** The account named {@code username}, ignoring case. */
  public Account byUsername(String username) {
    return store
        .read(tx -> tx.accounts().byUsername(username))
        .orElseThrow(() -> DomainException.notFound("account not found"));
  }

  /** What an operator does for a user who proved the address; false for an unknown username. */
  public boolean markVerified(String username) {
    long now = EpochNanos.now(clock);
    return store.write(tx -> tx.accounts().markVerified(username, now));
  }

  private String randomId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Hex.encode(b);
  }

  // ---------------------------------------------------------------- notifications, settings

  public List<Notification> notifications(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.notifications().ofUser(signer, NOTIFICATION_PAGE));
  }

  public long unreadCount(String signer, String pathPubkey) {
    ContractService.sameKey(signer, pathPubkey);
    return store.read(tx -> tx.notifications().unreadCount(signer));
  }

  /** Marks the given ids read (all when empty); ids of other users are left alone. */
  public int markRead(String signer, String pathPubkey, List<Long> ids) {
    ContractService.sameKey(signer, pathPubkey);
    long now = EpochNanos.toSeconds(EpochNanos.now(clock));
    return store.write(tx -> tx.notifications().markRead(signer, ids, now));
  }

  public boolean autoAccept(String signer) {
    return store.read(tx -> tx.settings().autoAccept(signer));
  }

  public boolean setAutoAccept(String signer, boolean on) {
    long ns = EpochNanos.now(clock);
    store.write(
        tx -> {
          tx.settings().setAutoAccept(signer, on, ns);
          return null;
        });
    return on;
  }
}
