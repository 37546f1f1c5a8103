package dev.market.cli.commands.rent;

import dev.market.cli.CliException;
import dev.market.protocol.validation.SshPublicKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finding and reading the renter's SSH public key. Only public keys ever leave this class. */
final class SshKeys {
  /** The defaults, in order, as ssh itself prefers them. */
  static final List<String> PREFERRED = List.of("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub");

  private static final int MAX_BYTES = 16 * 1024;

  private SshKeys() {}

  /** The first of the preferred keys that exists in {@code sshDir}, or {@code null}. */
  static Path defaultKey(Path sshDir) {
    for (String name : PREFERRED) {
      Path p = sshDir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Every {@code *.pub} in {@code sshDir}: the preferred ones first, then by name. */
  static List<Path> candidates(Path sshDir) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(sshDir)) {
      return found;
    }
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(sshDir, "*.pub")) {
      dir.forEach(
          p -> {
            if (Files.isRegularFile(p)) {
              found.add(p);
            }
          });
    } catch (IOException e) {
      return found;
    }
    found.sort(
        Comparator.comparingInt((Path p) -> rank(p.getFileName().toString()))
            .thenComparing(p -> p.getFileName().toString()));
    return found;
  }

  private static int rank(String name) {
    int i = PREFERRED.indexOf(name);
    return i < 0 ? PREFERRED.size() : i;
  }

  /** {@code ~/x} as the user meant it, with the context's home. */
  static Path expand(String path, Path userHome) {
    if (path.equals("~")) {
      return userHome;
    }
    if (path.startsWith("~/")) {
      return userHome.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  static String read(Path file, String operation) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(operation + ": --ssh-key: no such file " + file, "ls ~/.ssh/*.pub");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return check(in.readNBytes(MAX_BYTES + 1), file.toString(), operation);
    } catch (IOException e) {
      throw CliException.usage(
          operation + ": --ssh-key: cannot read " + file + ": " + e.getMessage(), null);
    }
  }

  static String readStdin(InputStream in, String operation) {
    try {
      return check(in.readNBytes(MAX_BYTES + 1), "stdin", operation);
    } catch (IOException e) {
      throw CliException.usage(operation + ": --ssh-key -: cannot read stdin", null);
    }
  }

  /**
   * The first non-empty line. A private key is refused without echoing any of it: it must never be
   * sent anywhere.
   */
  private static String check(byte[] bytes, String source, String operation) {
    if (bytes.length > MAX_BYTES) {
      throw CliException.usage(
          operation + ": --ssh-key: " + source + " is too large for a public key",
          "pass a .pub file: market rent ID --ssh-key ~/.ssh/id_ed25519.pub");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.contains("PRIVATE KEY")) {
      throw CliException.usage(
          operation + ": --ssh-key: " + source + " holds a PRIVATE key; nothing was sent",
          "pass the public half, e.g. --ssh-key ~/.ssh/id_ed25519.pub");
    }
    for (String line : text.split("\\R", -1)) {
      if (!line.isBlank()) {
        try {
          // the marketplace's own check, so a key it would refuse is refused before anything is
          // sent (and before a dialog is confirmed)
          return SshPublicKeys.validate(line);
        } catch (SshPublicKeys.InvalidKeyException e) {
          throw CliException.usage(
              operation + ": --ssh-key: " + source + " is not an SSH public key: " + e.getMessage(),
              "pass a .pub file: market rent ID --ssh-key ~/.ssh/id_ed25519.pub");
        }
      }
    }
    throw CliException.usage(operation + ": --ssh-key: " + source + " is empty", "ls ~/.ssh/*.pub");
  }

  /** {@code ssh-ed25519 AAAAC3Nz…Xq9w alice@laptop} for a menu. */
  static String summary(String key) {
    String[] parts = key.trim().split("\\s+", 3);
    if (parts.length < 2 || parts[1].length() <= 16) {
      return key;
    }
    String blob = parts[1].substring(0, 8) + "…" + parts[1].substring(parts[1].length() - 4);
    return parts[0] + " " + blob + (parts.length == 3 ? " " + parts[2] : "");
  }
}
