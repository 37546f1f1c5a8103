package dev.market.server.domain.money;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Play money for a demo marketplace: every deposit is credited at once and every payout is paid at
 * once. Only a server started with {@code --demo} (or a test) has it; a real server has no provider
 * until one is configured, and answers deposits with a refusal.
 */
public final class DemoPaymentProvider implements PaymentProvider {
  private final SecureRandom random = new SecureRandom();

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public Outcome deposit(String pubkey, long amountE9s) {
    return Outcome.settled("demo-" + id());
  }

  @Override
  public Outcome payout(String pubkey, long amountE9s) {
    return Outcome.settled("demo-" + id());
  }

  private String id() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
