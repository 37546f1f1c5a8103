package dev.market.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.market.protocol.crypto.Identity;
import dev.market.server.support.Market;
import dev.market.server.support.Raw;
import dev.market.server.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The fuzzer of issue 13: random and mutated bodies, headers, paths and queries on every endpoint,
 * signed and unsigned. Whatever comes in: never a 5xx, an answer within seconds, and nothing stored
 * that breaks the text rule. Tries per property: {@code -Dreliability.tries=N}
 * (jqwik.tries.default).
 */
abstract class EndpointFuzzContract {
  abstract TestDatabases.Kind kind();

  Fixture fx() {
    return Fixture.of(kind());
  }

  /** Every route of protocol section 4, with a real contract id where one is needed. */
  List<String[]> routes(String contract) {
    String p = fx().provider.publicKeyHex();
    String r = fx().renter.publicKeyHex();
    return List.of(
        new String[] {"GET", "/api/v1/health"},
        new String[] {"GET", "/api/v1/offerings"},
        new String[] {"GET", "/api/v1/offerings/" + fx().offering},
        new String[] {"GET", "/api/v1/providers/" + p + "/offerings"},
        new String[] {"POST", "/api/v1/providers/" + p + "/offerings"},
        new String[] {"POST", "/api/v1/contracts"},
        new String[] {"GET", "/api/v1/contracts/" + contract},
        new String[] {"GET", "/api/v1/users/" + r + "/contracts"},
        new String[] {"PUT", "/api/v1/contracts/" + contract + "/cancel"},
        new String[] {"GET", "/api/v1/contracts/" + contract + "/credentials"},
        new String[] {"GET", "/api/v1/contracts/" + contract + "/events"},
        new String[] {"GET", "/api/v1/provider/rental-requests/pending"},
        new String[] {"POST", "/api/v1/provider/rental-requests/" + contract + "/respond"},
        new String[] {"PUT", "/api/v1/provider/rental-requests/" + contract + "/provisioning"},
        new String[] {"GET", "/api/v1/providers/" + p + "/contracts"},
        new String[] {"GET", "/api/v1/users/" + r + "/notifications"},
        new String[] {"GET", "/api/v1/users/" + r + "/notifications/unread-count"},
        new String[] {"POST", "/api/v1/users/" + r + "/notifications/mark-read"},
        new String[] {"GET", "/api/v1/provider/settings/auto-accept"},
        new String[] {"PUT", "/api/v1/provider/settings/auto-accept"},
        new String[] {"POST", "/api/v1/accounts"},
        new String[] {"GET", "/api/v1/accounts"},
        new String[] {"GET", "/api/v1/accounts/fuzz.user"});
  }

  private static final String[] FIELDS = {
    "offering_db_id",
    "ssh_pubkey",
    "payment_method",
    "duration_hours",
    "contact_method",
    "request_memo",
    "operating_system",
    "buyer_address",
    "offering_id",
    "offer_name",
    "product_type",
    "currency",
    "monthly_price",
    "setup_fee",
    "gpu_count",
    "max_contract_hours",
    "min_contract_hours",
    "datacenter_country",
    "description",
    "memo",
    "accept",
    "status",
    "instanceDetails",
    "ids",
    "autoAcceptRentals",
    "is_draft",
    "processor_cores",
    "username",
    "email",
    "publicKey",
    "billing_unit",
    "is_subscription",
    "datacenter_city"
  };

  @Provide
  Arbitrary<String> jsonValues() {
    Arbitrary<String> numbers =
        Arbitraries.of(
            "0",
            "-1",
            "1.5",
            "-1.5",
            "1e-30000000",
            "1e30000000",
            "9223372036854775808",
            "1e308",
            "-0",
            "0.0000000001",
            "720",
            "1e3",
            "99999999999999999999999999999999");
    Arbitrary<String> strings =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u036f')
            .withChars('\u202e', '\ud800', '\udc00', '\u2066', '"', '\\')
            .ofMaxLength(40)
            .map(EndpointFuzzContract::jsonString);
    Arbitrary<String> literals =
        Arbitraries.of("true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"a\":{}}");
    return Arbitraries.oneOf(numbers, strings, literals);
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> field =
        Combinators.combine(Arbitraries.of(FIELDS), jsonValues())
            .as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> objects = field.list().ofMaxSize(8).map(l -> "{" + String.join(",", l) + "}");
    Arbitrary<String> valid =
        Combinators.combine(Arbitraries.of(FIELDS), jsonValues())
            .as(
                (k, v) ->
                    Market.rentBody(fx().offering)
                        .replaceFirst(
                            "\\{", Matcher.quoteReplacement("{\"" + k + "\":" + v + ",")));
    Arbitrary<String> garbage =
        Arbitraries.strings().ofMaxLength(60).withCharRange('\u0000', '\u00ff');
    return Arbitraries.oneOf(
        objects, valid, garbage, Arbitraries.of("", "[", "{\"a\":" + "[".repeat(3000)));
  }

