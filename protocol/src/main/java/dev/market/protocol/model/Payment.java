package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a deposit or a withdrawal.
 *
 * @param provider the payment provider that handled it ({@code demo})
 * @param status {@code credited} or {@code paid_out} when the wallet changed now; {@code pending}
 *     when a checkout provider credits later (then {@code checkoutUrl} says where to pay)
 * @param balanceE9s the wallet's balance after this payment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(
    String provider, String status, Long amountE9s, Long balanceE9s, String checkoutUrl) {}
