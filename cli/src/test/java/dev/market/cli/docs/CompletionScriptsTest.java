package dev.market.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The completion scripts and man pages cover the whole command tree, and bash's one works. */
class CompletionScriptsTest {
  static SortedMap<String, String> files;
  static List<CommandLine> commands;

  @BeforeAll
  static void generate() {
    files = GenerateDocs.generate();
    commands = GenerateDocs.commands(GenerateDocs.commandTree());
  }

  @Test
  void bash_zsh_and_fish_scripts_mention_every_subcommand() {
    String bash = files.get("completions/market.bash");
    String zsh = files.get("completions/_market");
    String fish = files.get("completions/market.fish");
    assertThat(zsh).startsWith("#compdef market\n").contains(bash);
    for (CommandLine cmd : commands.subList(1, commands.size())) {
      String word = cmd.getCommandName();
      String path = cmd.getCommandSpec().qualifiedName().replaceFirst("^market ", "");
      assertThat(bash).as("bash: %s", path).containsPattern("\\b" + word + "\\b");
      assertThat(zsh).as("zsh: %s", path).containsPattern("\\b" + word + "\\b");
      String parent =
          cmd.getParent().getCommandSpec().qualifiedName().replaceFirst("^market ?", "");
      assertThat(fish)
          .as("fish: %s", path)
          .contains("complete -c market -n \"__market_at '" + parent + "'\" -a '" + word + "'");
    }
  }

  @Test
  void fish_completes_each_commands_own_long_options_under_that_command() {
    String fish = files.get("completions/market.fish");
    for (CommandLine cmd : commands) {
      String path = cmd.getCommandSpec().qualifiedName().replaceFirst("^market ?", "");
      for (OptionSpec o : CommandDocs.ownOptions(cmd.getCommandSpec())) {
        assertThat(fish)
            .as("fish: %s %s", path, o.longestName())
            .containsPattern(
                "complete -c market -n \"__market_at '"
                    + path
                    + "'\"[^\n]* -l "
                    + o.longestName().substring(2)
                    + "\\b");
      }
    }
    assertThat(fish).contains("complete -c market -s o -l output -x");
  }

  @Test
  void every_command_has_a_man_page_naming_its_subcommands() {
    for (CommandLine cmd : commands) {
      String page = cmd.getCommandSpec().qualifiedName().replace(' ', '-');
      String man = files.get("docs/man/" + page + ".1");
      assertThat(man).as(page).isNotNull().contains(".SH NAME\n" + page.replace("-", "\\-"));
      for (CommandLine sub : cmd.getSubcommands().values()) {
        assertThat(man).contains("\\fB" + sub.getCommandName().replace("-", "\\-") + "\\fR");
      }
    }
  }

  @Test
  void bash_completion_offers_the_subcommands_of_what_was_typed(@TempDir Path dir)
      throws Exception {
    assumeThat(Path.of("/bin/bash")).exists();
    Path script = dir.resolve("market.bash");
    Files.writeString(script, files.get("completions/market.bash"), StandardCharsets.UTF_8);
    CommandLine config =
        commands.stream().filter(c -> c.getCommandName().equals("config")).findFirst().get();
    List<String> expected =
        config.getSubcommands().values().stream()
            .distinct()
            .map(CommandLine::getCommandName)
            .sorted()
            .toList();

    List<String> offered = complete(script, "market", "config", "");

    assertThat(offered.stream().sorted().toList()).isEqualTo(expected);
    assertThat(complete(script, "market", "config", "li")).containsExactly("list");
    assertThat(complete(script, "market", "config", "list", "-o", ""))
        .containsExactly("table", "json", "ids");
  }

