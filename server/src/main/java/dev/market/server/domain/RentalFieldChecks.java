package dev.market.server.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * PLACEHOLDER until the server-search helper's domain.validation.SshKeys / Contacts land on main;
 * then this delegates to them. Kept deliberately small.
 */
final class RentalFieldChecks {
  private static final Set<String> SSH_TYPES =
      Set.of(
          "ssh-ed25519",
          "ssh-rsa",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "sk-ssh-ed25519@openssh.com",
          "sk-ecdsa-sha2-nistp256@openssh.com");
  private static final Set<String> CONTACT_KINDS =
      Set.of("email", "matrix", "telegram", "phone", "url");

  private RentalFieldChecks() {}

  /** Returns the key line with trailing whitespace trimmed. */
  static String sshKey(String field, String key) {
    String line = key.stripTrailing();
    if (line.isEmpty()) {
      throw DomainException.invalid(field, "is empty");
    }
    for (int i = 0; i < line.length(); i++) {
      if (Character.isISOControl(line.charAt(i))) {
        throw DomainException.invalid(field, "must be one OpenSSH public key line");
      }
    }
    if (line.contains("PRIVATE KEY")) {
      throw DomainException.invalid(field, "is a private key; paste the public key (.pub)");
    }
    String[] parts = line.split(" +");
    if (parts.length < 2 || !SSH_TYPES.contains(parts[0])) {
      throw DomainException.invalid(field, "is not a supported OpenSSH public key type");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "key data is not valid base64");
    }
    ByteBuffer buf = ByteBuffer.wrap(blob);
    if (buf.remaining() < 4) {
      throw DomainException.invalid(field, "key data is truncated");
    }
    int len = buf.getInt();
    if (len < 0 || len > buf.remaining()) {
      throw DomainException.invalid(field, "key data is truncated");
    }
    byte[] type = new byte[len];
    buf.get(type);
    if (!parts[0].equals(new String(type, StandardCharsets.US_ASCII))) {
      throw DomainException.invalid(field, "key data names a different key type");
    }
    return line;
  }

  static String contact(String field, String contact) {
    int colon = contact.indexOf(':');
    if (colon <= 0 || colon == contact.length() - 1 || contact.length() > 254) {
      throw DomainException.invalid(field, "must be kind:value, e.g. email:alice@example.com");
    }
    String kind = contact.substring(0, colon);
    if (!CONTACT_KINDS.contains(kind)) {
      throw DomainException.invalid(
          field, "unknown kind '" + kind + "' (email, matrix, telegram, phone, url)");
    }
    return contact;
  }
}