  @Property
  void any_signed_body_on_any_route_is_answered_below_500(
      @ForAll("bodies") String body,
      @ForAll("signers") Identity who,
      @ForAll("routeIndex") int route) {
    String contract = fx().m.rent(fx().renter, fx().offering);
    String[] r = routes(contract).get(route);
    Raw.Reply reply =
        fx().m
            .raw
            .send(
                s -> {
                  s.identity = who;
                  s.method = r[0];
                  s.path = r[1];
                  s.body = r[0].equals("GET") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                  return s;
                });
    assertThat(reply.status()).as(r[0] + " " + r[1] + " " + body + " -> " + reply).isLessThan(500);
    assertThat(reply.json()).as("an envelope").isNotNull();
  }

  @Provide
  Arbitrary<Identity> signers() {
    return Arbitraries.of(fx().provider, fx().renter, fx().stranger);
  }

  @Provide
  Arbitrary<Integer> routeIndex() {
    return Arbitraries.integers().between(0, 22);
  }

  @Provide
  Arbitrary<String> urlNoise() {
    return Arbitraries.strings()
        .withChars("%00%ff%2e%2f%zz..//?&=#;,:@+~!$'()*[]ab1é€")
        .ofMaxLength(30);
  }

  @Property
  void any_path_and_query_is_answered_below_500(
      @ForAll("routeIndex") int route,
      @ForAll("urlNoise") String pathNoise,
      @ForAll("urlNoise") String queryNoise,
      @ForAll boolean signed) {
    String[] r = routes("ab".repeat(32)).get(route);
    String path = r[1] + (pathNoise.isEmpty() ? "" : "/" + pathNoise);
    String query =
        "?q="
            + queryNoise
            + "&country="
            + queryNoise
            + "&min_price_monthly="
            + queryNoise
            + "&limit="
            + queryNoise;
    Raw.Reply reply;
    try {
      reply =
          fx().m
              .raw
              .send(
                  s -> {
                    s.identity = signed ? fx().renter : null;
                    s.method = r[0];
                    s.path = path + query;
                    s.body =
                        r[0].equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
                    return s;
                  });
    } catch (IllegalArgumentException notAUrl) {
      return; // the client library cannot even send it
    }
    assertThat(reply.status()).as(r[0] + " " + path + query + " -> " + reply).isLessThan(500);
  }

  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
        Arbitraries.of("", "0", "-1", "99999999999999999999", "ab".repeat(32), "zz".repeat(64)));
  }

  @Property
  void any_signing_header_is_answered_below_500(
      @ForAll("routeIndex") int route,
      @ForAll("headerValues") String value,
      @ForAll("headerName") String header) {
    String[] r = routes("ab".repeat(32)).get(route);
    Raw.Reply reply =
        fx().m
            .raw
            .send(
                s -> {
                  s.identity = fx().renter;
                  s.method = r[0];
                  s.path = r[1];
                  s.body = r[0].equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
                  s.headers.put(header, value);
                  return s;
                });
    assertThat(reply.status()).as(header + "=" + value + " -> " + reply).isLessThan(500);
  }

  @Provide
  Arbitrary<String> headerName() {
    return Arbitraries.of(
        "X-Public-Key", "X-Signature", "X-Timestamp", "X-Nonce", "Content-Type", "Idempotency-Key");
  }

  @AfterContainer
  static void nothing_stored_breaks_the_text_rule() throws Exception {
    for (Fixture f : Fixture.started()) {
      assertThat(f.brokenText()).as(f.kind.toString()).isEmpty();
    }
  }
}
