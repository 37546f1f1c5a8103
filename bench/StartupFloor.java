import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.market.client.auth.IdentityStore;
import dev.market.client.internal.RequestSigner;
import dev.market.protocol.crypto.Identity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The stack floor of bench/startup.sh: the least a Java program on the CLI's stack does to answer
 * `market offerings list -o json`. It parses one option with picocli, builds a Jackson mapper and an
 * OkHttp client, sends the same GET the CLI sends (public endpoint: unsigned, as the CLI sends it)
 * and prints the offerings as indented JSON. No command tree, no config, no typed records. Like the
 * CLI's client, a client for an http:// URL is given only the cleartext connection spec, so neither
 * prepares TLS (the platform trust store) for a request that cannot use it.
 *
 * <p>With {@code --identity NAME} it is the floor of a signed read, `market rentals -o json`: it
 * also loads that identity's key file from $MARKET_HOME/identities (client-core's IdentityStore,
 * the CLI's file format), signs the GET of the identity's contracts with client-core's RequestSigner
 * (docs/protocol.md section 2; Ed25519ph with BouncyCastle) and prints the contracts.
 */
@Command(name = "floor")
public final class StartupFloor implements Callable<Integer> {
  @Option(names = "--api-url", required = true)
  String apiUrl;

  @Option(names = "--identity")
  String identityName;

  @Override
  public Integer call() throws Exception {
    ObjectMapper mapper = JsonMapper.builder().build();
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    if (apiUrl.startsWith("http://")) {
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    OkHttpClient http = b.build();
    Request.Builder builder =
        new Request.Builder().header("User-Agent", "startup-floor").header("Accept", "application/json");
    Request request;
    if (identityName == null) {
      request = builder.url(apiUrl + "/api/v1/offerings?limit=50").build();
    } else {
      Identity identity =
          new IdentityStore(Path.of(System.getenv("MARKET_HOME"), "identities"))
              .load(identityName, null);
      // client-core's signer, as the CLI's requests are signed
      request =
          new RequestSigner(identity, Clock.systemUTC())
              .sign(builder.url(apiUrl + "/api/v1/users/" + identity.publicKeyHex() + "/contracts").build());
    }
    try (Response response = http.newCall(request).execute()) {
      JsonNode envelope = mapper.readTree(response.body().byteStream());
      System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(envelope.get("data")));
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new StartupFloor()).execute(args));
  }
}
