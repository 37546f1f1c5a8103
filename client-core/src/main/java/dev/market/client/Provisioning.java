package dev.market.client;

import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.InstanceDetails;
import java.util.Objects;

/**
 * One step a provider reports with {@link ProviderService#provision}: the status it moves the
 * contract to and what goes with it. Build one with the factory for the step: {@link #started()},
 * {@link #done(InstanceDetails)}, {@link #failed(String)}, {@link #active()} or {@link
 * #cancelled(String)}.
 */
public final class Provisioning {
  private final ContractStatus status;
  private final InstanceDetails details;
  private final String reason;

  private Provisioning(ContractStatus status, InstanceDetails details, String reason) {
    this.status = status;
    this.details = details;
    this.reason = reason;
  }

  /** Work on the machine has begun ({@code provisioning}). */
  public static Provisioning started() {
    return new Provisioning(ContractStatus.PROVISIONING, null, null);
  }

  /**
   * The machine is ready ({@code provisioned}); {@code details} say how to reach it. Their root
   * password is sent (the server encrypts it to the renter) and never put in a message or
   * exception.
   */
  public static Provisioning done(InstanceDetails details) {
    return new Provisioning(
        ContractStatus.PROVISIONED, Objects.requireNonNull(details, "details"), null);
  }

  /** Provisioning failed ({@code provisioningfailed}), for {@code reason}. */
  public static Provisioning failed(String reason) {
    return new Provisioning(
        ContractStatus.PROVISIONING_FAILED, null, Objects.requireNonNull(reason, "reason"));
  }

  /** The renter is using the machine ({@code active}). */
  public static Provisioning active() {
    return new Provisioning(ContractStatus.ACTIVE, null, null);
  }

  /** The provider cancels the contract ({@code cancelled}), for {@code reason}. */
  public static Provisioning cancelled(String reason) {
    return new Provisioning(
        ContractStatus.CANCELLED, null, Objects.requireNonNull(reason, "reason"));
  }

  /** The status the contract moves to. */
  public ContractStatus status() {
    return status;
  }

  /** The connection details of {@link #done}, else {@code null}. */
  public InstanceDetails details() {
    return details;
  }

  /** The reason of {@link #failed} or {@link #cancelled}, else {@code null}. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    // details print their password masked
    return "Provisioning[" + status.wire() + (details != null ? ", " + details : "") + "]";
  }
}
