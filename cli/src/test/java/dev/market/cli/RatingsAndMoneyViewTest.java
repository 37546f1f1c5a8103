package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.MarketFixture;
import dev.market.protocol.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 where a user looks: the provider's rating in {@code offerings list/show} and the rating
 * search and sort, and escrow, refund, payout, end and auto-renew in {@code rentals} and {@code
 * status}, against the real server.
 */
class RatingsAndMoneyViewTest {
  @TempDir Path dir;
  MarketFixture f;

  @BeforeEach
  void start() {
    f = new MarketFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  /** A table's lines split into cells (columns are separated by two or more spaces). */
  private static List<List<String>> cells(String table) {
    return table.lines().map(l -> Arrays.asList(l.strip().split(" {2,}"))).toList();
  }

  private static JsonNode json(CliRunner.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Json.mapper().readTree(r.out());
  }

  /** The renter rents for 24 h, it runs to its end and the renter rates it. */
  private void rentedAndRated(long offering, int rating) {
    String id = f.rent(offering, 24, "email:alice@example.com", null);
    f.activate(id);
    f.clock.advance(Duration.ofHours(25));
    f.server().sweep();
    CliRunner.Result r = f.cli("renter").run("review", id, "--rating", String.valueOf(rating));
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void offerings_show_the_providers_rating_and_search_filters_and_sorts_on_it() throws Exception {
    long rated = f.offering("r-1", "Rated Box", "720");
    long unrated = f.offering(f.stranger, "u-1", "Plain Box", "360");
    rentedAndRated(rated, 5);
    rentedAndRated(rated, 4);
    CliRunner renter = f.cli("renter");

    CliRunner.Result list = renter.run("offerings", "list");
    assertThat(list.err()).isEmpty();
    List<List<String>> rows = cells(list.out());
    assertThat(rows.get(0))
        .containsExactly(
            "ID", "NAME", "PROVIDER", "SPECS", "COUNTRY", "PER MONTH", "PER HOUR", "RATING");
    assertThat(rows.get(1).get(0)).isEqualTo(String.valueOf(unrated));
    assertThat(rows.get(1).get(7)).isEqualTo("-");
    assertThat(rows.get(2).get(0)).isEqualTo(String.valueOf(rated));
    assertThat(rows.get(2).get(7)).isEqualTo("4.5 (2)");
    assertThat(rows).hasSize(3);

    List<List<String>> best = cells(renter.run("offerings", "list", "--sort", "rating").out());
    assertThat(best.stream().skip(1).map(r -> r.get(0)))
        .containsExactly(String.valueOf(rated), String.valueOf(unrated));
    CliRunner.Result good = renter.run("offerings", "list", "-q", "rating:>=4.5", "-o", "ids");
    assertThat(good.out()).isEqualTo(rated + "\n");
    CliRunner.Result none = renter.run("offerings", "list", "-q", "rating:>4.5 reviews:>=2");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("no offerings match --query 'rating:>4.5 reviews:>=2'\n");

    JsonNode all = json(renter.run("offerings", "list", "-o", "json"));
    assertThat(all.get(0).has("provider_rating")).isFalse();
    assertThat(all.get(0).get("provider_rating_count").asLong()).isZero();
    assertThat(all.get(1).get("provider_rating").decimalValue()).isEqualByComparingTo("4.5");
    assertThat(all.get(1).get("provider_rating_count").asLong()).isEqualTo(2);

    assertThat(renter.run("offerings", "show", String.valueOf(rated)).out())
        .contains("\nrating:         4.5 of 5 from 2 reviews\n");
    assertThat(renter.run("offerings", "show", String.valueOf(unrated)).out())
        .contains("\nrating:         no reviews yet\n");

    CliRunner.Result badSort = renter.run("offerings", "list", "--sort", "stars");
    assertThat(badSort.exitCode()).isEqualTo(2);
    assertThat(badSort.out()).isEmpty();
    assertThat(badSort.err())
        .isEqualTo(
            """
            error: --sort: expected one of [price, rating] (case-insensitive) but was 'stars'
            hint: market offerings list --help
            """);
  }

  @Test
  void rentals_and_status_show_escrow_refund_payout_end_and_auto_renew() throws Exception {
    long offering = f.offering("m-1", "Money Box", "720"); // 1.00 USD an hour
    String id = f.rent(offering, 24, "email:alice@example.com", null);
    CliRunner renter = f.cli("renter");
    String shortProvider = f.provider.publicKeyHex().substring(0, 8) + "…";

    List<List<String>> held = cells(renter.run("rentals").out());
    assertThat(held.get(0))
        .containsExactly(
            "ID", "STATUS", "OFFERING", "PROVIDER", "HOURS", "PRICE", "MONEY", "ENDS", "RENEW");
    assertThat(held.get(1))
        .containsExactly(
            id.substring(0, 12),
            "pending",
            "Money Box",
            shortProvider,
            "24",
            "24.00 USD",
            "held 24.00",
            "2026-11-27 12:00:00Z",
            "off");
    assertThat(renter.run("auto-renew", id, "on").exitCode()).isZero();
    assertThat(cells(renter.run("rentals").out()).get(1).get(8)).isEqualTo("on");
    assertThat(renter.run("auto-renew", id, "off").exitCode()).isZero();

    f.activate(id);
    // 6 h and 1 s used of 24 (the rent's second included): the provider gets 24 x that share
    f.clock.advance(Duration.ofHours(6));
    CliRunner.Result cancel = renter.run("cancel", id, "--yes");
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();

    assertThat(cells(renter.run("rentals").out()).get(1).subList(6, 9))
        .containsExactly("paid 6.00, refunded 18.00", "2026-11-27 12:00:00Z", "off");
    String status = renter.run("status", id).out();
    assertThat(status)
        .contains("\nescrow:      0.00 USD held\n")
        .contains("\npaid out:    6.00 USD to the provider\n")
        .contains("\nrefunded:    18.00 USD to the renter\n")
        .contains("\nrenewal:     auto-renew off\n")
        .contains("\nends:        2026-11-27 12:00:00Z\n");
    JsonNode c = json(renter.run("status", id, "-o", "json"));
    assertThat(c.get("escrow_e9s").asLong()).isZero();
    assertThat(c.get("paid_out_e9s").asLong()).isEqualTo(6_000_277_777L);
    assertThat(c.get("refund_amount_e9s").asLong()).isEqualTo(17_999_722_223L);
    assertThat(c.get("auto_renew").asBoolean()).isFalse();
    assertThat(c.get("end_timestamp_ns").asLong())
        .isEqualTo((MarketFixture.START.getEpochSecond() + 24 * 3600) * 1_000_000_000L);
  }
}
