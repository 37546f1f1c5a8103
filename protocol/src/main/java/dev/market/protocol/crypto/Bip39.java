package dev.market.protocol.crypto;

import dev.market.protocol.text.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * BIP39 English mnemonics: generation, validation and seed derivation (docs/protocol.md section 1).
 *
 * <p>Input is normalized before it is checked: leading and trailing whitespace is dropped, any run
 * of whitespace (spaces, tabs, line breaks, no-break spaces) separates words, and words are folded
 * to lower case. The English wordlist is pure lower-case ASCII, so a phrase pasted across lines or
 * typed with capitals still means exactly one list of words, and {@link #normalize(String)} gives
 * the canonical single-space lower-case form that every BIP39 implementation hashes. {@link
 * Identity#fromMnemonic(String)} derives from that canonical form, so it yields the same key as a
 * strict implementation (such as the npm {@code bip39} package) given the canonical phrase.
 *
 * <p>Error messages never contain the phrase: they name the count, the one unknown word and its
 * position, or a checksum mismatch.
 */
public final class Bip39 {
  /** The word counts BIP39 defines: 128 to 256 bits of entropy in steps of 32. */
  private static final List<Integer> VALID_WORD_COUNTS = List.of(12, 15, 18, 21, 24);

  /** Unicode separators as well as ASCII whitespace: pasted phrases carry NBSPs and line breaks. */
  private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\\p{Z}]+");

  /** Longest excerpt of an unknown word put into a message (BIP39 words have at most 8 letters). */
  private static final int MAX_ECHOED_WORD = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Bip39() {}

  /**
   * The English wordlist (2048 words, sorted), as shipped in the {@code english.txt} resource.
   *
   * @return an unmodifiable list, index = the word's 11-bit value
   */
  public static List<String> wordlist() {
    return Wordlist.WORDS;
  }

  /**
   * A fresh phrase from {@link SecureRandom} entropy with its BIP39 checksum.
   *
   * @param words 12 or 24 (15, 18 and 21 are valid BIP39 sizes too)
   * @return the phrase, words separated by single spaces
   * @throws IllegalArgumentException for any other word count
   */
  public static String generate(int words) {
    if (!VALID_WORD_COUNTS.contains(words)) {
      throw new IllegalArgumentException(
          "a seed phrase has 12, 15, 18, 21 or 24 words; cannot generate " + words);
    }
    byte[] entropy = new byte[words * 32 / 3 / 8];
    RANDOM.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The phrase for {@code entropy} (16 to 32 bytes, a multiple of 4): BIP39's encoding. */
  static String fromEntropy(byte[] entropy) {
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new IllegalArgumentException("BIP39 entropy is 16 to 32 bytes in steps of 4");
    }
    int entropyBits = entropy.length * 8;
    int checksumBits = entropyBits / 32;
    // entropy ‖ SHA-256(entropy)[0]: the checksum is at most 8 bits, so one hash byte suffices
    byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
    bits[entropy.length] = sha256(entropy)[0];
    try {
      int words = (entropyBits + checksumBits) / 11;
      StringBuilder out = new StringBuilder(words * 9);
      for (int w = 0; w < words; w++) {
        int index = 0;
        for (int b = 0; b < 11; b++) {
          index = (index << 1) | bitAt(bits, w * 11 + b);
        }
        if (w > 0) {
          out.append(' ');
        }
        out.append(Wordlist.WORDS.get(index));
      }
      return out.toString();
    } finally {
      Arrays.fill(bits, (byte) 0);
    }
  }

  /**
   * The canonical form of a phrase: trimmed, single spaces between words, lower case. Does not
   * check the words; see {@link #validate(String)}.
   *
   * @param mnemonic a phrase as typed or pasted
   * @return the canonical phrase, or the empty string for a blank input
   */
  public static String normalize(String mnemonic) {
    return String.join(" ", words(mnemonic));
  }

  /**
   * Checks word count, words and checksum.
   *
   * @param mnemonic a phrase, normalized as described in the class comment
   * @throws InvalidMnemonicException naming what is wrong: the word count ({@code a seed phrase has
   *     12, 15, 18, 21 or 24 words; got 11}), the first unknown word with its 1-based position
   *     ({@code unknown word 'foo' at position 7}), or a checksum mismatch
   */
  public static void validate(String mnemonic) {
    List<String> words = words(mnemonic);
    if (words.isEmpty()) {
      throw new InvalidMnemonicException("the seed phrase is empty");
    }
    if (!VALID_WORD_COUNTS.contains(words.size())) {
      throw new InvalidMnemonicException(
          "a seed phrase has 12, 15, 18, 21 or 24 words; got " + words.size());
    }
    int totalBits = words.size() * 11;
    int checksumBits = totalBits / 33;
    int entropyBits = totalBits - checksumBits;
    byte[] bits = new byte[(totalBits + 7) / 8];
    try {
      for (int w = 0; w < words.size(); w++) {
        Integer index = Wordlist.INDEX.get(words.get(w));
        if (index == null) {
          throw new InvalidMnemonicException(
              "unknown word '"
                  + TerminalText.line(words.get(w), MAX_ECHOED_WORD)
                  + "' at position "
                  + (w + 1));
        }
        for (int b = 0; b < 11; b++) {
          if ((index >> (10 - b) & 1) != 0) {
            int bit = w * 11 + b;
            bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
          }
        }
      }
      byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
      byte[] hash = sha256(entropy);
      Arrays.fill(entropy, (byte) 0);
      for (int c = 0; c < checksumBits; c++) {
        if (bitAt(bits, entropyBits + c) != bitAt(hash, c)) {
          throw new InvalidMnemonicException(
              "the seed phrase's checksum does not match: a word is wrong or the words are out of"
                  + " order");
        }
      }
    } finally {
      Arrays.fill(bits, (byte) 0);
    }
  }

  /**
   * Whether {@code mnemonic} passes {@link #validate(String)}.
   *
   * @param mnemonic a phrase
   * @return true when word count, words and checksum are all right
   */
  public static boolean isValid(String mnemonic) {
    try {
      validate(mnemonic);
      return true;
    } catch (InvalidMnemonicException e) {
      return false;
    }
  }

  /**
   * BIP39's seed function (docs/protocol.md section 1, step 2): PBKDF2-HMAC-SHA512 over
   * NFKD(mnemonic), salt {@code "mnemonic" + passphrase}, 2048 rounds, 64 bytes. The phrase is used
   * exactly as given, as BIP39 specifies; pass it through {@link #normalize(String)} first when it
   * comes from a user.
   *
   * @param mnemonic the phrase (not validated here)
   * @param passphrase the BIP39 passphrase; the marketplace always uses {@code ""}
   * @return the 64-byte seed; the caller wipes it when done
   */
  public static byte[] toSeed(String mnemonic, String passphrase) {
    return Identity.pbkdf2Seed(mnemonic, passphrase);
  }

  private static List<String> words(String mnemonic) {
    if (mnemonic == null) {
      return List.of();
    }
    String trimmed = WORD_SEPARATOR.matcher(mnemonic).replaceAll(" ").strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(trimmed.toLowerCase(Locale.ROOT).split(" "));
  }

  private static int bitAt(byte[] bytes, int bit) {
    return (bytes[bit / 8] >> (7 - bit % 8)) & 1;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Loaded on first use; a damaged resource fails loudly instead of producing wrong phrases. */
  private static final class Wordlist {
    static final List<String> WORDS = load();
    static final Map<String, Integer> INDEX = index(WORDS);

    private static List<String> load() {
      List<String> words = new ArrayList<>(2048);
      try (InputStream in = Bip39.class.getResourceAsStream("english.txt")) {
        if (in == null) {
          throw new IllegalStateException("BIP39 wordlist resource english.txt is missing");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          words.add(line.strip());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the BIP39 wordlist", e);
      }
      if (words.size() != 2048) {
        throw new IllegalStateException(
            "BIP39 wordlist has " + words.size() + " words, expected 2048");
      }
      return Collections.unmodifiableList(words);
    }

    private static Map<String, Integer> index(List<String> words) {
      Map<String, Integer> index = new HashMap<>(4096);
      for (int i = 0; i < words.size(); i++) {
        if (index.put(words.get(i), i) != null) {
          throw new IllegalStateException("BIP39 wordlist repeats '" + words.get(i) + "'");
        }
      }
      return Map.copyOf(index);
    }
  }
}
