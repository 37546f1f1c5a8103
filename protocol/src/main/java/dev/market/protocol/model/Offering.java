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
    @JsonProperty("is_draft") Boolean isDraft) {}
