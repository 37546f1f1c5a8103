package dev.market.server;

import dev.market.client.auth.Identity;
import dev.market.client.model.Offering;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** PLACEHOLDER until the server-search helper's domain.demo.DemoOfferings lands on main. */
final class DemoData {
  private DemoData() {}

  static String providerPubkey() {
    try {
      byte[] secret =
          MessageDigest.getInstance("SHA-256")
              .digest("market-demo-provider".getBytes(StandardCharsets.UTF_8));
      return Identity.fromSecret(secret).publicKeyHex();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Offering> offerings() {
    return List.of(
        offering("demo-small", "Small VPS", "compute", "9.99", 2, "4 GB", "DE"),
        offering("demo-large", "Large VPS", "compute", "39.5", 8, "32 GB", "US"),
        offering("demo-gpu", "GPU box", "gpu", "420", 16, "128 GB", "FI"));
  }

  private static Offering offering(
      String id, String name, String type, String price, int cores, String mem, String country) {
    return new Offering(
        null,
        null,
        id,
        name,
        name + " for the demo",
        type,
        "USD",
        new BigDecimal(price),
        null,
        "public",
        "in_stock",
        "AMD",
        cores,
        null,
        mem,
        "100 GB",
        null,
        "1 Gbit",
        true,
        country,
        null,
        null,
        null,
        null,
        1L,
        8760L,
        "ubuntu-24.04,debian-12",
        "monthly",
        false);
  }
}
