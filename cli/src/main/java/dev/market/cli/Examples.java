package dev.market.cli;

import java.util.List;
import java.util.Map;

/**
 * The EXAMPLES section of every command's help and man page: lines a user can copy. One table, so a
 * new command without examples fails {@code ExamplesTest}.
 */
public final class Examples {
  private Examples() {}

  /** Command words after {@code market} ("" for the root) → example command lines. */
  public static final Map<String, List<String>> BY_COMMAND =
      Map.ofEntries(
          Map.entry(
              "",
              List.of(
                  "market offerings list --type gpu --max-price 500",
                  "market rent 17 --hours 24 --wait",
                  "market help rent")),
          Map.entry(
              "offerings",
              List.of("market offerings list -q 'type:gpu cores:>=8'", "market offerings show 17")),
          Map.entry(
              "offerings list",
              List.of(
                  "market offerings list --type gpu --country DE --in-stock",
                  "market offerings list -q 'type:(gpu OR dedicated) price:<=500 memory:>=64GB'",
                  "market offerings list --all -o ids")),
          Map.entry(
              "offerings show",
              List.of("market offerings show 17", "market offerings show 17 --jq .monthly_price")),
          Map.entry(
              "offerings create",
              List.of(
                  "market offerings create --file my-offerings.json",
                  "market offerings create --file - -o ids < offering.json",
                  "market offerings create --template > offering.json")),
          Map.entry(
              "offerings mine", List.of("market offerings mine", "market offerings mine -o ids")),
          Map.entry(
              "offerings update",
              List.of(
                  "market offerings update 41 --price 12.50",
                  "market offerings update 41 --draft",
                  "market offerings update 41 --file changes.json")),
          Map.entry(
              "offerings delete",
              List.of(
                  "market offerings delete 41",
                  "market offerings mine -o ids | xargs -n1 market offerings delete --yes")),
          Map.entry(
              "rent",
              List.of(
                  "market rent 17",
                  "market rent 17 --hours 24 --ssh-key ~/.ssh/id_ed25519.pub --yes --wait",
                  "market rent 17 --hours 24 --yes --idempotency-key nightly-$(date +%F)"
                      + " --jq .contract_id")),
          Map.entry(
              "rentals",
              List.of(
                  "market rentals",
                  "market rentals --jq '.[] | select(.status == \"active\") | .contract_id'")),
          Map.entry(
              "status",
              List.of(
                  "market status 3f1c2a9b",
                  "market status 3f1c2a9b --wait active --timeout 30m",
                  "market status 3f1c2a9b --watch -o json")),
          Map.entry(
              "events",
              List.of("market events 3f1c2a9b", "market events 3f1c2a9b --jq '.[].new_status'")),
          Map.entry(
              "connect", List.of("market connect 3f1c2a9b", "market connect 3f1c2a9b --exec")),
          Map.entry(
              "credentials",
              List.of(
                  "market credentials 3f1c2a9b | wl-copy", "market credentials 3f1c2a9b -o json")),
          Map.entry(
              "cancel",
              List.of(
                  "market cancel 3f1c2a9b",
                  "market cancel 3f1c2a9b --reason 'no longer needed' --yes")),
          Map.entry("extend", List.of("market extend 3f1c2a9b --hours 24")),
          Map.entry(
              "auto-renew",
              List.of("market auto-renew 3f1c2a9b on", "market auto-renew 3f1c2a9b off")),
          Map.entry(
              "review",
              List.of("market review 3f1c2a9b --rating 5 --comment 'fast and as described'")),
          Map.entry("wallet", List.of("market wallet", "market wallet --jq .balance_e9s")),
          Map.entry("wallet deposit", List.of("market wallet deposit 50")),
          Map.entry("wallet withdraw", List.of("market wallet withdraw 20.5")),
          Map.entry(
              "notifications",
              List.of("market notifications --unread", "market notifications --mark-read")),
          Map.entry("requests", List.of("market requests", "market requests -o ids")),
          Map.entry(
              "accept",
              List.of("market accept 3f1c2a9b", "market requests -o ids | market accept -")),
          Map.entry(
              "reject",
              List.of(
                  "market reject 3f1c2a9b --reason 'no capacity this week'",
                  "market requests -o ids | market reject - --reason 'closed'")),
          Map.entry(
              "provision",
              List.of(
                  "market provision 3f1c2a9b --start",
                  "market provision 3f1c2a9b --done --ip 203.0.113.7 --user root"
                      + " --password-stdin < password.txt",
                  "market provision 3f1c2a9b --done --details-file details.json")),
          Map.entry("contracts", List.of("market contracts", "market contracts --jq 'length'")),
          Map.entry(
              "provider", List.of("market provider auto-accept", "market provider auto-accept on")),
          Map.entry(
              "provider auto-accept",
              List.of("market provider auto-accept", "market provider auto-accept off")),
          Map.entry("identity", List.of("market identity new alice", "market identity list")),
          Map.entry(
              "identity new",
              List.of("market identity new alice", "market identity new ci --encrypt")),
          Map.entry(
              "identity import",
              List.of("market identity import alice", "market identity import ci < phrase.txt")),
          Map.entry(
              "identity list", List.of("market identity list", "market identity list -o ids")),
          Map.entry(
              "identity show",
              List.of("market identity show", "market identity show alice --jq .public_key")),
          Map.entry("identity use", List.of("market identity use alice")),
          Map.entry("identity remove", List.of("market identity remove old-key --yes")),
          Map.entry(
              "account",
              List.of(
                  "market account show",
                  "market account register --username alice --email alice@example.com")),
          Map.entry(
              "account register",
              List.of("market account register --username alice --email alice@example.com")),
          Map.entry("account show", List.of("market account show", "market account show -o json")),
          Map.entry("whoami", List.of("market whoami", "market --profile work whoami -o json")),
          Map.entry(
              "config",
              List.of("market config list", "market config set api-url http://127.0.0.1:8787")),
          Map.entry("config get", List.of("market config get api-url")),
          Map.entry(
              "config set",
              List.of("market config set output json", "market config set identity alice")),
          Map.entry("config unset", List.of("market config unset output")),
          Map.entry("config list", List.of("market config list", "market config list -o json")),
          Map.entry(
              "config profile",
              List.of(
                  "market config profile add work --api-url https://market.example.com"
                      + " --identity alice",
                  "market config profile use work")),
          Map.entry(
              "config profile add",
              List.of(
                  "market config profile add work --api-url https://market.example.com"
                      + " --identity alice",
                  "market --profile work offerings list")),
          Map.entry("config profile list", List.of("market config profile list")),
          Map.entry("config profile remove", List.of("market config profile remove work")),
          Map.entry("config profile use", List.of("market config profile use work")),
          Map.entry("help", List.of("market help", "market help rent")),
          Map.entry("version", List.of("market version")));
}
