package dev.market.cli.commands.identity;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.commands.BaseCommand;
import dev.market.protocol.crypto.Bip39;
import dev.market.protocol.crypto.Identity;
import java.security.SecureRandom;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code market identity new [NAME]}: a fresh seed phrase, shown once on the terminal. */
@Command(
    name = "new",
    description = {
      "Create an identity from a fresh seed phrase.",
      "The phrase (12 words) is shown once, on the terminal only (never on a pipe or in a file):",
      "write it down, it is the only way to recover the key. Then it asks for one of its words to",
      "check, clears the screen, and only then saves the identity. Without a terminal it refuses:",
      "scripts bring their own phrase with 'market identity import NAME < phrase.txt'.",
      "The first identity becomes the active one.",
      "Prints the identity (name, public key); -o json: {name, public_key, encrypted, active, file}."
    })
public final class IdentityNewCommand extends BaseCommand {
  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      defaultValue = "default",
      description = "Letters, digits, '.', '_', '-' (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--words",
      paramLabel = "N",
      defaultValue = "12",
      description = "12 or 24 words (default ${DEFAULT-VALUE}).")
  int words;

  @Option(
      names = "--encrypt",
      description =
          "Protect the key file with a passphrase of 8 or more characters (asked twice;"
              + " MARKET_PASSPHRASE in scripts).")
  boolean encrypt;

  public IdentityNewCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (words != 12 && words != 24) {
      throw CliException.usage(
          "identity new: --words must be 12 or 24, got " + words,
          "market identity new " + name + " --words 12");
    }
    if (!ctx.terminal().stdoutIsTerminal()) {
      throw CliException.usage(
          "identity new " + name + ": refusing to show a new seed phrase: stdout is not a terminal",
          "run it in a terminal, or bring your own phrase: market identity import "
              + name
              + " < phrase.txt");
    }
    if (ctx.identities().exists(name)) {
      throw CliException.usage(
          "identity new " + name + ": an identity with that name exists",
          "market identity new OTHER-NAME   (or: market identity remove " + name + ")");
    }
    char[] passphrase = encrypt ? Passphrases.newPassphrase(ctx, "identity new", name) : null;
    String phrase = Bip39.generate(words);
    try {
      Identity identity = Identity.fromMnemonic(phrase);
      ctx.terminal().show(phraseBox(phrase));
      confirmWrittenDown(phrase);
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

  /**
   * Asks for one word of the phrase, so that a phrase nobody wrote down is not the only copy of a
   * key; then clears the screen and its scrollback. Without a terminal on stdin there is nobody to
   * ask: the phrase stays on screen and the identity is saved, as before.
   *
   * @throws CliException exit 2 after three wrong answers (or none): nothing is saved
   */
  private void confirmWrittenDown(String phrase) {
    if (!ctx.terminal().stdinIsTerminal()) {
      return;
    }
    String[] w = phrase.split(" ", -1);
    int n = 1 + RANDOM.nextInt(w.length);
    for (int attempt = 0; attempt < 3; attempt++) {
      String answer =
          ctx.terminal().readLine("To check that you wrote it down, type word number " + n + ": ");
      if (answer == null) {
        break;
      }
      if (answer.trim().equalsIgnoreCase(w[n - 1])) {
        // erase the screen and the scrollback: the paper is now the copy
        ctx.terminal().show(CLEAR_SCREEN);
        return;
      }
      ctx.terminal().show("  that is not word " + n + "; look at the list above\n");
    }
    throw CliException.usage(
        "identity new " + name + ": the phrase was not confirmed; nothing was saved",
        "market identity new " + name + "   (a new phrase; write it down before answering)");
  }

  /** ED 2 (screen), ED 3 (scrollback, xterm and most others), cursor home. */
  static final String CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Numbered words, four a row: easy to copy onto paper and check back. */
  static String phraseBox(String phrase) {
    String[] w = phrase.trim().split("\\s+", -1);
    StringBuilder b = new StringBuilder();
    b.append("\nYour seed phrase (")
        .append(w.length)
        .append(" words). Write it down now and keep it offline:\n");
    b.append("it is the only way to recover this identity, and it will not be shown again.\n\n");
    for (int i = 0; i < w.length; i++) {
      b.append(String.format("%4d. %-10s", i + 1, w[i]));
      if (i % 4 == 3 || i == w.length - 1) {
        b.append('\n');
      }
    }
    b.append('\n');
    return b.toString();
  }
}
