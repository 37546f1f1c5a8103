package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.market.cli.support.CliRunner;
import dev.market.cli.support.CliRunner.Result;
import dev.market.cli.support.ScriptedTerminal;
import dev.market.protocol.crypto.Hex;
import dev.market.protocol.crypto.Identity;
import dev.market.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {
  static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final String PUBKEY = "e96b1c6b8769fdb0b34fbecfdf85c33b053cecad9517e1ab88cba614335775c1";

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir);
  }

  /** Nothing any test printed on stdout or stderr may contain a phrase or a secret key. */
  @AfterEach
  void noSecretLeaked() {
    String secretHex = Hex.encode(Identity.fromMnemonic(PHRASE).secretKey());
    for (Result r : cli.history()) {
      assertThat(r.out() + r.err()).doesNotContain(PHRASE).doesNotContain(secretHex);
    }
  }

  private Path keyFile(String name) {
    return dir.resolve("market-home/identities/" + name + ".key");
  }

  /** A person at a terminal who wrote the new phrase down and answers its check. */
  static ScriptedTerminal writesItDown() {
    return ScriptedTerminal.interactive(80).thenAnswer(IdentityCommandTest::askedWord);
  }

  /** The word the check asks for, read off the numbered list the terminal showed. */
  static String askedWord(String transcript) {
    Matcher asked = Pattern.compile("type word number (\\d+): $").matcher(transcript);
    assertThat(asked.find()).as(transcript).isTrue();
    Matcher word =
        Pattern.compile("(?m)(?:^| )" + asked.group(1) + "\\. (\\w+)").matcher(transcript);
    assertThat(word.find()).as(transcript).isTrue();
    return word.group(1);
  }

  private static String phraseShown(String transcript) {
    Matcher words = Pattern.compile("\\d+\\. (\\w+)").matcher(transcript);
    StringBuilder phrase = new StringBuilder();
    while (words.find()) {
      phrase.append(phrase.length() == 0 ? "" : " ").append(words.group(1));
    }
    return phrase.toString();
  }

  @Test
  void new_makes_12_words_checks_one_clears_the_screen_and_then_saves() {
    ScriptedTerminal t = writesItDown();
    Result r = cli.run(t, "", "identity", "new", "carol");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String phrase = phraseShown(t.transcript());
    assertThat(phrase.split(" ")).hasSize(12);
    assertThat(t.transcript())
        .containsPattern("To check that you wrote it down, type word number \\d+: \\w+\n")
        .endsWith("\u001b[2J\u001b[3J\u001b[H");
    assertThat(cli.run("identity", "show", "carol", "-o", "ids").out())
        .isEqualTo(Identity.fromMnemonic(phrase).publicKeyHex() + "\n");
  }

  @Test
  void new_with_a_wrong_word_three_times_saves_nothing() {
    ScriptedTerminal t = ScriptedTerminal.interactive(80, "zzz", "zzz", "zzz");
    Result r = cli.run(t, "", "identity", "new", "carol");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: identity new carol: the phrase was not confirmed; nothing was saved\n"
                + "hint: market identity new carol   (a new phrase; write it down before"
                + " answering)\n");
    assertThat(t.transcript()).containsPattern("  that is not word \\d+; look at the list above\n");
    assertThat(Files.exists(keyFile("carol"))).isFalse();
    assertThat(cli.run("identity", "list").out()).doesNotContain("carol");
  }

  @Test
  void a_new_passphrase_shorter_than_8_characters_is_refused() {
    ScriptedTerminal t = ScriptedTerminal.interactive(80, PHRASE, "x", "x");
    Result typed = cli.run(t, "", "identity", "import", "alice", "--encrypt");
    assertThat(typed.exitCode()).isEqualTo(2);
    assertThat(typed.err())
        .startsWith(
            "error: identity import alice: the passphrase is too short (at least 8 characters);"
                + " nothing was saved\n");
    assertThat(Files.exists(keyFile("alice"))).isFalse();

    cli.env("MARKET_PASSPHRASE", "1234567");
    Result env = cli.runWithStdin(PHRASE, "identity", "import", "alice", "--encrypt");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(env.err())
        .startsWith(
            "error: identity import alice: MARKET_PASSPHRASE is too short for a new passphrase (at"
                + " least 8 characters)\n");
    assertThat(Files.exists(keyFile("alice"))).isFalse();
    cli.env("MARKET_PASSPHRASE", "12345678");
    assertThat(cli.runWithStdin(PHRASE, "identity", "import", "alice", "--encrypt").exitCode())
        .isZero();
  }

  @Test
  void importing_a_key_present_under_another_name_warns_naming_it() {
    assertThat(cli.runWithStdin(PHRASE, "identity", "import", "alice").exitCode()).isZero();
    Result r = cli.runWithStdin(PHRASE, "identity", "import", "bob");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .startsWith(
            "warning: this key is already imported as 'alice'; 'bob' will be a second name for"
                + " it\n");
    Result other =
        cli.runWithStdin(
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "identity",
            "import",
            "carol");
    assertThat(other.err()).doesNotContain("warning");
  }

  @Test
  void import_from_stdin_stores_a_0600_key_and_becomes_active() throws Exception {
    Result r = cli.runWithStdin(PHRASE + "\n", "identity", "import", "alice");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "name:        alice\n"
                + "public key:  "
                + PUBKEY
                + "\n"
                + "encrypted:   no\n"
                + "active:      yes\n"
                + "key file:    "
                + keyFile("alice")
                + "\n");
    assertThat(r.err()).isEqualTo("'alice' is now the active identity\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile("alice"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(keyFile("alice"))).doesNotContain("abandon");
    assertThat(cli.run("config", "get", "identity").out()).isEqualTo("alice\n");
  }

  @Test
  void import_reads_the_phrase_from_a_no_echo_prompt_on_a_terminal() {
    ScriptedTerminal t = ScriptedTerminal.interactive(80, "  " + PHRASE.replace(" ", "   ") + "  ");
    Result r = cli.run(t, "", "identity", "import", "alice", "-o", "ids");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("alice\n");
    assertThat(t.transcript()).isEqualTo("Seed phrase (not shown): \n");
    assertThat(cli.run("identity", "show", "-o", "ids").out()).isEqualTo(PUBKEY + "\n");
  }

  @Test
  void import_of_a_bad_phrase_exits_4_and_writes_nothing() {
    Result r = cli.runWithStdin(PHRASE.replace("about", "abandon"), "identity", "import", "alice");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: identity import: invalid seed phrase: ");
    assertThat(r.err().lines()).hasSize(2);
    assertThat(Files.exists(keyFile("alice"))).isFalse();
  }

  @Test
  void import_with_nothing_on_stdin_exits_2() {
    Result r = cli.run("identity", "import", "alice");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: identity import alice: no seed phrase on stdin
            hint: market identity import alice < phrase.txt
            """);
  }

  @Test
  void new_refuses_to_print_a_phrase_when_stdout_is_not_a_terminal() {
    Result r = cli.run(ScriptedTerminal.stdoutPiped(), "", "identity", "new", "alice");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: identity new alice: refusing to show a new seed phrase: stdout is not a terminal\n"
                + "hint: run it in a terminal, or bring your own phrase: market identity import alice"
                + " < phrase.txt\n");
    assertThat(Files.exists(keyFile("alice"))).isFalse();
  }

  @Test
  void new_shows_the_phrase_once_on_the_terminal_only_and_it_derives_the_stored_key()
      throws Exception {
    ScriptedTerminal t = writesItDown();
    Result r = cli.run(t, "", "identity", "new", "bob", "--words", "12", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher words = Pattern.compile("\\d+\\. (\\w+)").matcher(t.transcript());
    StringBuilder phrase = new StringBuilder();
    int count = 0;
    while (words.find()) {
      phrase.append(count++ == 0 ? "" : " ").append(words.group(1));
    }
    assertThat(count).isEqualTo(12);
    assertThat(t.transcript()).contains("Write it down now");
    JsonNode json = Json.mapper().readTree(r.out());
    String derived = Identity.fromMnemonic(phrase.toString()).publicKeyHex();
    assertThat(json.get("public_key").asText()).isEqualTo(derived);
    assertThat(json.get("name").asText()).isEqualTo("bob");
    assertThat(json.get("active").asBoolean()).isTrue();
    assertThat(r.out() + r.err()).doesNotContain(phrase.toString().split(" ", -1)[0] + " ");
    assertThat(r.out() + r.err()).doesNotContain(phrase);
  }

  @Test
  void the_first_identity_is_active_and_later_ones_are_not() {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    Result second = cli.run(writesItDown(), "", "identity", "new", "bob");
    assertThat(second.exitCode()).isZero();
    assertThat(second.err()).isEqualTo("to sign with it: market identity use bob\n");
    Result list = cli.run("identity", "list");
    assertThat(list.out())
        .startsWith("   NAME   PUBLIC KEY")
        .contains("*  alice  " + PUBKEY + "  no\n");
    assertThat(list.out().lines()).hasSize(3);
  }

  @Test
  void use_switches_the_active_identity_and_env_and_flag_override_it() {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    cli.run(writesItDown(), "", "identity", "new", "bob");
    assertThat(cli.run("identity", "use", "bob").err()).isEqualTo("now using identity 'bob'\n");
    assertThat(cli.run("identity", "show", "-o", "json").out()).contains("\"name\" : \"bob\"");
    cli.env("MARKET_IDENTITY", "alice");
    assertThat(cli.run("identity", "show", "-o", "ids").out()).isEqualTo(PUBKEY + "\n");
    assertThat(cli.run("--identity", "bob", "identity", "show", "-o", "ids").out())
        .isNotEqualTo(PUBKEY + "\n");
  }

  @Test
  void use_of_an_unknown_identity_exits_4() {
    Result r = cli.run("identity", "use", "nobody");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo("error: identity use nobody: no such identity\nhint: market identity list\n");
  }

  @Test
  void an_invalid_name_exits_2() {
    Result r = cli.runWithStdin(PHRASE, "identity", "import", "../evil");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: identity: invalid identity name '../evil'");
  }

  @Test
  void importing_over_an_existing_name_exits_2_and_keeps_the_old_key() throws Exception {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    String before = Files.readString(keyFile("alice"));
    Result r = cli.runWithStdin(PHRASE, "identity", "import", "alice");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: identity import alice: an identity with that name exists");
    assertThat(Files.readString(keyFile("alice"))).isEqualTo(before);
  }

  @Test
  void remove_without_a_terminal_needs_yes() {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    Result r = cli.run("identity", "remove", "alice");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            error: identity remove alice: needs confirmation and no terminal to ask; pass --yes
            hint: market identity remove alice --yes
            """);
    assertThat(Files.exists(keyFile("alice"))).isTrue();
    Result yes = cli.run("identity", "remove", "alice", "--yes");
    assertThat(yes.exitCode()).isZero();
    assertThat(Files.exists(keyFile("alice"))).isFalse();
    assertThat(cli.run("config", "get", "identity").out()).isEmpty();
  }

  @Test
  void remove_on_a_terminal_asks_and_a_no_keeps_the_key() {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    ScriptedTerminal t = ScriptedTerminal.interactive(80, "n");
    Result r = cli.run(t, "", "identity", "remove", "alice");
    assertThat(r.exitCode()).isZero();
    assertThat(t.transcript())
        .isEqualTo("Delete identity 'alice'? Only its seed phrase can restore it. [y/N] n\n");
    assertThat(r.err()).isEqualTo("kept identity 'alice'\n");
    assertThat(Files.exists(keyFile("alice"))).isTrue();
  }

  @Test
  void a_key_file_readable_by_others_exits_4_with_the_chmod_to_run() throws Exception {
    cli.runWithStdin(PHRASE, "identity", "import", "alice");
    Files.setPosixFilePermissions(keyFile("alice"), PosixFilePermissions.fromString("rw-r--r--"));
    Result r = cli.run("rentals");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).endsWith("hint: chmod 600 " + keyFile("alice") + "\n");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void an_encrypted_identity_is_unlocked_from_the_environment_in_scripts() {
    cli.env("MARKET_PASSPHRASE", "correct horse");
    Result r = cli.runWithStdin(PHRASE, "identity", "import", "alice", "--encrypt", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\"encrypted\" : true");
    // a signed command loads it; --dry-run shows it signed with alice's key without sending
    Result dry = cli.run("rentals", "--dry-run");
    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("X-Public-Key: " + PUBKEY);
    cli.env("MARKET_PASSPHRASE", "wrong");
    Result wrong = cli.run("rentals", "--dry-run");
    assertThat(wrong.exitCode()).isEqualTo(4);
    cli.env("MARKET_PASSPHRASE", null);
    Result none = cli.run("rentals", "--dry-run");
    assertThat(none.exitCode()).isEqualTo(4);
    assertThat(none.err())
        .endsWith("hint: run it in a terminal to be asked, or set MARKET_PASSPHRASE for scripts\n");
  }

  @Test
  void encrypt_on_a_terminal_asks_twice_and_refuses_a_mismatch() {
    ScriptedTerminal t = ScriptedTerminal.interactive(80, PHRASE, "one", "two");
    Result r = cli.run(t, "", "identity", "import", "alice", "--encrypt");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: identity import alice: the two passphrases differ");
    assertThat(Files.exists(keyFile("alice"))).isFalse();
    assertThat(t.transcript()).doesNotContain("one").doesNotContain("two");
  }

  @Test
  void signed_commands_without_any_identity_exit_4_pointing_at_identity_new() {
    Result r = cli.run("rentals");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo(
            """
            error: no identity selected: this command signs its requests
            hint: market identity new
            """);
  }
}
