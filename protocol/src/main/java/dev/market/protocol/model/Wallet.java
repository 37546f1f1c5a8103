package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /users/{pubkey}/wallet}, in Decent Cloud's shape: camel case, amounts in integer e9s.
 *
 * @param balanceE9s the balance; Decent Cloud sends {@code null} before the first credit, this
 *     server sends 0
 * @param recentLedger newest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wallet(Long balanceE9s, List<LedgerEntry> recentLedger) {

  /** The balance, 0 when the server sent none. */
  public long balance() {
    return balanceE9s == null ? 0 : balanceE9s;
  }
}
