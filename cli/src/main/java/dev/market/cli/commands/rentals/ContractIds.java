package dev.market.cli.commands.rentals;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.protocol.model.Contract;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contract ids as users type them: the full 64 hex characters, or a prefix of at least 8 (as shown
 * in tables) resolved against the signer's own rentals.
 */
public final class ContractIds {
  public static final int MIN_PREFIX = 8;
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  private ContractIds() {}

  /**
   * The full id for {@code given}.
   *
   * @param operation e.g. {@code status}, for messages
   * @throws CliException exit 2 for something that is not an id or an ambiguous prefix, exit 3 for
   *     a prefix matching none of the user's rentals
   */
  public static String resolve(CliContext ctx, String operation, String given) {
    String id = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
    if (!HEX.matcher(id).matches() || id.length() > 64) {
      throw CliException.usage(
          operation + ": '" + printable(given) + "' is not a contract id (64 hex characters)",
          "market rentals -o ids");
    }
    if (id.length() == 64) {
      return id;
    }
    if (id.length() < MIN_PREFIX) {
      throw CliException.usage(
          operation
              + ": contract id prefix '"
              + id
              + "' is too short (at least "
              + MIN_PREFIX
              + " characters)",
          "market rentals -o ids");
    }
    if (ctx.dryRun()) {
      throw CliException.usage(
          operation + ": --dry-run needs the full contract id, not a prefix",
          "market rentals -o ids");
    }
    List<Contract> matches =
        ctx.client().myRentals().stream()
            .filter(c -> c.contractId() != null && c.contractId().startsWith(id))
            .toList();
    if (matches.isEmpty()) {
      throw CliException.refused(
          operation + " contract " + id + "…: none of your rentals has an id starting so",
          "market rentals");
    }
    if (matches.size() > 1) {
      throw CliException.usage(
          operation + " contract " + id + "…: " + matches.size() + " rentals match; give more",
          "market rentals -o ids");
    }
    return matches.get(0).contractId();
  }

  private static String printable(String s) {
    if (s == null) {
      return "";
    }
    String clean =
        s.codePoints()
            .filter(cp -> !Character.isISOControl(cp))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
  }
}
