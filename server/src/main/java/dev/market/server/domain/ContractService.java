package dev.market.server.domain;

import dev.market.protocol.crypto.Hex;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.InstanceDetails;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import dev.market.server.domain.money.LedgerService;
import dev.market.server.domain.money.TermService;
import dev.market.server.domain.validation.Contacts;
import dev.market.server.domain.validation.Limits;
import dev.market.server.domain.validation.SshKeys;
import dev.market.server.domain.validation.Text;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rental state machine of docs/protocol.md section 6 and the ownership rules of section 9.
 * Every transition is one conditional update plus its history row, event and notifications, all in
 * one transaction.
 */
public final class ContractService {
  private static final Set<String> PAYMENT_METHODS = Set.of("wallet", "stripe", "test");
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;

  /** What a provider may report through endpoint 11; accepting and rejecting go through 10. */
  private static final Set<ContractStatus> PROVISIONING_STEPS =
      EnumSet.of(
          ContractStatus.PROVISIONING,
          ContractStatus.PROVISIONED,
          ContractStatus.ACTIVE,
          ContractStatus.PROVISIONING_FAILED,
          ContractStatus.CANCELLED);

  /** A state machine of 10 states has no path longer than this; each retry follows a commit. */
  private static final int MAX_REDECISIONS = 10;

  private final MarketStore store;
  private final Clock clock;
  private final CredentialSealer sealer;
  private final RentRateLimit rentLimit;
  private final boolean requireVerifiedEmail;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param requireVerifiedEmail renting needs an account with a verified e-mail address, as on
   *     Decent Cloud (api/src/openapi/contracts.rs:647-681 at 13dda9de)
   */
  public ContractService(
      MarketStore store,
      Clock clock,
      CredentialSealer sealer,
      RentRateLimit rentLimit,
      boolean requireVerifiedEmail) {
    this.store = store;
    this.clock = clock;
    this.sealer = sealer;
    this.rentLimit = rentLimit;
    this.requireVerifiedEmail = requireVerifiedEmail;
  }

  /** Decent Cloud's words for an unverified renter (api/src/openapi/contracts.rs:666). */
  public static final String EMAIL_NOT_VERIFIED =
      "Email verification required. Please verify your email address before creating rentals."
          + " Check your inbox for the verification link.";

  /** Ours for a renter with no account at all, on a server that requires a verified one. */
  public static final String NO_ACCOUNT =
      "Email verification required. Register an account with an email address (POST /accounts)"
          + " and verify it before creating rentals.";

  long nowNs() {
    return EpochNanos.now(clock);
  }

  // ---------------------------------------------------------------- create

