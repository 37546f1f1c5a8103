package dev.market.cli.commands.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.market.cli.CliContext;
import dev.market.cli.output.Details;
import dev.market.client.auth.IdentityStore;

/**
 * What {@code identity show}/{@code list}/{@code new} print about an identity: public facts only.
 *
 * @param file the key file (its path, never its contents)
 */
record IdentityView(
    @JsonProperty("name") String name,
    @JsonProperty("public_key") String publicKey,
    @JsonProperty("encrypted") boolean encrypted,
    @JsonProperty("active") boolean active,
    @JsonProperty("file") String file) {

  static IdentityView of(CliContext ctx, IdentityStore.KeyFileInfo info) {
    return new IdentityView(
        info.name(),
        info.publicKeyHex(),
        info.encrypted(),
        info.name().equals(ctx.identities().activeName()),
        info.file().toString());
  }

  Details details() {
    return new Details()
        .add("name", name)
        .add("public key", publicKey)
        .add("encrypted", encrypted ? "yes (passphrase)" : "no")
        .add("active", active ? "yes" : "no")
        .add("key file", file);
  }
}