  @Test
  void bash_completes_file_names_for_file_options_and_values_for_type_wait_and_output(
      @TempDir Path dir) throws Exception {
    assumeThat(Path.of("/bin/bash")).exists();
    Path script = dir.resolve("market.bash");
    Files.writeString(script, files.get("completions/market.bash"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("id_test.pub"), "ssh-ed25519 AAAA test\n");
    String prefix = dir.resolve("id_te").toString();

    assertThat(complete(script, "market", "rent", "7", "--ssh-key", prefix))
        .containsExactly(dir.resolve("id_test.pub").toString());
    assertThat(complete(script, "market", "offerings", "create", "--file", prefix))
        .containsExactly(dir.resolve("id_test.pub").toString());
    assertThat(complete(script, "market", "offerings", "list", "--type", ""))
        .containsExactly("compute", "dedicated", "gpu", "network", "storage");
    assertThat(complete(script, "market", "status", "abcdef12", "--wait", "prov"))
        .containsExactlyInAnyOrder("provisioning", "provisioned", "provisioningfailed");
    assertThat(complete(script, "market", "rentals", "-o", "j")).containsExactly("json");
  }

  @Test
  void fish_completion_offers_subcommands_and_options_of_what_was_typed(@TempDir Path dir)
      throws Exception {
    assumeThat(Path.of("/usr/bin/fish")).exists();
    Path script = dir.resolve("market.fish");
    Files.writeString(script, files.get("completions/market.fish"), StandardCharsets.UTF_8);

    List<String> top = fish(script, "market ");
    List<String> config = fish(script, "market config ");
    List<String> listOptions = fish(script, "market config list --");

    assertThat(top)
        .contains("config\tRead and change the config file (flags and environment override it).");
    assertThat(config)
        .containsExactlyInAnyOrder(
            "get\tPrint a key's value from the config file (nothing when unset).",
            "set\tStore a key's value in the config file.",
            "unset\tRemove a key from the config file.",
            "list\tList every key with its value in the config file and what it means.",
            "profile\tNamed marketplaces: an API URL and the identity that signs there.");
    assertThat(listOptions)
        .contains("--output\ttable, json (docs/json.md) or ids (one per line).")
        .noneMatch(l -> l.startsWith("--version"));
  }

  @Test
  void the_bash_script_completes_under_zsh_bash_emulation(@TempDir Path dir) throws Exception {
    assumeThat(Path.of("/usr/bin/zsh")).exists();
    Path script = dir.resolve("market.bash");
    Files.writeString(script, files.get("completions/market.bash"), StandardCharsets.UTF_8);
    String program =
        "autoload -U compinit && compinit -u -d '"
            + dir.resolve("zcompdump")
            + "'\nsource '"
            + script
            + "'\nemulate -L sh\nsetopt kshglob noshglob braceexpand\n"
            + "COMP_WORDS=(market config '')\nCOMP_CWORD=2\n"
            + "_complete_market market '' config\nprint -l -- \"${COMPREPLY[@]}\"\n";
    List<String> offered = run(List.of("/usr/bin/zsh", "-f", "-c", program));
    assertThat(offered).containsExactlyInAnyOrder("get", "set", "unset", "list");
  }

  private static List<String> fish(Path script, String line) throws Exception {
    return run(
        List.of(
            "/usr/bin/fish",
            "--no-config",
            "-c",
            "source '" + script + "'; complete -C '" + line + "'"));
  }

  private static List<String> run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void bash_completes_ids_from_the_users_own_contracts_and_offerings(@TempDir Path dir)
      throws Exception {
    assumeThat(Path.of("/bin/bash")).exists();
    Path script = dir.resolve("market.bash");
    Files.writeString(script, files.get("completions/market.bash"), StandardCharsets.UTF_8);
    // a stand-in market on PATH that says which listing was asked for: only a lister's ids come
    // back, and what it prints on stderr never reaches the terminal
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path market = bin.resolve("market");
    Files.writeString(
        market,
        """
        #!/bin/sh
        echo "complaint on stderr" >&2
        case "$*" in
          "rentals -o ids") echo aaaa1111; echo aaaa2222 ;;
          "contracts -o ids") echo cccc3333 ;;
          "requests -o ids") echo rrrr4444 ;;
          "offerings mine -o ids") echo 41 ;;
          "offerings list -o ids") echo 7; echo 41 ;;
        esac
        """);
    assertThat(market.toFile().setExecutable(true)).isTrue();
    String path = bin + ":" + System.getenv("PATH");

    assertThat(completeWith(path, script, "market", "status", ""))
        .containsExactly("aaaa1111", "aaaa2222", "cccc3333");
    assertThat(completeWith(path, script, "market", "cancel", "aaaa2")).containsExactly("aaaa2222");
    assertThat(completeWith(path, script, "market", "accept", "")).containsExactly("rrrr4444");
    assertThat(completeWith(path, script, "market", "provision", "")).containsExactly("cccc3333");
    assertThat(completeWith(path, script, "market", "rent", "")).containsExactly("7", "41");
    assertThat(completeWith(path, script, "market", "offerings", "delete", ""))
        .containsExactly("41");
    // the second argument of auto-renew is still on or off, not an id
    assertThat(completeWith(path, script, "market", "auto-renew", "aaaa1111", ""))
        .containsExactly("on", "off");
  }

  private static List<String> complete(Path script, String... words)
      throws IOException, InterruptedException {
    return completeWith(System.getenv("PATH"), script, words);
  }

  private static List<String> completeWith(String path, Path script, String... words)
      throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    String program =
        "source '"
            + script
            + "' 2>/dev/null\n"
            + "COMP_WORDS=("
            + array
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\nCOMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
            + "_complete_market 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "--norc", "-c", program);
    pb.environment().put("PATH", path);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
