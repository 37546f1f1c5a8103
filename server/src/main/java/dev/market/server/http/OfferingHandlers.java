package dev.market.server.http;

import dev.market.protocol.crypto.Hex;
import dev.market.protocol.model.Offering;
import dev.market.server.domain.DomainException;
import dev.market.server.domain.OfferingSearch;
import dev.market.server.domain.OfferingService;
import dev.market.server.domain.validation.Text;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Endpoints 1 to 4 and 20 to 22 of docs/protocol.md section 4: HTTP only, the rules are in {@link
 * OfferingService}.
 */
final class OfferingHandlers {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,9})?");
  private final OfferingService offerings;

  OfferingHandlers(OfferingService offerings) {
    this.offerings = offerings;
  }

  void list(Context ctx) {
    int limit = intParam(ctx, "limit", OfferingService.DEFAULT_LIMIT);
    int offset = intParam(ctx, "offset", 0);
    if (limit < 0) {
      throw DomainException.invalid("limit", "must not be negative");
    }
    if (offset < 0) {
      throw DomainException.invalid("offset", "must not be negative");
    }
    String inStock = ctx.queryParam("in_stock_only");
    boolean inStockOnly = false;
    if (inStock != null && !inStock.isEmpty()) {
      if (!inStock.equalsIgnoreCase("true") && !inStock.equalsIgnoreCase("false")) {
        throw DomainException.invalid("in_stock_only", "must be true or false");
      }
      inStockOnly = Boolean.parseBoolean(inStock.toLowerCase(Locale.ROOT));
    }
    OfferingSearch search =
        new OfferingSearch(
            blankToNull(ctx.queryParam("product_type")),
            blankToNull(ctx.queryParam("country")),
            inStockOnly,
            decimalParam(ctx, "min_price_monthly"),
            decimalParam(ctx, "max_price_monthly"),
            blankToNull(ctx.queryParam("q")),
            Math.min(limit, OfferingService.MAX_LIMIT),
            offset,
            sortParam(ctx));
    Envelope.ok(ctx, WireModel.offerings(offerings.list(search)));
  }

  void get(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw DomainException.badRequest(
          "offering id must be a number, not '" + Text.excerpt(ctx.pathParam("id"), 40) + "'");
    }
    Envelope.ok(ctx, WireModel.toWire(offerings.get(id)));
  }

  void ofProvider(Context ctx) {
    String pubkey = ctx.pathParam("pubkey");
    if (!Hex.isHex(pubkey, 32)) {
      throw DomainException.badRequest("provider public key must be 64 hex characters");
    }
    Envelope.ok(ctx, WireModel.offerings(offerings.ofProvider(pubkey)));
  }

  void create(Context ctx, String signer) {
    Offering in = Bodies.bind(Bodies.object(RequestFilter.body(ctx)), Offering.class);
    Envelope.ok(ctx, offerings.create(signer, ctx.pathParam("pubkey"), WireModel.toDomain(in)));
  }

  void mine(Context ctx, String signer) {
    Envelope.ok(ctx, WireModel.offerings(offerings.mine(signer)));
  }

  void update(Context ctx, String signer) {
    long id = offeringId(ctx);
    Offering in = Bodies.bind(Bodies.object(RequestFilter.body(ctx)), Offering.class);
    offerings.update(signer, ctx.pathParam("pubkey"), id, WireModel.toDomain(in));
    Envelope.ok(ctx, "Offering updated successfully");
  }

  void delete(Context ctx, String signer) {
    long id = offeringId(ctx);
    offerings.delete(signer, ctx.pathParam("pubkey"), id);
    Envelope.ok(ctx, "Offering deleted successfully");
  }

  private static long offeringId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw DomainException.badRequest(
          "offering id must be a number, not '" + Text.excerpt(ctx.pathParam("id"), 40) + "'");
    }
  }

  private static OfferingSearch.Sort sortParam(Context ctx) {
    String v = blankToNull(ctx.queryParam("sort"));
    if (v == null) {
      return OfferingSearch.Sort.PRICE;
    }
    return OfferingSearch.Sort.parse(v)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "sort",
                    "must be "
                        + OfferingSearch.Sort.known()
                        + ", got '"
                        + Text.excerpt(v, 40)
                        + "'"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, "must be a whole number");
    }
  }

  private static BigDecimal decimalParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    // the shape first: "1e-999999999" is short but must never reach BigDecimal arithmetic
    if (!PLAIN_DECIMAL.matcher(v.trim()).matches()) {
      throw DomainException.invalid(
          name,
          "must be a plain decimal number like 12.50 (at most 9 decimal places, no exponent)");
    }
    try {
      BigDecimal d = new BigDecimal(v.trim());
      if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
        throw DomainException.invalid(name, "is out of range");
      }
      return d;
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name, "must be a number");
    }
  }
}
