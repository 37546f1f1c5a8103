package dev.market.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Contract;
import dev.market.protocol.text.Secrets;
import java.io.IOException;
import java.util.Locale;

/**
 * Where to ssh to, read from a contract's {@code provisioning_instance_details} in any of the forms
 * a provider sends:
 *
 * <ul>
 *   <li>our server's JSON ({@code ip_address}, {@code ipv6_address}, {@code ssh_port}, {@code
 *       ssh_user}, {@code additional_details} text);
 *   <li>Decent Cloud's agent JSON ({@code dc-agent/src/provisioner/mod.rs:20-46} at 13dda9de):
 *       {@code public_ip}, {@code additional_details} as any JSON value, and behind Decent Cloud's
 *       gateway {@code gateway_subdomain} and {@code gateway_ssh_port};
 *   <li>free text typed on Decent Cloud's website: shown as the note, with no address.
 * </ul>
 *
 * The address follows Decent Cloud's website: the gateway when there is one
 * (website/src/routes/dashboard/rentals/+page.svelte:1016), else {@code public_ip}, else a
 * non-private {@code ip_address} (website/src/lib/utils/network.ts:25-32); we then fall back to
 * {@code ipv6_address} and finally a private {@code ip_address}, which a renter on the provider's
 * network can still reach. Secrets never reach a ConnectionInfo: the details were redacted when the
 * contract was read.
 *
 * @param host the host to ssh to, or {@code null} when the details name none
 * @param port the ssh port
 * @param user the login user
 * @param viaGateway whether host and port are Decent Cloud's gateway
 * @param note the provider's instructions or free text, or {@code null}
 */
public record ConnectionInfo(String host, int port, String user, boolean viaGateway, String note) {

  /** The connection details of {@code c}, or {@code null} when the provider sent none yet. */
  public static ConnectionInfo of(Contract c) {
    String details = c.provisioningInstanceDetails();
    if (details == null || details.isBlank()) {
      return null;
    }
    JsonNode d = parseObject(details);
    if (d == null) {
      return new ConnectionInfo(null, 22, defaultUser(null, c.operatingSystem()), false, details);
    }
    String note = note(d.get("additional_details"));
    String user = defaultUser(d, c.operatingSystem());
    String gateway = text(d, "gateway_subdomain");
    Integer gatewayPort = port(d.get("gateway_ssh_port"));
    if (gateway != null && gatewayPort != null) {
      return new ConnectionInfo(gateway, gatewayPort, user, true, note);
    }
    Integer sshPort = port(d.get("ssh_port"));
    int p = sshPort == null ? 22 : sshPort;
    String ip = text(d, "ip_address");
    String host = text(d, "public_ip");
    if (host == null && ip != null && !isPrivateIpv4(ip)) {
      host = ip;
    }
    if (host == null) {
      host = text(d, "ipv6_address");
    }
    if (host == null) {
      host = ip;
    }
    return new ConnectionInfo(host, p, user, false, note);
  }

  /** {@code root@203.0.113.7 port 22}, or {@code null} without a host. */
  public String describe() {
    return host == null
        ? null
        : user + "@" + host + " port " + port + (viaGateway ? " (Decent Cloud gateway)" : "");
  }

  private static JsonNode parseObject(String details) {
    String t = details.strip();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = Json.mapper().readTree(t);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Our {@code ssh_user}; Decent Cloud's {@code direct_ssh} means root; otherwise Decent Cloud's
   * guess from the operating system (website/src/lib/utils/network.ts:1-13, 34-44).
   */
  private static String defaultUser(JsonNode d, String operatingSystem) {
    String explicit = d == null ? null : text(d, "ssh_user");
    if (explicit != null) {
      return explicit;
    }
    if (d != null && "direct_ssh".equals(text(d, "connection_type"))) {
      return "root";
    }
    if (operatingSystem == null) {
      return "root";
    }
    String os = operatingSystem.toLowerCase(Locale.ROOT);
    if (os.contains("ubuntu")) {
      return "ubuntu";
    }
    if (os.contains("fedora")) {
      return "fedora";
    }
    if (os.contains("centos")) {
      return "centos";
    }
    if (os.contains("alma")) {
      return "almalinux";
    }
    if (os.contains("rocky")) {
      return "rocky";
    }
    return "root";
  }

  private static String note(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText().isBlank() ? null : n.asText();
    }
    if (n.isObject() && n.isEmpty()) {
      return null;
    }
    return Secrets.redact(n.toString());
  }

  private static String text(JsonNode d, String field) {
    JsonNode v = d.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
  }

  private static Integer port(JsonNode v) {
    if (v == null || !v.canConvertToInt()) {
      return null;
    }
    int p = v.asInt();
    return p >= 1 && p <= 65_535 ? p : null;
  }

  /** RFC 1918, as Decent Cloud's website decides it (website/src/lib/utils/network.ts:15-23). */
  static boolean isPrivateIpv4(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    int a;
    int b;
    try {
      a = Integer.parseInt(parts[0]);
      b = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }
}
