package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.Identities;
import java.util.Arrays;

/** A new passphrase for {@code --encrypt}: from MARKET_PASSPHRASE, else typed twice, no echo. */
final class Passphrases {
  private Passphrases() {}

  /** Shorter ones are guessed quickly offline by whoever copies the key file. */
  static final int MIN_LENGTH = 8;

  static char[] newPassphrase(CliContext ctx, String operation, String name) {
    String fromEnv = ctx.env(Identities.PASSPHRASE_ENV);
    if (fromEnv != null) {
      if (fromEnv.codePointCount(0, fromEnv.length()) < MIN_LENGTH) {
        throw CliException.usage(
            operation
                + " "
                + name
                + ": "
                + Identities.PASSPHRASE_ENV
                + " is too short for a new passphrase (at least "
                + MIN_LENGTH
                + " characters)",
            "a few unrelated words make a long passphrase that is easy to remember");
      }
      return fromEnv.toCharArray();
    }
    if (!ctx.terminal().stdinIsTerminal()) {
      throw CliException.usage(
          operation + " " + name + ": --encrypt needs a passphrase and there is no terminal to ask",
          "set " + Identities.PASSPHRASE_ENV + " in the environment (never on the command line)");
    }
    char[] first = ctx.terminal().readSecret("New passphrase for '" + name + "': ");
    char[] second = ctx.terminal().readSecret("Repeat the passphrase: ");
    try {
      if (first == null || first.length == 0) {
        throw CliException.usage(
            operation + " " + name + ": the passphrase is empty", "leave out --encrypt for none");
      }
      if (!Arrays.equals(first, second)) {
        throw CliException.usage(
            operation + " " + name + ": the two passphrases differ; nothing was saved",
            "market " + operation + " " + name + " --encrypt");
      }
      if (Character.codePointCount(first, 0, first.length) < MIN_LENGTH) {
        throw CliException.usage(
            operation
                + " "
                + name
                + ": the passphrase is too short (at least "
                + MIN_LENGTH
                + " characters); nothing was saved",
            "a few unrelated words make a long passphrase that is easy to remember");
      }
      return first.clone();
    } finally {
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }
}
