package dev.market.cli.commands.provider;

import dev.market.cli.CliContext;
import dev.market.cli.CliException;
import dev.market.cli.Failures;
import dev.market.protocol.model.Contract;
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
 * Contract ids as a provider gives them: the full 64 hex characters, or a prefix of at least 8 (the
 * tables show 12) resolved against the provider's own contracts, fetched once per run and only when
 * a prefix needs it. {@code -} stands for the ids on stdin, one per line, so {@code market requests
 * -o ids | market accept -} works.
 */
final class ProviderContractIds {
  static final int MIN_PREFIX = 8;
  static final int TABLE_ID_LENGTH = 12;
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,64}");
  private static final String HINT = "market contracts -o ids";

  private final CliContext ctx;
  private List<Contract> mine;

  ProviderContractIds(CliContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The arguments with each {@code -} replaced by stdin's non-blank lines, trimmed, duplicates
   * dropped (accepting an id twice would only fail the second time).
   */
  static List<String> expand(CliContext ctx, List<String> args) {
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

  /**
   * The full id for {@code given}.
   *
   * @param operation e.g. {@code accept}, for messages
   * @throws CliException exit 2 for something that is not an id or an ambiguous or too short
   *     prefix, exit 3 for a prefix matching none of the provider's contracts
   */
  String resolve(String operation, String given) {
    String id = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
    if (!HEX.matcher(id).matches()) {
      throw CliException.usage(
          operation + " '" + printable(given) + "': not a contract id (64 hex characters)", HINT);
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
          HINT);
    }
    if (ctx.dryRun()) {
      throw CliException.usage(
          operation + " '" + id + "': --dry-run needs the full contract id, not a prefix", HINT);
    }
    if (mine == null) {
      mine = ctx.client().providerContracts();
    }
    List<String> matches =
        mine.stream()
            .map(Contract::contractId)
            .filter(c -> c != null && c.startsWith(id))
            .distinct()
            .toList();
    if (matches.isEmpty()) {
      throw CliException.refused(
          operation + " '" + id + "': none of your contracts as provider has an id starting so",
          HINT);
    }
    if (matches.size() > 1) {
      throw CliException.usage(
          operation + " '" + id + "': " + matches.size() + " of your contracts match; give more",
          HINT);
    }
    return matches.get(0);
  }

  /** The first 12 characters: what tables show, and accepted back as a prefix. */
  static String shortId(String id) {
    return id == null || id.length() <= TABLE_ID_LENGTH ? id : id.substring(0, TABLE_ID_LENGTH);
  }

  private static String printable(String s) {
    String clean = Failures.oneLine(s);
    return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
  }
}
