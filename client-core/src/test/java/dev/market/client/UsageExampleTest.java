package dev.market.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.client.error.MarketException;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.model.ContractStatus;
import dev.market.protocol.model.Offering;
import dev.market.protocol.model.RentalCreated;
import dev.market.protocol.model.RentalRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The usage example of docs/client-core.md, compiled and run: the code between the markers below
 * must be the code block in the doc, so neither can drift.
 */
class UsageExampleTest {

  // example:start
  static AwaitResult rentCheapestGpu(String marketUrl, String seedPhrase, String sshKey) {
    Identity me = Identity.fromMnemonic(seedPhrase);
    try (MarketClient market = MarketClient.builder().baseUrl(marketUrl).identity(me).build()) {
      // listings come cheapest first; pages are fetched only as the stream needs them
      Offering gpu =
          market.offerings().stream(
                  OfferingQuery.builder().query("type:gpu !stock:out_of_stock").build())
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no GPU on offer"));

      // create() sends an Idempotency-Key, so its automatic retries never rent twice
      RentalCreated rental =
          market
              .rentals()
              .create(new RentalRequest(gpu.id(), sshKey, "test", 24L, null, null, null, null));

      AwaitResult result =
          market
              .rentals()
              .await(
                  rental.contractId(),
                  ContractStatus.ACTIVE,
                  Duration.ofMinutes(15),
                  c -> System.out.println("contract is " + c.status()));
      switch (result.outcome()) {
        case REACHED ->
            System.out.println("ready: " + result.contract().provisioningInstanceDetails());
        case UNREACHABLE -> System.out.println("ended as " + result.contract().status());
        default -> System.out.println("still " + result.contract().status() + ", try again later");
      }
      return result;
    } catch (MarketException e) {
      // one line naming the operation and the object, e.g. "rent offering 7: ssh_pubkey: ..."
      System.err.println("error: " + e.getMessage());
      throw e;
    }
  }

  // example:end

  @Test
  void the_example_lists_rents_and_waits_until_active() throws Exception {
    String contractId = "ab".repeat(32);
    AtomicInteger polls = new AtomicInteger();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
              String path = r.getUrl().encodedPath();
              if (path.equals("/api/v1/offerings")) {
                return TestSupport.ok(
                    "[{\"id\":7,\"offer_name\":\"A100\",\"product_type\":\"gpu\"}]");
              }
              if (path.equals("/api/v1/contracts") && r.getHeaders().get("X-Signature") != null) {
                return TestSupport.ok("{\"contractId\":\"" + contractId + "\",\"message\":\"ok\"}");
              }
              if (path.equals("/api/v1/contracts/" + contractId)) {
                String status = polls.incrementAndGet() == 1 ? "pending" : "active";
                return TestSupport.ok(
                    "{\"contract_id\":\""
                        + contractId
                        + "\",\"status\":\""
                        + status
                        + "\",\"provisioning_instance_details\":\"{\\\"ip_address\\\":\\\"192.0.2.7\\\"}\"}");
              }
              return TestSupport.json(
                  404, "{\"success\":false,\"error\":\"no route\",\"code\":\"not_found\"}");
            }
          });
      server.start();

      AwaitResult result =
          rentCheapestGpu(server.url("/").toString(), TestSupport.ABANDON, "ssh-ed25519 AAAA me");

      assertThat(result.outcome()).isEqualTo(AwaitResult.Outcome.REACHED);
      assertThat(result.contract().contractId()).isEqualTo(contractId);
      assertThat(polls.get()).isEqualTo(2);
      RecordedRequest list = server.takeRequest();
      assertThat(list.getUrl().queryParameter("q")).isEqualTo("type:gpu !stock:out_of_stock");
      RecordedRequest rent = server.takeRequest();
      assertThat(new String(rent.getBody().toByteArray(), StandardCharsets.UTF_8))
          .contains("\"offering_db_id\":7");
    }
  }

  @Test
  void the_doc_shows_exactly_the_code_that_runs_here() throws IOException {
    String source =
        Files.readString(
            Path.of("src", "test", "java", "dev", "market", "client", "UsageExampleTest.java"));
    String doc = Files.readString(Path.of("..", "docs", "client-core.md"));

    assertThat(codeBlockOf(doc)).isEqualTo(between(source, "// example:start", "// example:end"));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, from);
    return dedent(text.substring(text.indexOf('\n', from) + 1, to));
  }

  private static String codeBlockOf(String doc) {
    int marker = doc.indexOf("<!-- compiled: UsageExampleTest -->");
    int open = doc.indexOf("```java\n", marker);
    int close = doc.indexOf("```", open + 8);
    return dedent(doc.substring(open + 8, close));
  }

  private static String dedent(String block) {
    List<String> lines = Arrays.asList(block.stripTrailing().split("\n", -1));
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
  }
}
