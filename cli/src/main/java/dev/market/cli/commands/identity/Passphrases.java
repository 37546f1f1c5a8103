package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.Identities;
import java.util.Arrays;

/** A new passphrase for {@code --encrypt}: from MARKET_PASSPHRASE, else typed twice, no echo. */
final class Passphrases {
  private Passphrases() {}

  static char[] newPassphrase(CliContext ctx, String operation, String name) {
    String fromEnv = ctx.env(Identities.PASSPHRASE_ENV);
    if (fromEnv != null) {
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
