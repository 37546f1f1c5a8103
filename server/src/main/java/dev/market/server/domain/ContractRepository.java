package dev.market.server.domain;

import dev.market.protocol.model.ContractStatus;
import java.util.List;
import java.util.Optional;

/** Contracts with their history, events, provisioning details and sealed credentials. */
public interface ContractRepository {

  /** Stores a new contract as given (its status and times included). */
  void insert(Contract contract);

  Optional<Contract> byId(String contractId);

  /** Newest first. */
  List<Contract> ofRenter(String pubkey);

  /** Newest first; only those in {@code onlyStatuses} unless it is empty. */
  List<Contract> ofProvider(String pubkey, List<ContractStatus> onlyStatuses);

  /** Ids of active contracts whose end has passed, soonest end first. */
  List<String> expiredActive(long nowNs, int limit);

  /**
   * The conditional update that makes transitions race-free: changes the status only if it still is
   * {@code from}. Returns whether it did.
   */
  boolean updateStatus(String contractId, ContractStatus from, ContractStatus to, long nowNs);

  /** Appends a history row ({@code row.id()} is ignored). */
  void insertHistory(String contractId, HistoryRow row);

  /** Appends several history rows in this order, in one batch ({@code id()}s are ignored). */
  void insertHistory(String contractId, List<HistoryRow> rows);

  List<HistoryRow> history(String contractId);

  void insertEvent(ContractEventRow event);

  /** Appends several events in this order, in one batch ({@code id()}s are ignored). */
  void insertEvents(List<ContractEventRow> events);

  List<ContractEventRow> events(String contractId);

  void saveProvisioning(String contractId, String detailsWithoutSecret, long atNs);

  void saveCredentials(String contractId, String sealedJson, long atNs);

  Optional<String> credentials(String contractId);
}
