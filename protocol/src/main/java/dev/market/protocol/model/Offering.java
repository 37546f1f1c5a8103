package dev.market.protocol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An offering published by a provider (docs/protocol.md section 5). Snake case on the wire; absent
 * optional fields are {@code null} here and omitted when written.
 *
 * @param id the marketplace's numeric id, used to rent it ({@code offering_db_id})
 * @param pubkey the provider's public key, hex
 * @param offeringId the provider's own string id, unique per provider
 * @param providerRating the average of the provider's 1-5 review ratings, rounded down to 2
 *     decimals; absent when it has no reviews (and always from Decent Cloud, which has no ratings)
 * @param providerRatingCount how many reviews the provider has; 0 on our server when none, absent
 *     from Decent Cloud
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offering(
    @JsonProperty("id") Long id,
    @JsonProperty("pubkey") String pubkey,
    @JsonProperty("offering_id") String offeringId,
    @JsonProperty("offer_name") String offerName,
    @JsonProperty("description") String description,
    @JsonProperty("product_type") String productType,
    @JsonProperty("currency") String currency,
    @JsonProperty("monthly_price") BigDecimal monthlyPrice,
    @JsonProperty("setup_fee") BigDecimal setupFee,
    @JsonProperty("visibility") String visibility,
    @JsonProperty("stock_status") String stockStatus,
    @JsonProperty("processor_brand") String processorBrand,
    @JsonProperty("processor_cores") Integer processorCores,
    @JsonProperty("processor_name") String processorName,
    @JsonProperty("memory_amount") String memoryAmount,
    @JsonProperty("total_ssd_capacity") String totalSsdCapacity,
    @JsonProperty("total_hdd_capacity") String totalHddCapacity,
    @JsonProperty("uplink_speed") String uplinkSpeed,
    @JsonProperty("unmetered_bandwidth") Boolean unmeteredBandwidth,
    @JsonProperty("datacenter_country") String datacenterCountry,
    @JsonProperty("datacenter_city") String datacenterCity,
    @JsonProperty("gpu_name") String gpuName,
    @JsonProperty("gpu_count") Integer gpuCount,
    @JsonProperty("gpu_memory_gb") Integer gpuMemoryGb,
    @JsonProperty("min_contract_hours") Long minContractHours,
    @JsonProperty("max_contract_hours") Long maxContractHours,
    @JsonProperty("operating_systems") String operatingSystems,
    @JsonProperty("billing_interval") String billingInterval,
    @JsonProperty("billing_unit") String billingUnit,
    @JsonProperty("is_subscription") Boolean isSubscription,
    @JsonProperty("is_draft") Boolean isDraft,
    @JsonProperty("provider_rating") BigDecimal providerRating,
    @JsonProperty("provider_rating_count") Long providerRatingCount) {
  /** A builder naming every value; absent ones stay null and are omitted on the wire. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Offering} value by value. */
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
    private Boolean isSubscription;
    private Boolean isDraft;
    private BigDecimal providerRating;
    private Long providerRatingCount;

    private Builder() {}

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

    public Builder isSubscription(Boolean isSubscription) {
      this.isSubscription = isSubscription;
      return this;
    }

    public Builder isDraft(Boolean isDraft) {
      this.isDraft = isDraft;
      return this;
    }

    public Builder providerRating(BigDecimal providerRating) {
      this.providerRating = providerRating;
      return this;
    }

    public Builder providerRatingCount(Long providerRatingCount) {
      this.providerRatingCount = providerRatingCount;
      return this;
    }

    public Offering build() {
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
          isSubscription,
          isDraft,
          providerRating,
          providerRatingCount);
    }
  }
}
