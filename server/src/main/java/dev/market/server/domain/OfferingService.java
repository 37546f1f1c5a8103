package dev.market.server.domain;

import dev.market.server.domain.search.Capacity;
import dev.market.server.domain.search.SearchValues;
import dev.market.server.domain.validation.Limits;
import dev.market.server.domain.validation.OfferingFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Publishing and listing offerings. */
public final class OfferingService {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  private static final Set<String> PRODUCT_TYPES =
      Set.of("compute", "dedicated", "gpu", "network", "storage");
  private static final Set<String> VISIBILITIES = Set.of("public", "shared", "private");

  private final MarketStore store;
  private final Clock clock;

  public OfferingService(MarketStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public List<Offering> list(OfferingSearch search) {
    if (search.productType() != null) {
      SearchValues.Problem p = SearchValues.productType(search.productType());
      if (p != null) {
        throw DomainException.invalid("product_type", p.sentence());
      }
    }
    if (search.country() != null) {
      SearchValues.Problem p = SearchValues.country(search.country());
      if (p != null) {
        throw DomainException.invalid("country", p.sentence());
      }
    }
    return store.read(tx -> tx.offerings().search(search));
  }

  public Offering get(long id) {
    return store
        .read(tx -> tx.offerings().byId(id))
        .filter(o -> !o.draft())
        .orElseThrow(() -> DomainException.notFound("offering " + id + " not found"));
  }

  public List<Offering> ofProvider(String pubkey) {
    return store.read(tx -> tx.offerings().ofProvider(pubkey.toLowerCase(Locale.ROOT)));
  }

  public long count() {
    return store.read(tx -> tx.offerings().count());
  }

  /** Publishes an offering for {@code signer}; the path's key must be the signer's. */
  public long create(String signer, String pathPubkey, Offering in) {
    ContractService.sameKey(signer, pathPubkey);
    Offering stored = prepare(signer, in, nowNs(), null);
    return store
        .write(tx -> tx.offerings().insert(stored))
        .orElseThrow(
            () ->
                DomainException.conflict(
                    "you already have an offering with offering_id " + in.offeringId()));
  }

  /** Inserts offerings as they are (the demo data set); skips ones that already exist. */
  public int importAll(String providerPubkey, List<Offering> offerings) {
    long now = nowNs();
    return store.write(
        tx -> {
          int n = 0;
          for (Offering o : offerings) {
            if (tx.offerings().insert(prepare(providerPubkey, o, now, null)).isPresent()) {
              n++;
            }
          }
          return n;
        });
  }

  private long nowNs() {
    return EpochNanos.now(clock);
  }

  static Offering prepare(String provider, Offering in, long nowNs, Integer trust) {
    require("offering_id", in.offeringId());
    require("offer_name", in.offerName());
    require("product_type", in.productType());
    require("currency", in.currency());
    if (in.monthlyPrice() == null) {
      throw DomainException.invalid("monthly_price", "is required");
    }
    ContractService.capped("offering_id", in.offeringId(), Limits.SHORT_TEXT_CHARS);
    ContractService.capped("offer_name", in.offerName(), Limits.SHORT_TEXT_CHARS);
    ContractService.capped("description", in.description(), 4_000);
    String type = in.productType().toLowerCase(Locale.ROOT);
    if (!PRODUCT_TYPES.contains(type)) {
      throw DomainException.invalid(
          "product_type", "must be compute, dedicated, gpu, network or storage");
    }
    String visibility =
        in.visibility() == null ? "public" : in.visibility().toLowerCase(Locale.ROOT);
    if (!VISIBILITIES.contains(visibility)) {
      throw DomainException.invalid("visibility", "must be public, shared or private");
    }
    OfferingFields.check(in);
    long price = e9s("monthly_price", in.monthlyPrice());
    Long fee = in.setupFee() == null ? null : e9s("setup_fee", in.setupFee());
    if (in.minContractHours() != null && in.minContractHours() < 1) {
      throw DomainException.invalid("min_contract_hours", "must be at least 1");
    }
    if (in.maxContractHours() != null
        && in.minContractHours() != null
        && in.maxContractHours() < in.minContractHours()) {
      throw DomainException.invalid("max_contract_hours", "must be at least min_contract_hours");
    }
    return in.toBuilder()
        .id(null)
        .pubkey(provider)
        .productType(type)
        .monthlyPrice(Offering.fromE9s(price))
        .setupFee(fee == null ? null : Offering.fromE9s(fee))
        .visibility(visibility)
        .stockStatus(in.stockStatus() == null ? "in_stock" : in.stockStatus())
        .datacenterCountry(
            in.datacenterCountry() == null ? null : in.datacenterCountry().toUpperCase(Locale.ROOT))
        .memoryGb(Capacity.toGb(in.memoryAmount()))
        .ssdGb(Capacity.toGb(in.totalSsdCapacity()))
        .hddGb(Capacity.toGb(in.totalHddCapacity()))
        .trustScore(trust)
        .createdAtNs(nowNs)
        .build();
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "is required");
    }
  }

  /** floor(amount x 10^9), exact: the protocol's money rule. */
  static long e9s(String field, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw DomainException.invalid(field, "must not be negative");
    }
    try {
      return Offering.e9s(amount);
    } catch (ArithmeticException e) {
      throw DomainException.invalid(field, "is too large");
    }
  }
}