  /**
   * Creates a rental: status requested, then {@code pending} once validated, then {@code accepted}
   * when the provider auto-accepts. With an idempotency key, a retry with the same request hash
   * returns the first answer, a different hash is refused.
   *
   * <p>The signer's rent budget is spent before the request is even read, so malformed requests
   * count against it too; that is why the request comes as a supplier.
   */
  public RentalCreated create(
      String renter,
      Supplier<RentalRequest> request,
      String rawIdempotencyKey,
      String requestHash) {
    takeRentToken(renter);
    RentalRequest req = request.get();
    String idempotencyKey = Text.check("Idempotency-Key", rawIdempotencyKey);
    ValidRental v = validate(req);
    if (idempotencyKey != null) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > Limits.IDEMPOTENCY_KEY_CHARS) {
        throw DomainException.invalid("Idempotency-Key", "must be 1 to 255 characters");
      }
    }
    return store.write(
        tx -> {
          long now = nowNs();
          if (idempotencyKey != null
              && !tx.idempotency().claim(renter, idempotencyKey, requestHash, now)) {
            IdempotentAnswer first =
                tx.idempotency()
                    .answer(renter, idempotencyKey)
                    .orElseThrow(() -> DomainException.conflict("idempotency key in flux; retry"));
            if (!first.requestHash().equals(requestHash)) {
              throw DomainException.invalid(
                  "Idempotency-Key", "was already used with a different request body");
            }
            return new RentalCreated(first.contractId(), first.responseBody());
          }
          RentalCreated created = createIn(tx, renter, v, now);
          if (idempotencyKey != null) {
            tx.idempotency()
                .complete(renter, idempotencyKey, created.contractId(), 200, created.message());
          }
          return created;
        });
  }

  private void takeRentToken(String renter) {
    if (!rentLimit.enabled()) {
      return;
    }
    long now = nowNs();
    // its own transaction: a refused or failing rent still spends the token
    long wait =
        store.write(
            tx ->
                tx.rateLimits()
                    .take("rent:" + renter, rentLimit.perMinute() / 60.0, rentLimit.burst(), now));
    if (wait > 0) {
      throw DomainException.rateLimited("too many rental requests from this key", wait);
    }
  }

  private record ValidRental(
      long offeringDbId,
      String ssh,
      String paymentMethod,
      Long durationHours,
      String contact,
      String memo,
      String os,
      String buyer,
      boolean autoRenew) {}

  private ValidRental validate(RentalRequest req) {
    if (req.offeringDbId() == null) {
      throw DomainException.invalid("offering_db_id", "is required");
    }
    String ssh = SshKeys.validate(req.sshPubkey());
    if (req.paymentMethod() == null) {
      throw DomainException.invalid("payment_method", "is required (wallet, stripe or test)");
    }
    String pay = req.paymentMethod().toLowerCase(Locale.ROOT);
    if (!PAYMENT_METHODS.contains(pay)) {
      throw DomainException.invalid("payment_method", "must be wallet, stripe or test");
    }
    if (req.durationHours() != null && req.durationHours() < 1) {
      throw DomainException.invalid("duration_hours", "must be at least 1");
    }
    String contact = Contacts.validate(req.contactMethod());
    capped("request_memo", req.requestMemo(), Limits.REQUEST_MEMO_CHARS);
    capped("operating_system", req.operatingSystem(), Limits.OPERATING_SYSTEM_CHARS);
    capped("buyer_address", req.buyerAddress(), Limits.BUYER_ADDRESS_CHARS);
    return new ValidRental(
        req.offeringDbId(),
        ssh,
        pay,
        req.durationHours(),
        contact,
        req.requestMemo(),
        req.operatingSystem(),
        req.buyerAddress(),
        Boolean.TRUE.equals(req.autoRenew()));
  }

  static String capped(String field, String value, int maxChars) {
    return Limits.checkChars(field, value, maxChars);
  }

  private RentalCreated createIn(Tx tx, String renter, ValidRental v, long now) {
    if (requireVerifiedEmail) {
      Optional<Account> account = tx.accounts().byPubkey(renter);
      if (account.isEmpty()) {
        throw DomainException.emailNotVerified(NO_ACCOUNT);
      }
      if (!account.get().emailVerified()) {
        throw DomainException.emailNotVerified(EMAIL_NOT_VERIFIED);
      }
    }
    OfferingRepository.ForRent o =
        tx.offerings()
            .forRent(v.offeringDbId())
            .filter(found -> !found.draft())
            .orElseThrow(
                () -> DomainException.notFound("offering " + v.offeringDbId() + " not found"));
    long hours = v.durationHours() == null ? Limits.DEFAULT_DURATION_HOURS : v.durationHours();
    if (o.minContractHours() != null && hours < o.minContractHours()) {
      throw DomainException.invalid(
          "duration_hours", "must be at least " + o.minContractHours() + " for this offering");
    }
    if (o.maxContractHours() != null && hours > o.maxContractHours()) {
      throw DomainException.invalid(
          "duration_hours", "must be at most " + o.maxContractHours() + " for this offering");
    }
    long price;
    try {
      price =
          renter.equals(o.pubkey())
              ? 0
              : BigInteger.valueOf(o.monthlyPriceE9s())
                  .multiply(BigInteger.valueOf(hours))
                  .divide(BigInteger.valueOf(720))
                  .longValueExact();
    } catch (ArithmeticException e) {
      throw DomainException.invalid("duration_hours", "makes the price too large to represent");
    }
    String id = newContractId(now);
    long end;
    try {
      end = Math.addExact(now, Math.multiplyExact(hours, NANOS_PER_HOUR));
    } catch (ArithmeticException e) {
      throw DomainException.invalid("duration_hours", "is too large");
    }
    // Validated here, so the contract is stored straight as pending with both steps of its
    // history (null -> requested -> pending) and their events, each pair in one batch: the rows
    // and outcome of inserting it as requested and moving it, without the round trips (issue 11)
    Contract c =
        Contract.builder()
            .contractId(id)
            .requesterPubkey(renter)
            .requesterSshPubkey(v.ssh())
            .requesterContact(v.contact())
            .providerPubkey(o.pubkey())
            .offeringDbId(o.id())
            .offeringId(o.offeringId())
            .offeringName(o.offerName())
            .paymentAmountE9s(price)
            .currency(o.currency())
            .paymentMethod(v.paymentMethod())
            .paymentStatus("pending")
            .startTimestampNs(now)
            .endTimestampNs(end)
            .durationHours(hours)
            .requestMemo(v.memo())
            .operatingSystem(v.os())
            .buyerAddress(v.buyer())
            .createdAtNs(now)
            .status(ContractStatus.PENDING.wire())
            .statusUpdatedAtNs(now)
            .build();
    ContractRepository contracts = tx.contracts();
    contracts.insert(c);
    // issue 10: the price leaves the wallet in this transaction or the rent creates nothing
    LedgerService.holdForRent(tx, id, renter, price, hours, v.autoRenew(), now);
    String requested = ContractStatus.REQUESTED.wire();
    String pending = ContractStatus.PENDING.wire();
    contracts.insertHistory(
        id,
        List.of(
            new HistoryRow(0, null, requested, renter, now, v.memo()),
            new HistoryRow(0, requested, pending, "system", now, null)));
    String system = Actor.SYSTEM.wire();
    contracts.insertEvents(
        List.of(
            new ContractEventRow(
                0,
                id,
                "status_change",
                null,
                requested,
                Actor.TENANT.wire(),
                "rental requested",
                now),
            new ContractEventRow(
                0, id, "status_change", requested, pending, system, "request validated", now)));
    notify(
        tx,
        o.pubkey(),
        "rental_request",
        "New rental request",
        "New request for " + o.offerName() + " (" + hours + " h)",
        id,
        now);
    String message = "Rental request created for " + o.offerName();
    // read with the offering: the setting as of the rent's start, a moment earlier than before
    if (o.autoAccept()) {
      move(tx, c, ContractStatus.ACCEPTED, "system", Actor.SYSTEM, null, "auto-accepted");
      notifyRenter(tx, c, "rental_accepted", "Rental accepted", "was accepted", now);
      message += "; auto-accepted by the provider";
    }
    return new RentalCreated(id, message);
  }

  // ---------------------------------------------------------------- transitions

  /** The renter cancels (endpoint 8). */
  public String cancel(String signer, String contractId, String rawMemo) {
    capped("memo", rawMemo, Limits.REASON_MEMO_CHARS);
    String memo = Secrets.redact(rawMemo);
    return store.write(
        tx -> {
          Contract c = load(tx, signer, contractId);
          if (!signer.equals(c.requesterPubkey())) {
            throw DomainException.forbidden(
                "only the renter of this contract may cancel it this way");
          }
          long now = nowNs();
          move(tx, c, ContractStatus.CANCELLED, signer, Actor.TENANT, memo, "cancelled by renter");
          notify(
              tx,
              c.providerPubkey(),
              "rental_cancelled",
              "Rental cancelled",
              "The renter cancelled " + c.offeringName() + reason(memo),
              contractId,
              now);
          return "Contract cancelled";
        });
  }

  /** The provider accepts or rejects (endpoint 10). */
  public String respond(String signer, String contractId, boolean accept, String rawMemo) {
    capped("memo", rawMemo, Limits.REASON_MEMO_CHARS);
    String memo = Secrets.redact(rawMemo);
    return store.write(
        tx -> {
          Contract c = loadAsProvider(tx, signer, contractId);
          long now = nowNs();
          if (accept) {
            move(tx, c, ContractStatus.ACCEPTED, signer, Actor.PROVIDER, memo, "accepted");
            notifyRenter(
                tx, c, "rental_accepted", "Rental accepted", "was accepted" + reason(memo), now);
            return "Rental request accepted";
          }
          move(tx, c, ContractStatus.REJECTED, signer, Actor.PROVIDER, memo, "rejected");
          notifyRenter(
              tx, c, "rental_rejected", "Rental rejected", "was rejected" + reason(memo), now);
          return "Rental request rejected";
        });
  }

  /**
   * A provider's provisioning step (endpoint 11). For {@code provisioned}, {@code details} is the
   * instance details JSON: its root_password is split off here and only ever stored sealed to the
   * renter (docs/protocol.md section 7). For a failure or cancellation it is the reason.
   */
  public String provision(String signer, String contractId, ContractStatus to, String rawDetails) {
    if (!PROVISIONING_STEPS.contains(to)) {
      throw DomainException.invalid(
          "status", "must be provisioning, provisioned, active, provisioningfailed or cancelled");
    }
    if (rawDetails != null
        && rawDetails.getBytes(StandardCharsets.UTF_8).length > Limits.INSTANCE_DETAILS_BYTES) {
      throw DomainException.invalid("instanceDetails", "is longer than 8 KiB");
    }
    if (to == ContractStatus.PROVISIONED && (rawDetails == null || rawDetails.isBlank())) {
      throw DomainException.invalid("instanceDetails", "is required for provisioned");
    }
    // provisioned details get root_password split off and sealed; failure and cancel reports
    // are free text copied into history and the renter's notification: secrets are dropped
    String details = to == ContractStatus.PROVISIONED ? rawDetails : Secrets.redact(rawDetails);
    String rootPassword = null;
    if (to == ContractStatus.PROVISIONED) {
      InstanceDetails.SecretSplit split;
      try {
        split = InstanceDetails.splitSecret(rawDetails);
      } catch (InstanceDetails.MalformedDetails e) {
        throw DomainException.invalid(e.field(), e.reason());
      }
      details = split.withoutSecret();
      rootPassword = split.rootPassword();
    }
    String secret = rootPassword;
    String shown = details;
    return store.write(
        tx -> {
          Contract c = loadAsProvider(tx, signer, contractId);
          long now = nowNs();
          switch (to) {
            case PROVISIONING -> {
              move(tx, c, to, signer, Actor.PROVIDER, null, "provisioning started");
              return "Provisioning started";
            }
            case PROVISIONED -> {
              move(tx, c, to, signer, Actor.PROVIDER, null, "instance details reported");
              tx.contracts().saveProvisioning(contractId, shown, now);
              if (secret != null) {
                tx.contracts()
                    .saveCredentials(
                        contractId,
                        sealer.seal(c.requesterPubkey(), Hex.decode(contractId), secret),
                        now);
              }
              event(
                  tx,
                  contractId,
                  "provisioned",
                  null,
                  null,
                  Actor.PROVIDER,
                  "details available",
                  now);
              notifyRenter(
                  tx, c, "rental_provisioned", "Rental provisioned", "is ready to connect", now);
              return "Contract provisioned";
            }
            case ACTIVE -> {
              move(tx, c, to, signer, Actor.PROVIDER, null, "activated");
              notifyRenter(tx, c, "rental_active", "Rental active", "is active", now);
              return "Contract active";
            }
            case PROVISIONING_FAILED -> {
              move(tx, c, to, signer, Actor.PROVIDER, shown, "provisioning failed");
              notifyRenter(
                  tx,
                  c,
                  "rental_failed",
                  "Provisioning failed",
                  "could not be provisioned" + reason(shown),
                  now);
              return "Provisioning failure recorded";
            }
            default -> {
              move(tx, c, to, signer, Actor.PROVIDER, shown, "cancelled by provider");
              notifyRenter(
                  tx,
                  c,
                  "rental_cancelled",
                  "Rental cancelled",
                  "was cancelled by the provider" + reason(shown),
                  now);
              return "Contract cancelled";
            }
          }
        });
  }

  /**
   * Moves every active contract past its end to {@code completed}. Each one is its own transaction
   * so one failure does not hold back the rest; a concurrent cancel simply wins.
   */
  public int completeExpired() {
    long now = nowNs();
    List<String> ids = store.read(tx -> tx.contracts().expiredActive(now, 500));
    int done = 0;
    for (String id : ids) {
      if (completeIfExpired(id)) {
        done++;
      }
    }
    return done;
  }

  private boolean completeIfExpired(String id) {
    try {
      return store.write(
          tx -> {
            Optional<Contract> c = tx.contracts().byId(id);
            if (c.isEmpty()
                || c.get().statusValue() != ContractStatus.ACTIVE
                || c.get().endTimestampNs() > nowNs()) {
              return false;
            }
            long now = nowNs();
            if (TermService.renewIfDue(tx, c.get(), now)) {
              return true;
            }
            move(tx, c.get(), ContractStatus.COMPLETED, "system", Actor.SYSTEM, null, "ended");
            notifyRenter(tx, c.get(), "rental_completed", "Rental completed", "has ended", now);
            notify(
                tx,
                c.get().providerPubkey(),
                "rental_completed",
                "Rental completed",
                "The rental of " + c.get().offeringName() + " ended; its payment is in your wallet",
                id,
                now);
            return true;
          });
    } catch (DomainException e) {
      return false; // changed concurrently: someone else moved it
    }
  }

  // ---------------------------------------------------------------- reads

  /** A contract for its renter or provider; completes it first when its end has passed. */
  public Contract contract(String signer, String contractId) {
    Contract c = store.read(tx -> load(tx, signer, contractId));
    if (c.statusValue() == ContractStatus.ACTIVE && c.endTimestampNs() <= nowNs()) {
      completeIfExpired(contractId);
      c = store.read(tx -> load(tx, signer, contractId));
    }
    return c;
  }

  public List<Contract> renterContracts(String signer, String pathPubkey) {
    sameKey(signer, pathPubkey);
    return store.read(tx -> tx.contracts().ofRenter(signer));
  }

  public List<Contract> providerContracts(String signer, String pathPubkey) {
    sameKey(signer, pathPubkey);
    return store.read(tx -> tx.contracts().ofProvider(signer, List.of()));
  }

  public List<Contract> pendingRequests(String signer) {
    return store.read(
        tx ->
            tx.contracts()
                .ofProvider(signer, List.of(ContractStatus.REQUESTED, ContractStatus.PENDING)));
  }

  public List<ContractEventRow> events(String signer, String contractId) {
    return store.read(
        tx -> {
          load(tx, signer, contractId);
          return tx.contracts().events(contractId);
        });
  }

  public String credentials(String signer, String contractId) {
    return store.read(
        tx -> {
          Contract c = load(tx, signer, contractId);
          if (!signer.equals(c.requesterPubkey())) {
            throw DomainException.forbidden(
                "only the renter of this contract may read its credentials");
          }
          return tx.contracts()
              .credentials(contractId)
              .orElseThrow(() -> DomainException.notFound("contract has no credentials"));
        });
  }

  // ---------------------------------------------------------------- helpers

  static void sameKey(String signer, String pathPubkey) {
    if (!signer.equalsIgnoreCase(pathPubkey)) {
      throw DomainException.forbidden("the path's public key must be the signer's");
    }
  }

  private static String normalizeId(String contractId) {
    if (contractId == null || !Hex.isHex(contractId, 32)) {
      throw DomainException.notFound("contract not found");
    }
    return contractId.toLowerCase(Locale.ROOT);
  }

  /** The contract if the signer is its renter or provider; a stranger learns nothing: 404. */
  private static Contract load(Tx tx, String signer, String contractId) {
    String id = normalizeId(contractId);
    Contract c =
        tx.contracts().byId(id).orElseThrow(() -> DomainException.notFound("contract not found"));
    if (!signer.equals(c.requesterPubkey()) && !signer.equals(c.providerPubkey())) {
      throw DomainException.notFound("contract not found");
    }
    return c;
  }

  private static Contract loadAsProvider(Tx tx, String signer, String contractId) {
    Contract c = load(tx, signer, contractId);
    if (!signer.equals(c.providerPubkey())) {
      throw DomainException.forbidden("only the provider of this contract may do this");
    }
    return c;
  }

  private static DomainException notAllowed(Contract c, ContractStatus to) {
    return DomainException.invalidTransition(
        "invalid transition: contract is " + c.status() + "; it cannot become " + to.wire());
  }

  /**
   * Applies one transition: checks the machine, then the conditional update decides races (the
   * loser finds 0 rows and gets 409), then history and event rows in the same transaction. Returns
   * nothing: no caller needs the contract re-read (issue 11: one statement per transition).
   */
  void move(
      Tx tx,
      Contract c,
      ContractStatus to,
      String changedBy,
      Actor actor,
      String memo,
      String details) {
    ContractStatus from = c.statusValue();
    ContractRepository contracts = tx.contracts();
    long now = nowNs();
    for (int attempt = 1; ; attempt++) {
      if (!from.canMoveTo(to, actor.party())) {
        throw notAllowed(c, to);
      }
      if (contracts.updateStatus(c.contractId(), from, to, now)) {
        break;
      }
      // Lost the conditional update to a transaction that committed first. Refusing now would be
      // an outcome no serial order gives (issue 13: accept won, so cancel was refused although
      // accepted -> cancelled is allowed). Re-read (a new snapshot under PostgreSQL's READ
      // COMMITTED; SQLite has one writer and never gets here) and decide again from what won.
      c = contracts.byId(c.contractId()).orElseThrow();
      from = c.statusValue();
      if (attempt == MAX_REDECISIONS) {
        throw DomainException.invalidTransition(
            "invalid transition: contract changed concurrently; it is no longer " + from.wire());
      }
    }
    // issue 10: escrow settles with the status change, so only the winner of a race settles
    LedgerService.settle(tx, c, from, to, now);
    contracts.insertHistory(
        c.contractId(), new HistoryRow(0, from.wire(), to.wire(), changedBy, now, memo));
    // the reason travels with the change: whoever reads the history sees why, not only what
    event(
        tx,
        c.contractId(),
        "status_change",
        from.wire(),
        to.wire(),
        actor,
        memo == null || memo.equals(details) ? details : details + reason(memo),
        now);
  }

  /** One row of a contract's history (events); also written by the money services. */
  public static void event(
      Tx tx,
      String contractId,
      String type,
      String oldStatus,
      String newStatus,
      Actor actor,
      String details,
      long nowNs) {
    tx.contracts()
        .insertEvent(
            new ContractEventRow(
                0, contractId, type, oldStatus, newStatus, actor.wire(), details, nowNs));
  }

  /** One notification to {@code user}; also written by the money services. */
  public static void notify(
      Tx tx, String user, String type, String title, String body, String contractId, long nowNs) {
    tx.notifications()
        .insert(
            new Notification(
                0, user, type, title, body, contractId, null, EpochNanos.toSeconds(nowNs)));
  }

  static void notifyRenter(Tx tx, Contract c, String type, String title, String what, long nowNs) {
    notify(
        tx,
        c.requesterPubkey(),
        type,
        title,
        "Your rental of " + c.offeringName() + " " + what,
        c.contractId(),
        nowNs);
  }

  private static String reason(String memo) {
    return memo == null || memo.isBlank() ? "" : ": " + memo;
  }

  /**
   * A contract id: 64 hex digits, the first 16 the creation time in nanoseconds (big-endian), the
   * other 48 random (192 bits, so an id is still unguessable). Every table keyed by contract id
   * (the contract, its terms, history, events, escrow account and ledger entries) then grows at its
   * end instead of at a random page: on SQLite a group commit of rents wrote about nine scattered
   * pages a rent to the WAL, and as many again to the file at its checkpoint (issue 11). The time
   * is no secret from anyone who can see the contract: it is its created_at.
   */
  String newContractId(long nowNanos) {
    byte[] id = new byte[32];
    random.nextBytes(id);
    java.nio.ByteBuffer.wrap(id).putLong(0, nowNanos); // big-endian
    return Hex.encode(id);
  }
}
