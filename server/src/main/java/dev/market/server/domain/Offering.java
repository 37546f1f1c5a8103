package dev.market.server.domain;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An offering as the domain sees it: the provider's fields plus what the marketplace derives for
 * exact filtering (sizes in GB parsed from their display strings, the trust score) and when it was
 * published, and its provider's reviews. Prices are exact decimals; {@link #monthlyPriceE9s} is the
 * stored integer form. The HTTP layer maps it to and from the wire record {@code
 * dev.market.protocol.model.Offering}. {@code id} and {@code createdAtNs} are null until stored.
 */
public record Offering(
    Long id,
    String pubkey,
    String offeringId,
    String offerName,
    String description,
    String productType,
    String currency,
    BigDecimal monthlyPrice,
    BigDecimal setupFee,
    String visibility,
    String stockStatus,
    String processorBrand,
    Integer processorCores,
    String processorName,
    String memoryAmount,
    String totalSsdCapacity,
    String totalHddCapacity,
    String uplinkSpeed,
    Boolean unmeteredBandwidth,
    String datacenterCountry,
    String datacenterCity,
    String gpuName,
    Integer gpuCount,
    Integer gpuMemoryGb,
    Long minContractHours,
    Long maxContractHours,
    String operatingSystems,
    String billingInterval,
    String billingUnit,
    Boolean subscription,
    boolean draft,
    Long memoryGb,
    Long ssdGb,
    Long hddGb,
    Integer trustScore,
    Long createdAtNs,
    ProviderRating providerRating) {
  /** The monthly price in 10^-9 units, as stored and used for exact arithmetic. */
  public long monthlyPriceE9s() {
    return e9s(monthlyPrice);
  }

  /** The setup fee in 10^-9 units, or null. */
  public Long setupFeeE9s() {
    return setupFee == null ? null : e9s(setupFee);
  }

  /** floor(amount x 10^9), exact: the protocol's money rule. */
  public static long e9s(BigDecimal amount) {
    return amount.movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /** e9s back to a plain decimal (10.5, not 10.500000000 or 1.05E+1). */
  public static BigDecimal fromE9s(long e9s) {
    BigDecimal d = BigDecimal.valueOf(e9s, 9).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this one's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    Builder.copy(this, b);
    return b;
  }

  /** Names every value: records this wide are unreadable and fragile with positional arguments. */
  public static final class Builder {
    private Long id;
    private String pubkey;
    private String offeringId;
    private String offerName;
    private String description;
    private String productType;
    private String currency;
    private BigDecimal monthlyPrice;
    private BigDecimal setupFee;
    private String visibility;
    private String stockStatus;
    private String processorBrand;
    private Integer processorCores;
    private String processorName;
    private String memoryAmount;
    private String totalSsdCapacity;
    private String totalHddCapacity;
    private String uplinkSpeed;
    private Boolean unmeteredBandwidth;
    private String datacenterCountry;
    private String datacenterCity;
    private String gpuName;
    private Integer gpuCount;
    private Integer gpuMemoryGb;
    private Long minContractHours;
    private Long maxContractHours;
    private String operatingSystems;
    private String billingInterval;
    private String billingUnit;
    private Boolean subscription;
    private Boolean draft = Boolean.FALSE;
    private Long memoryGb;
    private Long ssdGb;
    private Long hddGb;
    private Integer trustScore;
    private Long createdAtNs;
    private ProviderRating providerRating;

    private Builder() {}

    private static void copy(Offering from, Builder b) {
      b.id = from.id();
      b.pubkey = from.pubkey();
      b.offeringId = from.offeringId();
      b.offerName = from.offerName();
      b.description = from.description();
      b.productType = from.productType();
      b.currency = from.currency();
      b.monthlyPrice = from.monthlyPrice();
      b.setupFee = from.setupFee();
      b.visibility = from.visibility();
      b.stockStatus = from.stockStatus();
      b.processorBrand = from.processorBrand();
      b.processorCores = from.processorCores();
      b.processorName = from.processorName();
      b.memoryAmount = from.memoryAmount();
      b.totalSsdCapacity = from.totalSsdCapacity();
      b.totalHddCapacity = from.totalHddCapacity();
      b.uplinkSpeed = from.uplinkSpeed();
      b.unmeteredBandwidth = from.unmeteredBandwidth();
      b.datacenterCountry = from.datacenterCountry();
      b.datacenterCity = from.datacenterCity();
      b.gpuName = from.gpuName();
      b.gpuCount = from.gpuCount();
      b.gpuMemoryGb = from.gpuMemoryGb();
      b.minContractHours = from.minContractHours();
      b.maxContractHours = from.maxContractHours();
      b.operatingSystems = from.operatingSystems();
      b.billingInterval = from.billingInterval();
      b.billingUnit = from.billingUnit();
      b.subscription = from.subscription();
      b.draft = from.draft();
      b.memoryGb = from.memoryGb();
      b.ssdGb = from.ssdGb();
      b.hddGb = from.hddGb();
      b.trustScore = from.trustScore();
      b.createdAtNs = from.createdAtNs();
      b.providerRating = from.providerRating();
    }

    public Builder id(Long id) {
      this.id = id;
      return this;
    }

    public Builder pubkey(String pubkey) {
      this.pubkey = pubkey;
      return this;
    }

    public Builder offeringId(String offeringId) {
      this.offeringId = offeringId;
      return this;
    }

    public Builder offerName(String offerName) {
      this.offerName = offerName;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder productType(String productType) {
      this.productType = productType;
      return this;
    }

    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    public Builder monthlyPrice(BigDecimal monthlyPrice) {
      this.monthlyPrice = monthlyPrice;
      return this;
    }

    public Builder setupFee(BigDecimal setupFee) {
      this.setupFee = setupFee;
      return this;
    }

    public Builder visibility(String visibility) {
      this.visibility = visibility;
      return this;
    }

    public Builder stockStatus(String stockStatus) {
      this.stockStatus = stockStatus;
      return this;
    }

    public Builder processorBrand(String processorBrand) {
      this.processorBrand = processorBrand;
      return this;
    }

    public Builder processorCores(Integer processorCores) {
      this.processorCores = processorCores;
      return this;
    }

    public Builder processorName(String processorName) {
      this.processorName = processorName;
      return this;
    }

    public Builder memoryAmount(String memoryAmount) {
      this.memoryAmount = memoryAmount;
      return this;
    }

    public Builder totalSsdCapacity(String totalSsdCapacity) {
      this.totalSsdCapacity = totalSsdCapacity;
      return this;
    }

    public Builder totalHddCapacity(String totalHddCapacity) {
      this.totalHddCapacity = totalHddCapacity;
      return this;
    }

    public Builder uplinkSpeed(String uplinkSpeed) {
      this.uplinkSpeed = uplinkSpeed;
      return this;
    }

    public Builder unmeteredBandwidth(Boolean unmeteredBandwidth) {
      this.unmeteredBandwidth = unmeteredBandwidth;
      return this;
    }

    public Builder datacenterCountry(String datacenterCountry) {
      this.datacenterCountry = datacenterCountry;
      return this;
    }

    public Builder datacenterCity(String datacenterCity) {
      this.datacenterCity = datacenterCity;
      return this;
    }

    public Builder gpuName(String gpuName) {
      this.gpuName = gpuName;
      return this;
    }

    public Builder gpuCount(Integer gpuCount) {
      this.gpuCount = gpuCount;
      return this;
    }

    public Builder gpuMemoryGb(Integer gpuMemoryGb) {
      this.gpuMemoryGb = gpuMemoryGb;
      return this;
    }

    public Builder minContractHours(Long minContractHours) {
      this.minContractHours = minContractHours;
      return this;
    }

    public Builder maxContractHours(Long maxContractHours) {
      this.maxContractHours = maxContractHours;
      return this;
    }

    public Builder operatingSystems(String operatingSystems) {
      this.operatingSystems = operatingSystems;
      return this;
    }

    public Builder billingInterval(String billingInterval) {
      this.billingInterval = billingInterval;
      return this;
    }

    public Builder billingUnit(String billingUnit) {
      this.billingUnit = billingUnit;
      return this;
    }

    public Builder subscription(Boolean subscription) {
      this.subscription = subscription;
      return this;
    }

    public Builder draft(Boolean draft) {
      this.draft = draft;
      return this;
    }

    public Builder memoryGb(Long memoryGb) {
      this.memoryGb = memoryGb;
      return this;
    }

    public Builder ssdGb(Long ssdGb) {
      this.ssdGb = ssdGb;
      return this;
    }

    public Builder hddGb(Long hddGb) {
      this.hddGb = hddGb;
      return this;
    }

    public Builder trustScore(Integer trustScore) {
      this.trustScore = trustScore;
      return this;
    }

    public Builder createdAtNs(Long createdAtNs) {
      this.createdAtNs = createdAtNs;
      return this;
    }

    /** The provider's reviews as read with the offering; null when it has none. */
    public Builder providerRating(ProviderRating providerRating) {
      this.providerRating = providerRating;
      return this;
    }

    public Offering build() {
      requireNonNull(draft, "draft");
      return new Offering(
          id,
          pubkey,
          offeringId,
          offerName,
          description,
          productType,
          currency,
          monthlyPrice,
          setupFee,
          visibility,
          stockStatus,
          processorBrand,
          processorCores,
          processorName,
          memoryAmount,
          totalSsdCapacity,
          totalHddCapacity,
          uplinkSpeed,
          unmeteredBandwidth,
          datacenterCountry,
          datacenterCity,
          gpuName,
          gpuCount,
          gpuMemoryGb,
          minContractHours,
          maxContractHours,
          operatingSystems,
          billingInterval,
          billingUnit,
          subscription,
          draft,
          memoryGb,
          ssdGb,
          hddGb,
          trustScore,
          createdAtNs,
          providerRating);
    }
  }
}
