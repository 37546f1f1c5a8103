package dev.market.server.domain.validation;

import dev.market.protocol.validation.SshPublicKeys;
import dev.market.server.domain.DomainException;
import java.util.List;

/**
 * The renter's {@code ssh_pubkey} (docs/protocol.md section 9), checked by the protocol's {@link
 * SshPublicKeys} so that the client refuses exactly what the server would.
 */
public final class SshKeys {
  public static final String FIELD = SshPublicKeys.FIELD;

  public static final List<String> KNOWN_TYPES = SshPublicKeys.KNOWN_TYPES;

  private SshKeys() {}

  /**
   * Returns the key line normalised (see {@link SshPublicKeys#validate}).
   *
   * @throws DomainException naming {@code ssh_pubkey}; its message never contains the input
   */
  public static String validate(String input) {
    try {
      return SshPublicKeys.validate(input);
    } catch (SshPublicKeys.InvalidKeyException e) {
      throw DomainException.invalid(FIELD, e.getMessage());
    }
  }
}
