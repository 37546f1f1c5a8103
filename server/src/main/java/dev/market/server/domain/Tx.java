package dev.market.server.domain;

import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractEvent;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.UserNotification;
import java.util.List;
import java.util.Optional;

/** The repository operations available inside one transaction. */
public interface Tx {

  // ---- money (issue 10) ----

  dev.market.server.domain.money.LedgerRepository ledger();

  dev.market.server.domain.money.TermRepository terms();

  dev.market.server.domain.money.ReviewRepository reviews();

  // ---- offerings ----

  Optional<StoredOffering> offering(long id);

  List<Offering> offerings(OfferingSearch search);

  List<Offering> providerOfferings(String pubkey);

  /** Inserts an offering; empty when the provider already has one with that offering_id. */
  Optional<Long> insertOffering(StoredOffering offering);

  long countOfferings();

  // ---- contracts ----

  void insertContract(NewContract contract);

  Optional<Contract> contract(String contractId);

  List<Contract> contractsOfRenter(String pubkey);

  List<Contract> contractsOfProvider(String pubkey, List<ContractStatus> onlyStatuses);

  /** Ids of active contracts whose end has passed. */
  List<String> expiredActiveContracts(long nowNs, int limit);

  /**
   * The conditional update that makes transitions race-free: changes the status only if it still is
   * {@code from}. Returns whether it did.
   */
  boolean updateStatus(String contractId, ContractStatus from, ContractStatus to, long nowNs);

  void insertHistory(
      String contractId,
      String oldStatus,
      String newStatus,
      String changedBy,
      long atNs,
      String memo);

  List<HistoryRow> history(String contractId);

  void insertEvent(
      String contractId,
      String eventType,
      String oldStatus,
      String newStatus,
      Actor actor,
      String details,
      long atNs);

  List<ContractEvent> events(String contractId);

  void saveProvisioning(String contractId, String sanitizedDetails, long atNs);

  void saveCredentials(String contractId, String encryptedJson, long atNs);

  Optional<String> credentials(String contractId);

  // ---- notifications and settings ----

  void insertNotification(
      String userPubkey, String type, String title, String body, String contractId, long atSec);

  List<UserNotification> notifications(String userPubkey, int limit);

  long unreadCount(String userPubkey);

  int markRead(String userPubkey, List<Long> ids, long atSec);

  boolean autoAccept(String providerPubkey);

  void setAutoAccept(String providerPubkey, boolean on, long nowNs);

  // ---- idempotency ----

  /**
   * Claims an idempotency key for this transaction. False when the key exists (a concurrent claim
   * waits for the other transaction to finish first).
   */
  boolean claimIdempotencyKey(String signer, String key, String requestHash, long nowNs);

  Optional<IdempotentAnswer> idempotentAnswer(String signer, String key);

  void completeIdempotencyKey(
      String signer, String key, String contractId, int status, String body);

  // ---- housekeeping ----

  int pruneNonces(long olderThanNs);

  int pruneIdempotencyKeys(long olderThanNs);

  int pruneRateBuckets(long olderThanNs);
}
