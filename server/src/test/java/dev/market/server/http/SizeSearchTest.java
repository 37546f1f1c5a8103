package dev.market.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import dev.market.server.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Size terms ({@code ssd:}, {@code hdd:}, {@code memory:}) find the demo offerings whose sizes are
 * written the way providers write them ("2 x 1.92 TB NVMe", "12 x 12 TB", "64 GB DDR5"): the stored
 * GB and the searched GB come from the same reading of the text.
 */
class SizeSearchTest {
  private static TestServer server;
  private static Raw raw;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabases.freshSqlite(), b -> b.demo(true));
    raw = new Raw(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** "id offering_id" of each result, in the listing order. */
  static List<String> search(Raw raw, String q) {
    Raw.Reply r =
        raw.get(null, "/api/v1/offerings?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode o : r.data()) {
      out.add(o.get("id").asLong() + " " + o.get("offering_id").asText());
    }
    return out;
  }

  @Test
  void ssd_at_least_2tb_finds_the_dedicated_servers_with_several_drives() {
    // 2 x 1.92 TB, 2 x 1 TB (= 2048 GB exactly), 4 x 1.92 TB, 4 x 3.84 TB; not 2 x 960 GB
    assertThat(search(raw, "ssd:>=2TB type:dedicated"))
        .containsExactly("30 ded-ax102-hel", "34 ded-tor", "32 ded-xeon-nyc", "31 ded-epyc-ams");
  }

  @Test
  void hdd_at_least_40tb_finds_the_multi_drive_storage_boxes() {
    // 4 x 16 TB and 12 x 12 TB; not 4 x 8 TB (32 TB) nor 10 TB
    assertThat(search(raw, "hdd:>=40TB"))
        .containsExactly("28 sto-backup-osa", "26 sto-archive-chi");
  }

  @Test
  void one_tb_is_1024_gb_on_the_stored_side_too() {
    // "1 TB" stored as 1000 GB would miss hdd:>=1024GB
    assertThat(search(raw, "hdd:[1024GB TO 1024GB]")).containsExactly("23 sto-box-1t-fsn");
  }

  @Test
  void memory_with_a_suffix_after_the_size_is_still_a_size() {
    // "128 GB DDR5" and "128 GB"
    assertThat(search(raw, "memory:128 type:dedicated"))
        .containsExactly("30 ded-ax102-hel", "34 ded-tor");
  }
}
