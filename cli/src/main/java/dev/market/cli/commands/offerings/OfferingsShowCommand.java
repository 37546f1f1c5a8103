package dev.market.cli.commands.offerings;

import dev.market.cli.CliContext;
import dev.market.cli.commands.BaseCommand;
import dev.market.cli.output.Details;
import dev.market.cli.output.Formats;
import dev.market.cli.output.Printer;
import dev.market.client.Outcome;
import dev.market.protocol.model.Offering;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code market offerings show ID}. */
@Command(
    name = "show",
    description = {
      "Show one offering in detail.",
      "-o json: the Offering object as on the wire; -o ids: its id."
    })
public final class OfferingsShowCommand extends BaseCommand {
  @Parameters(paramLabel = "OFFERING-ID", description = "The numeric id from 'offerings list'.")
  long id;

  public OfferingsShowCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Outcome<Offering> sent = ctx.publicClient().offerings().get(id, ctx.requestOptions());
    if (ctx.printedDryRun(sent)) {
      return 0;
    }
    Offering o = sent.value();
    Printer p = ctx.printer();
    switch (p.format()) {
      case JSON -> p.json(o);
      case IDS -> p.ids(List.of(String.valueOf(o.id())));
      case TABLE -> ctx.out().print(details(o).render());
    }
    ctx.out().flush();
    return 0;
  }

  static Details details(Offering o) {
    // providers often repeat the brand in the name (AMD, AMD Ryzen 7): say it once
    String brand = o.processorBrand();
    String cpuName = o.processorName();
    boolean named =
        brand != null
            && cpuName != null
            && !brand.isBlank()
            && Formats.containsWord(cpuName, brand.trim());
    String cpu = join(named ? null : brand, cpuName);
    if (o.processorCores() != null) {
      cpu = join(cpu, "(" + o.processorCores() + " cores)");
    }
    String gpu = null;
    if (o.gpuName() != null || o.gpuCount() != null) {
      gpu =
          (o.gpuCount() == null ? 1 : o.gpuCount())
              + "x "
              + (o.gpuName() == null ? "GPU" : o.gpuName());
      if (o.gpuMemoryGb() != null) {
        gpu += " (" + o.gpuMemoryGb() + " GB)";
      }
    }
    String network = o.uplinkSpeed();
    if (Boolean.TRUE.equals(o.unmeteredBandwidth())) {
      network = join(network, "unmetered");
    }
    String hours = null;
    if (o.minContractHours() != null || o.maxContractHours() != null) {
      hours =
          (o.minContractHours() == null ? "1" : o.minContractHours())
              + " to "
              + (o.maxContractHours() == null ? "unlimited" : o.maxContractHours())
              + " hours";
    }
    return new Details()
        .add("id", o.id())
        .add("name", o.offerName())
        .add("type", o.productType())
        .add("provider", o.pubkey())
        .add("provider's id", o.offeringId())
        .add("rating", rating(o))
        .add("price", pricing(o))
        // none and 0 read the same: offerings create sends 0 for Decent Cloud, which requires it
        .add(
            "setup fee",
            o.setupFee() == null || o.setupFee().signum() == 0
                ? null
                : Formats.money(o.setupFee(), o.currency(), 2))
        .add("stock", o.stockStatus())
        .add("cpu", cpu)
        .add("memory", o.memoryAmount())
        .add("ssd", o.totalSsdCapacity())
        .add("hdd", o.totalHddCapacity())
        .add("gpu", gpu)
        .add("network", network)
        .add(
            "location",
            o.datacenterCity() == null
                ? o.datacenterCountry()
                : join(o.datacenterCity() + ",", o.datacenterCountry()))
        .add("rental", hours)
        .add("systems", o.operatingSystems())
        .add("description", o.description());
  }

  /**
   * {@code 4.66 of 5 from 3 reviews}; {@code no reviews yet} on a marketplace that counts them;
   * nothing when it does not (Decent Cloud).
   */
  static String rating(Offering o) {
    if (o.providerRating() != null && Formats.isBounded(o.providerRating())) {
      String avg = o.providerRating().toPlainString();
      Long n = o.providerRatingCount();
      return n == null
          ? avg + " of 5"
          : avg + " of 5 from " + n + (n == 1 ? " review" : " reviews");
    }
    return o.providerRatingCount() != null && o.providerRatingCount() == 0
        ? "no reviews yet"
        : null;
  }

  static String pricing(Offering o) {
    if (o.monthlyPrice() == null) {
      return null;
    }
    return Formats.monthly(o) + " a month (" + Formats.hourly(o) + " an hour)";
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    if (b == null || b.isBlank()) {
      return a;
    }
    return a + " " + b;
  }
}
