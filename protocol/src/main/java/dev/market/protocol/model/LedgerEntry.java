package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One movement of a wallet, as Decent Cloud's wallet ledger shows it.
 *
 * @param amountE9s positive for money in, negative for money out
 * @param balanceAfterE9s the wallet's balance right after this entry
 * @param entryType {@code deposit}, {@code withdrawal}, {@code escrow_hold}, {@code
 *     extension_hold}, {@code renewal_hold}, {@code refund}, {@code payout}
 * @param reference the contract id or the payment provider's reference, when there is one
 * @param createdAt Unix seconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(
    Long id,
    Long amountE9s,
    Long balanceAfterE9s,
    String entryType,
    String reference,
    Long createdAt) {}
