package dev.market.server.domain;

import dev.market.protocol.model.Offering;
import dev.market.server.domain.search.Capacity;
import dev.market.server.domain.validation.Limits;
import dev.market.server.domain.validation.OfferingFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    return store.read(tx -> tx.offerings(search));
  }

  public Offering get(long id) {
    return store
        .read(tx -> tx.offering(id))
        .filter(o -> !Boolean.TRUE.equals(o.offering().isDraft()))
        .map(StoredOffering::offering)
        .orElseThrow(() -> DomainException.notFound("offering " + id + " not found"));
  }

  public List<Offering> ofProvider(String pubkey) {
    return store.read(tx -> tx.providerOfferings(pubkey.toLowerCase(Locale.ROOT)));
  }

  public long count() {
    return store.read(Tx::countOfferings);
  }

  /** Publishes an offering for {@code signer}; the path's key must be the signer's. */
  public long create(String signer, String pathPubkey, Offering in) {
    ContractService.sameKey(signer, pathPubkey);
    StoredOffering stored = prepare(signer, in, nowNs(), null);
    return store
        .write(tx -> tx.insertOffering(stored))
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
            if (tx.insertOffering(prepare(providerPubkey, o, now, null)).isPresent()) {
              n++;
            }
          }
          return n;
        });
  }

  private long nowNs() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static StoredOffering prepare(String provider, Offering in, long nowNs, Integer trust) {
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
    Offering o =
        new Offering(
            null,
            provider,
            in.offeringId(),
            in.offerName(),
            in.description(),
            type,
            in.currency(),
            in.monthlyPrice(),
            in.setupFee(),
            visibility,
            in.stockStatus() == null ? "in_stock" : in.stockStatus(),
            in.processorBrand(),
            in.processorCores(),
            in.processorName(),
            in.memoryAmount(),
            in.totalSsdCapacity(),
            in.totalHddCapacity(),
            in.uplinkSpeed(),
            in.unmeteredBandwidth(),
            in.datacenterCountry() == null ? null : in.datacenterCountry().toUpperCase(Locale.ROOT),
            in.datacenterCity(),
            in.gpuName(),
            in.gpuCount(),
            in.gpuMemoryGb(),
            in.minContractHours(),
            in.maxContractHours(),
            in.operatingSystems(),
            in.billingInterval(),
            Boolean.TRUE.equals(in.isDraft()));
    return new StoredOffering(
        o,
        price,
        fee,
        Capacity.toGb(in.memoryAmount()),
        Capacity.toGb(in.totalSsdCapacity()),
        Capacity.toGb(in.totalHddCapacity()),
        trust,
        nowNs);
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
      return amount.movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
    } catch (ArithmeticException e) {
      throw DomainException.invalid(field, "is too large");
    }
  }
}
