package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.protocol.crypto.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market identity import NAME}: an existing seed phrase, never from argv. */
@Command(
    name = "import",
    description = {
      "Import an identity from its seed phrase (prompt or stdin, never argv).",
      "The phrase is typed at a no-echo prompt or piped on stdin:",
      "  market identity import alice < phrase.txt",
      "Prints the identity (name, public key); -o json: {name, public_key, encrypted, active, file}."
    })
public final class IdentityImportCommand extends BaseCommand {
  /** A 24-word phrase is under 300 bytes; anything far larger is not a phrase. */
  private static final int MAX_INPUT = 4096;

  @Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
  String name;

  @Option(
      names = "--encrypt",
      description =
          "Protect the key file with a passphrase of 8 or more characters (asked twice;"
              + " MARKET_PASSPHRASE in scripts).")
  boolean encrypt;

  public IdentityImportCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (ctx.identities().exists(name)) {
      throw CliException.usage(
          "identity import " + name + ": an identity with that name exists",
          "market identity import OTHER-NAME   (or: market identity remove " + name + ")");
    }
    String phrase = readPhrase();
    Identity identity = Identity.fromMnemonic(phrase);
    warnIfKnown(identity.publicKeyHex());
    char[] passphrase = encrypt ? Passphrases.newPassphrase(ctx, "identity import", name) : null;
    try {
      ctx.identities().save(name, identity, passphrase);
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
    boolean adopted = ctx.identities().adoptIfNoneActive(name);
    Created.print(ctx, name, adopted);
    return 0;
  }

  /** The same key under two names is allowed (a rename in two steps), but never silently. */
  private void warnIfKnown(String publicKeyHex) {
    for (String other : ctx.identities().names()) {
      String known;
      try {
        known = ctx.identities().info(other).publicKeyHex();
      } catch (RuntimeException e) {
        continue; // an unreadable key file is not this key
      }
      if (publicKeyHex.equals(known)) {
        ctx.err()
            .println(
                "warning: this key is already imported as '"
                    + other
                    + "'; '"
                    + name
                    + "' will be a second name for it");
        ctx.err().flush();
      }
    }
  }

  private String readPhrase() {
    if (ctx.terminal().stdinIsTerminal()) {
      char[] typed = ctx.terminal().readSecret("Seed phrase (not shown): ");
      if (typed == null) {
        throw CliException.usage("identity import " + name + ": no seed phrase given", null);
      }
      try {
        return normalise(new String(typed));
      } finally {
        Arrays.fill(typed, '\0');
      }
    }
    try {
      InputStream in = ctx.in();
      byte[] bytes = in.readNBytes(MAX_INPUT + 1);
      if (bytes.length > MAX_INPUT) {
        throw CliException.usage(
            "identity import " + name + ": stdin holds more than a seed phrase",
            "market identity import " + name + " < phrase.txt");
      }
      String phrase = normalise(new String(bytes, StandardCharsets.UTF_8));
      Arrays.fill(bytes, (byte) 0);
      if (phrase.isEmpty()) {
        throw CliException.usage(
            "identity import " + name + ": no seed phrase on stdin",
            "market identity import " + name + " < phrase.txt");
      }
      return phrase;
    } catch (IOException e) {
      throw new UncheckedIOException("read the seed phrase from stdin", e);
    }
  }

  /** Words separated by single spaces, whatever the paste looked like. */
  static String normalise(String raw) {
    return String.join(" ", raw.trim().split("\\s+"));
  }
}
