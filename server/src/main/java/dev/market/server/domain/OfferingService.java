package dev.market.server.domain;

import dev.market.protocol.model.ContractStatus;
import dev.market.server.domain.search.Capacity;
import dev.market.server.domain.search.SearchValues;
import dev.market.server.domain.validation.Limits;
import dev.market.server.domain.validation.OfferingFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
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

  /** Decent Cloud's billing units (api/src/database/offerings.rs:101 at 13dda9de). */
  private static final Set<String> BILLING_UNITS = Set.of("minute", "hour", "day", "month");

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

  /**
   * Every offering of the signer, drafts and non-public ones too ({@code /provider/my-offerings}).
   */
  public List<Offering> mine(String signer) {
    return ofProvider(signer);
  }

  /**
   * Replaces offering {@code id} with {@code in}, checked as on create. Only its provider may; the
   * numeric id, creation time and trust score stay. Contracts already made keep the terms they were
   * made on (they copy name, price and hours).
   */
  public void update(String signer, String pathPubkey, long id, Offering in) {
    ContractService.sameKey(signer, pathPubkey);
    store.write(
        tx -> {
          Offering current = owned(tx, signer, id);
          Offering next =
              prepare(current.pubkey(), in, current.createdAtNs(), current.trustScore()).toBuilder()
                  .id(id)
                  .build();
          boolean taken =
              tx.offerings().ofProvider(current.pubkey()).stream()
                  .anyMatch(o -> o.id() != id && o.offeringId().equals(next.offeringId()));
          if (taken) {
            throw DomainException.conflict(
                "you already have an offering with offering_id " + next.offeringId());
          }
          tx.offerings().update(next);
          return null;
        });
  }

  /**
   * Deletes offering {@code id}. Only its provider may, and only while no contract refers to it: an
   * open contract still needs it, and an ended one keeps it for its history. Such an offering is
   * taken off the market with {@code is_draft: true} instead.
   */
  public void delete(String signer, String pathPubkey, long id) {
    ContractService.sameKey(signer, pathPubkey);
    store.write(
        tx -> {
          owned(tx, signer, id);
          List<ContractStatus> statuses =
              tx.offerings().contractStatuses(id).stream().map(ContractStatus::parse).toList();
          long open = statuses.stream().filter(st -> !st.isTerminal()).count();
          if (open > 0) {
            throw DomainException.conflict(
                "offering "
                    + id
                    + " has "
                    + open
                    + (open == 1 ? " open contract" : " open contracts")
                    + "; it can be deleted once they have ended (is_draft: true stops new"
                    + " rentals now)");
          }
          if (!statuses.isEmpty()) {
            throw DomainException.conflict(
                "offering "
                    + id
                    + " has "
                    + statuses.size()
                    + (statuses.size() == 1 ? " past contract" : " past contracts")
                    + " whose history refers to it; take it off the market with is_draft: true"
                    + " instead");
          }
          tx.offerings().delete(id);
          return null;
        });
  }

  private static Offering owned(Tx tx, String signer, long id) {
    Offering current =
        tx.offerings()
            .byId(id)
            .orElseThrow(() -> DomainException.notFound("offering " + id + " not found"));
    if (!current.pubkey().equalsIgnoreCase(signer)) {
      throw DomainException.forbidden("offering " + id + " is not yours");
    }
    return current;
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
    // every problem at once, in field order: a provider fixes a file in one go (issue 12)
    List<DomainException> problems = new ArrayList<>();
    OfferingFields.collect(problems, () -> require("offering_id", in.offeringId()));
    OfferingFields.collect(problems, () -> require("offer_name", in.offerName()));
    OfferingFields.collect(problems, () -> require("product_type", in.productType()));
    OfferingFields.collect(problems, () -> require("currency", in.currency()));
    if (in.monthlyPrice() == null) {
      problems.add(DomainException.invalid("monthly_price", "is required"));
    }
    OfferingFields.collect(
        problems,
        () -> ContractService.capped("offering_id", in.offeringId(), Limits.SHORT_TEXT_CHARS));
    OfferingFields.collect(
        problems,
        () -> ContractService.capped("offer_name", in.offerName(), Limits.SHORT_TEXT_CHARS));
    OfferingFields.collect(
        problems, () -> ContractService.capped("description", in.description(), 4_000));
    String type = in.productType() == null ? null : in.productType().toLowerCase(Locale.ROOT);
    if (type != null && !type.isBlank() && !PRODUCT_TYPES.contains(type)) {
      problems.add(
          DomainException.invalid(
              "product_type", "must be compute, dedicated, gpu, network or storage"));
    }
    String visibility =
        in.visibility() == null ? "public" : in.visibility().toLowerCase(Locale.ROOT);
    if (!VISIBILITIES.contains(visibility)) {
      problems.add(DomainException.invalid("visibility", "must be public, shared or private"));
    }
    problems.addAll(OfferingFields.problems(in));
    String unit =
        in.billingUnit() == null || in.billingUnit().isBlank()
            ? "month"
            : in.billingUnit().strip().toLowerCase(Locale.ROOT);
    if (!BILLING_UNITS.contains(unit)) {
      problems.add(DomainException.invalid("billing_unit", "must be minute, hour, day or month"));
    }
    long[] price = {0};
    Long[] fee = {null};
    if (in.monthlyPrice() != null) {
      OfferingFields.collect(problems, () -> price[0] = e9s("monthly_price", in.monthlyPrice()));
    }
    if (in.setupFee() != null) {
      OfferingFields.collect(problems, () -> fee[0] = e9s("setup_fee", in.setupFee()));
    }
    if (in.maxContractHours() != null
        && in.minContractHours() != null
        && in.minContractHours() >= 1
        && in.maxContractHours() < in.minContractHours()) {
      problems.add(
          DomainException.invalid("max_contract_hours", "must be at least min_contract_hours"));
    }
    if (!problems.isEmpty()) {
      throw DomainException.invalidAll(problems);
    }
    return in.toBuilder()
        .id(null)
        .pubkey(provider)
        .productType(type)
        .monthlyPrice(Offering.fromE9s(price[0]))
        .setupFee(fee[0] == null ? null : Offering.fromE9s(fee[0]))
        .visibility(visibility)
        .stockStatus(in.stockStatus() == null ? "in_stock" : in.stockStatus())
        .billingUnit(unit)
        .subscription(Boolean.TRUE.equals(in.subscription()))
        .datacenterCountry(
            blankToNull(in.datacenterCountry()) == null
                ? null
                : in.datacenterCountry().strip().toUpperCase(Locale.ROOT))
        .datacenterCity(blankToNull(in.datacenterCity()))
        .memoryGb(Capacity.toGb(in.memoryAmount()))
        .ssdGb(Capacity.toGb(in.totalSsdCapacity()))
        .hddGb(Capacity.toGb(in.totalHddCapacity()))
        .trustScore(trust)
        .createdAtNs(nowNs)
        .build();
  }

  /**
   * Decent Cloud requires {@code datacenter_country} and {@code datacenter_city} but takes {@code
   * ""} for "not said" (api/src/database/offerings.rs:1300-1307), so a client that sends the same
   * document to both sends {@code ""}: stored here as absent.
   */
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
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
