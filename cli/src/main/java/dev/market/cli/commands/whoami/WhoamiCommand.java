package dev.market.cli.commands.whoami;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.config.CliConfig;
import dev.market.cli.output.Details;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.client.MarketClient;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.NotFoundException;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code market whoami}: which identity signs, where, and what the marketplace says about it. Every
 * figure comes from a signed request, so a successful run also proves the marketplace accepts the
 * signature.
 */
@Command(
    name = "whoami",
    description = {
      "Ask the marketplace who you are, and so what you can do.",
      "Your identity, whether the marketplace accepts its signature, your rentals, your",
      "offerings and contracts as provider, and your wallet.",
      "Exit 4 when the marketplace does not accept the signature."
    })
public final class WhoamiCommand extends BaseCommand {
  public WhoamiCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String name = ctx.identities().activeName();
    String pubkey = ctx.identities().active().publicKeyHex();
    MarketClient client = ctx.client();
    // signed: a refused signature ends the command here, with exit 4
    List<Contract> rentals = client.rentals().list();
    List<Contract> provided = client.provider().contracts();
    List<Offering> offerings = client.offerings().ofProvider(pubkey);
    Long balance = balance(client);
    long active = rentals.stream().filter(c -> c.statusValue() == ContractStatus.ACTIVE).count();
    long waiting =
        provided.stream()
            .filter(
                c ->
                    c.statusValue() == ContractStatus.REQUESTED
                        || c.statusValue() == ContractStatus.PENDING)
            .count();
    List<String> can = new ArrayList<>();
    can.add(
        balance == null
            ? "rent (payment as the marketplace asks)"
            : "rent (wallet " + Formats.e9s(balance, null) + ")");
    can.add(
        offerings.isEmpty()
            ? "offer compute: market offerings create --file FILE"
            : "provide: " + waiting + " request(s) waiting (market requests)");
    CliConfig.Profile profile = ctx.profile();

    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identity", name);
        out.put("public_key", pubkey);
        out.put("api_url", ctx.apiUrl());
        if (profile != null) {
          out.put("profile", profile.name());
        }
        out.put("signature_accepted", true);
        out.put("rentals", rentals.size());
        out.put("active_rentals", active);
        out.put("offerings", offerings.size());
        out.put("provider_contracts", provided.size());
        out.put("requests_waiting", waiting);
        if (balance != null) {
          out.put("wallet_balance_e9s", balance);
        }
        out.put("can", can);
        p.json(out);
      }
      case IDS -> p.line(pubkey);
      case TABLE -> {
        Details d =
            new Details()
                .add("identity", name)
                .add("public key", pubkey)
                .add(
                    "marketplace",
                    ctx.apiUrl() + (profile == null ? "" : " (profile " + profile.name() + ")"))
                .add("signature", "accepted")
                .add("rentals", rentals.size() + " (" + active + " active)")
                .add(
                    "as provider",
                    offerings.size()
                        + " offering(s), "
                        + provided.size()
                        + " contract(s), "
                        + waiting
                        + " waiting")
                .add("wallet", balance == null ? "-" : Formats.e9s(balance, null))
                .add("you can", String.join("; ", can));
        ctx.out().print(d.render());
        ctx.out().flush();
      }
    }
    return 0;
  }

  /** The wallet balance, or {@code null} where the marketplace keeps no wallet (Decent Cloud). */
  private static Long balance(MarketClient client) {
    try {
      return client.wallet().show().balance();
    } catch (NotFoundException | InvalidRequestException e) {
      return null;
    }
  }
}
