package dev.market.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bip39Test {
  private static final String ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void wordlist_resource_is_the_canonical_bip39_english_list() throws Exception {
    List<String> words = Bip39.wordlist();
    assertThat(words).hasSize(2048);
    assertThat(new HashSet<>(words)).hasSize(2048);
    assertThat(words).isSorted();
    assertThat(words).allMatch(w -> w.matches("[a-z]{3,8}"));
    assertThat(words.get(0)).isEqualTo("abandon");
    assertThat(words.get(2047)).isEqualTo("zoo");

    // SHA-256 of the canonical english.txt (one word per line, each line ending in \n)
    byte[] canonical = (String.join("\n", words) + "\n").getBytes(StandardCharsets.US_ASCII);
    assertThat(Hex.encode(MessageDigest.getInstance("SHA-256").digest(canonical)))
        .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
  }

  @Test
  void wordlist_is_unmodifiable() {
    assertThatThrownBy(() -> Bip39.wordlist().set(0, "zzz"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // Entropy → phrase vectors from the reference TREZOR python-mnemonic vectors.json
  @ParameterizedTest
  @CsvSource({
    "00000000000000000000000000000000, " + ABOUT,
    "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal"
        + " winner thank yellow",
    "80808080808080808080808080808080, letter advice cage absurd amount doctor acoustic avoid"
        + " letter advice cage above",
    "ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    "9e885d952ad362caeb4efe34a8e91bd2, ozone drill grab fiber curtain grace pudding thank cruise"
        + " elder eight picnic",
    "6610b25967cdcca9d59875f5cb50b0ea75433311869e930b, gravity machine north sort system female"
        + " filter attitude volume fold club stay feature office ecology stable narrow fog",
    "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon"
        + " abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
        + " abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo"
        + " zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
    "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c, hamster diagram private"
        + " dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple"
        + " dilemma loan word shrug inflict delay length",
  })
  void entropy_encodes_to_the_reference_phrase_which_validates(String entropyHex, String phrase) {
    assertThat(Bip39.fromEntropy(Hex.decode(entropyHex))).isEqualTo(phrase);
    assertThat(Bip39.isValid(phrase)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 24})
  void generated_phrases_have_the_asked_word_count_and_validate(int words) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String phrase = Bip39.generate(words);
      assertThat(phrase.split(" ")).hasSize(words);
      assertThat(Bip39.normalize(phrase)).isEqualTo(phrase);
      Bip39.validate(phrase);
      seen.add(phrase);
    }
    assertThat(seen).as("fresh entropy each time").hasSize(50);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 11, 13, 25, -12})
  void generate_refuses_word_counts_bip39_does_not_define(int words) {
    assertThatThrownBy(() -> Bip39.generate(words))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a seed phrase has 12, 15, 18, 21 or 24 words; cannot generate " + words);
  }

  @Test
  void wrong_word_count_names_the_count_only() {
    String eleven = ABOUT.substring(ABOUT.indexOf(' ') + 1);
    assertThatThrownBy(() -> Bip39.validate(eleven))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage("a seed phrase has 12, 15, 18, 21 or 24 words; got 11");
    assertThatThrownBy(() -> Bip39.validate(ABOUT + " abandon"))
        .hasMessage("a seed phrase has 12, 15, 18, 21 or 24 words; got 13");
  }

  @Test
  void unknown_word_is_named_with_its_one_based_position() {
    String phrase = "legal winner thank year wave sausage foo useful legal winner thank yellow";
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage("unknown word 'foo' at position 7");
  }

  @Test
  void first_of_several_unknown_words_is_reported() {
    String phrase = "legal winner thank year wave sausage worth useful legal winnr thnk yellow";
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .hasMessage("unknown word 'winnr' at position 10");
  }

  @Test
  void unknown_word_is_made_printable_and_capped_in_the_message() {
    String phrase = ABOUT.replace("about", "ab\u001b[2Jout");
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .hasMessage("unknown word 'ab\\u001b[2jout' at position 12");
    String longWord = ABOUT.replace("about", "x".repeat(40));
    assertThatThrownBy(() -> Bip39.validate(longWord))
        .hasMessage("unknown word '" + "x".repeat(16) + "…' at position 12");
  }

  @Test
  void bad_checksum_is_reported_without_echoing_the_phrase() {
    String phrase = ABOUT.replace("about", "abandon");
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage(
            "the seed phrase's checksum does not match: a word is wrong or the words are out of"
                + " order");
  }

  @Test
  void swapping_two_words_breaks_the_checksum() {
    String phrase = "winner legal thank year wave sausage worth useful legal winner thank yellow";
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .hasMessageContaining("checksum does not match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t "})
  void empty_phrase_is_refused(String phrase) {
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage("the seed phrase is empty");
  }

  @Test
  void null_phrase_is_refused_as_empty() {
    assertThatThrownBy(() -> Bip39.validate(null)).hasMessage("the seed phrase is empty");
  }

  @Test
  void every_error_message_leaves_out_the_other_words() {
    String phrase = "legal winner thank year wave sausage foo useful legal winner thank yellow";
    assertThatThrownBy(() -> Bip39.validate(phrase))
        .message()
        .doesNotContain("legal")
        .doesNotContain("sausage")
        .doesNotContain("yellow");
  }

  @Test
  // the exact whitespace is the point: a text block would strip the trailing spaces
  @SuppressWarnings("StringConcatToTextBlock")
  void extra_whitespace_line_breaks_and_capitals_are_normalized() {
    String messy =
        """
          Abandon abandon\tabandon
         abandon\u00a0abandon  abandon abandon abandon\r
        abandon abandon ABANDON About\s
        """;
    assertThat(Bip39.normalize(messy)).isEqualTo(ABOUT);
    Bip39.validate(messy);
    assertThat(Identity.fromMnemonic(messy).publicKeyHex())
        .isEqualTo(Identity.fromMnemonic(ABOUT).publicKeyHex());
  }

  @Test
  void fifteen_eighteen_and_twenty_one_word_phrases_validate() {
    for (int bytes : new int[] {20, 24, 28}) {
      byte[] entropy = new byte[bytes];
      entropy[0] = 0x5a;
      String phrase = Bip39.fromEntropy(entropy);
      assertThat(phrase.split(" ")).hasSize(bytes * 8 * 33 / 32 / 11);
      Bip39.validate(phrase);
    }
  }

  @Test
  void to_seed_matches_the_trezor_reference_with_passphrase() {
    assertThat(Hex.encode(Bip39.toSeed(ABOUT, "TREZOR")))
        .isEqualTo(
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1"
                + "c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
  }

  @Test
  void identity_from_an_invalid_phrase_fails_with_the_validation_message() {
    assertThatThrownBy(() -> Identity.fromMnemonic(ABOUT.replace("about", "abandon")))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessageContaining("checksum does not match");
  }
}
