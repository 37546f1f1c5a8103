package dev.market.cli.commands;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.model.Contract;
import dev.market.protocol.text.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contract ids as users type them, for renters and providers alike: the full 64 hex characters, or
 * a prefix of at least 8 (tables show 12) resolved against the user's own contracts on that side,
 * fetched once per resolver and only when a prefix needs it. {@code -} stands for the ids on stdin,
 * one per line, so {@code market requests -o ids | market accept -} works.
 */
public final class ContractIds {
  public static final int MIN_PREFIX = 8;
  public static final int TABLE_ID_LENGTH = 12;
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,64}");

  /** Whose contracts a prefix is looked up in. */
  public enum Side {
    /** My rentals ({@code market rentals}). */
    RENTER("your rentals", "market rentals -o ids"),
    /** My contracts as provider ({@code market contracts}). */
    PROVIDER("your contracts as provider", "market contracts -o ids"),
    /**
     * Either party's: commands that only read a contract ({@code status}, {@code events}, {@code
     * contracts ID}) serve the renter and the provider alike.
     */
    EITHER(
        "your rentals or contracts as provider", "market rentals -o ids; market contracts -o ids");

    private final String mine;
    private final String hint;

    Side(String mine, String hint) {
      this.mine = mine;
      this.hint = hint;
    }
  }

  private final CliContext ctx;
  private final Side side;
  private List<Contract> mine;

  public ContractIds(CliContext ctx, Side side) {
    this.ctx = ctx;
    this.side = side;
  }

  /** One id of a contract the user rents or provides; see {@link #resolve(String, String)}. */
  public static String forEither(CliContext ctx, String operation, String given) {
    return new ContractIds(ctx, Side.EITHER).resolve(operation, given);
  }

  /** One id as a renter gives it; see {@link #resolve(String, String)}. */
  public static String forRenter(CliContext ctx, String operation, String given) {
    return new ContractIds(ctx, Side.RENTER).resolve(operation, given);
  }

  /**
   * The full id for {@code given}.
   *
   * @param operation e.g. {@code status} or {@code accept}, for messages
   * @throws CliException exit 2 for something that is not an id or an ambiguous or too short
   *     prefix, exit 3 for a prefix matching none of the user's contracts
   */
  public String resolve(String operation, String given) {
    String id = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
    if (!HEX.matcher(id).matches()) {
      throw CliException.usage(
          operation
              + " '"
              + TerminalText.line(given, 80)
              + "': not a contract id (64 hex characters)",
          side.hint);
    }
    if (id.length() == 64) {
      return id;
    }
    if (id.length() < MIN_PREFIX) {
      throw CliException.usage(
          operation
              + " '"
              + id
              + "': a contract id prefix needs at least "
              + MIN_PREFIX
              + " characters",
          side.hint);
    }
    if (ctx.dryRun()) {
      // a dry run sends nothing, not even the listing a prefix would be looked up in
      throw CliException.usage(
          operation + " '" + id + "': --dry-run needs the full contract id, not a prefix",
          side.hint);
    }
    if (mine == null) {
      try {
        mine =
            switch (side) {
              case RENTER -> ctx.client().rentals().list();
              case PROVIDER -> ctx.client().provider().contracts();
              case EITHER -> {
                List<Contract> both = new ArrayList<>(ctx.client().rentals().list());
                both.addAll(ctx.client().provider().contracts());
                yield both;
              }
            };
      } catch (UnavailableException e) {
        if (e.getClass() != UnavailableException.class) {
          throw e; // rate limited, outcome unknown: their own types carry their hints
        }
        // the listing only serves to find the id: the failure is the user's operation's
        throw new UnavailableException(
            operation + " '" + id + "' (looking the prefix up among " + side.mine + ")",
            e.status(),
            e.code(),
            e.serverMessage(),
            e.getCause());
      }
    }
    List<String> matches =
        mine.stream()
            .map(Contract::contractId)
            .filter(c -> c != null && c.startsWith(id))
            .distinct()
            .toList();
    if (matches.isEmpty()) {
      throw CliException.refused(
          operation + " '" + id + "': none of " + side.mine + " has an id starting so", side.hint);
    }
    if (matches.size() > 1) {
      throw CliException.usage(
          operation + " '" + id + "': " + matches.size() + " of " + side.mine + " match; give more",
          side.hint);
    }
    return matches.get(0);
  }

  /**
   * The arguments with each {@code -} replaced by stdin's non-blank lines, trimmed, duplicates
   * dropped (accepting an id twice would only fail the second time).
   */
  public static List<String> expand(CliContext ctx, List<String> args) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    boolean stdinRead = false;
    for (String a : args) {
      if (a.equals("-")) {
        if (!stdinRead) {
          ids.addAll(stdinLines(ctx));
          stdinRead = true;
        }
      } else {
        ids.add(a.trim());
      }
    }
    return new ArrayList<>(ids);
  }

  private static List<String> stdinLines(CliContext ctx) {
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading contract ids from stdin", e);
    }
    return lines;
  }

  /** The first 12 characters: what tables show, and accepted back as a prefix. */
  public static String shortId(String id) {
    return id == null || id.length() <= TABLE_ID_LENGTH ? id : id.substring(0, TABLE_ID_LENGTH);
  }
}
