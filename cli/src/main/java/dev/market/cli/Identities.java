package dev.market.cli;

import dev.market.cli.config.CliConfig;
import dev.market.client.auth.IdentityStore;
import dev.market.client.auth.IdentityStoreException;
import dev.market.client.auth.PassphraseSupplier;
import dev.market.protocol.crypto.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's view of the key store: which identity is active, how a passphrase is obtained
 * (MARKET_PASSPHRASE for scripts, else a no-echo prompt on a terminal, never argv), and how store
 * failures become exit codes and hints.
 */
public final class Identities {
  public static final String PASSPHRASE_ENV = "MARKET_PASSPHRASE";

  private final CliContext ctx;
  private final IdentityStore store;

  Identities(CliContext ctx, IdentityStore store) {
    this.ctx = ctx;
    this.store = store;
  }

  public IdentityStore store() {
    return store;
  }

  /** The names of all identities, sorted. */
  public List<String> names() {
    return call(store::list);
  }

  public boolean exists(String name) {
    return call(() -> store.exists(name));
  }

  public IdentityStore.KeyFileInfo info(String name) {
    return call(() -> store.info(name));
  }

  /** The chosen identity's name (flag, env, config), or {@code null}. */
  public String activeName() {
    return ctx.identityName();
  }

  /**
   * The identity to sign with, unlocked.
   *
   * @throws CliException exit 4 when none is chosen or it cannot be loaded, with the command to fix
   *     it
   */
  public Identity active() {
    String name = activeName();
    if (name == null) {
      boolean none = names().isEmpty();
      throw CliException.identity(
          "no identity selected: this command signs its requests",
          none ? "market identity new" : "market identity use " + names().get(0));
    }
    return load(name);
  }

  public Identity load(String name) {
    return call(() -> store.load(name, passphrases()));
  }

  public Path save(String name, Identity identity, char[] passphraseOrNull) {
    return call(() -> store.save(name, identity, passphraseOrNull));
  }

  public void remove(String name) {
    call(
        () -> {
          store.remove(name);
          return null;
        });
  }

  /**
   * Makes {@code name} the config's identity when none is set yet: the first one is the default.
   */
  public boolean adoptIfNoneActive(String name) {
    if (ctx.config().get(CliConfig.IDENTITY).isPresent()) {
      return false;
    }
    ctx.config().set(CliConfig.IDENTITY, name);
    return true;
  }

  private PassphraseSupplier passphrases() {
    return (name, file) -> {
      String fromEnv = ctx.env(PASSPHRASE_ENV);
      if (fromEnv != null) {
        return fromEnv.toCharArray();
      }
      if (!ctx.terminal().stdinIsTerminal()) {
        return null;
      }
      return ctx.terminal().readSecret("Passphrase for identity '" + name + "': ");
    };
  }

  private interface StoreCall<T> {
    T run();
  }

  private <T> T call(StoreCall<T> c) {
    try {
      return c.run();
    } catch (IdentityStoreException e) {
      throw translate(e);
    }
  }

  /** One exit code and one exact next step for each way a key file can fail. */
  static CliException translate(IdentityStoreException e) {
    String msg = "identity: " + e.getMessage();
    Path file = e.file();
    return switch (e.kind()) {
      case INVALID_NAME -> new CliException(ExitCodes.USAGE, msg, "market identity list", e);
      case ALREADY_EXISTS ->
          new CliException(
              ExitCodes.USAGE, msg, "market identity list   (or remove the old one first)", e);
      case NOT_FOUND -> new CliException(ExitCodes.AUTH, msg, "market identity list", e);
      case INSECURE_PERMISSIONS ->
          new CliException(
              ExitCodes.AUTH,
              msg,
              file == null
                  ? "chmod 600 the key file"
                  : (Files.isDirectory(file) ? "chmod 700 " : "chmod 600 ") + file,
              e);
      case PASSPHRASE_REQUIRED ->
          new CliException(
              ExitCodes.AUTH,
              msg,
              "run it in a terminal to be asked, or set " + PASSPHRASE_ENV + " for scripts",
              e);
      case WRONG_PASSPHRASE ->
          new CliException(
              ExitCodes.AUTH,
              msg,
              "try again; the seed phrase can re-import it: market identity import NAME",
              e);
      case CORRUPT, IO -> new CliException(ExitCodes.AUTH, msg, null, e);
    };
  }
}
