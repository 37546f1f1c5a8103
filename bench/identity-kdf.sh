#!/usr/bin/env bash
# Cost of unlocking a passphrase-protected identity (client-core IdentityStore): scrypt with r=8,
# p=1 at N = 2^14, 2^15 (the key-file default) and 2^16, then a full encrypted save and load
# through the public API. Prints min / median / max over the runs, and the command used.
# Usage: bench/identity-kdf.sh [runs]   (default 15 per figure, after 3 warm-ups)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}

./mvnw -q -B -pl client-core -DskipTests compile
cp_file=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$cp_file"' EXIT
./mvnw -q -B -pl client-core dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="client-core/target/classes:$(cat "$cp_file")"

cat > "$work/KdfBench.java" <<'JAVA'
import dev.market.protocol.crypto.Identity;
import dev.market.client.auth.IdentityStore;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

public class KdfBench {
  interface Op { void run() throws Exception; }

  static void report(String what, int runs, Op op) throws Exception {
    for (int i = 0; i < 3; i++) op.run();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      op.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%-44s min %7.1f ms   median %7.1f ms   max %7.1f ms%n",
        what, ms[0], ms[runs / 2], ms[runs - 1]);
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    byte[] pw = "correct horse battery staple".getBytes();
    byte[] salt = new byte[16];
    for (int log2n : new int[] {14, 15, 16}) {
      int n = 1 << log2n;
      report(String.format("scrypt N=2^%d r=8 p=1 (%d MiB)", log2n, 128 * n * 8 >> 20), runs,
          () -> SCrypt.generate(pw, salt, n, 8, 1, 32));
    }
    IdentityStore store = new IdentityStore(dir.resolve("identities"));
    Identity id = Identity.fromSecret(new byte[32]);
    int[] i = {0};
    report("IdentityStore.save, encrypted (N=2^15)", runs,
        () -> store.save("k" + i[0]++, id, "correct horse".toCharArray()));
    report("IdentityStore.load, encrypted (N=2^15)", runs,
        () -> store.load("k0", (name, file) -> "correct horse".toCharArray()));
    store.save("plain", id, null);
    report("IdentityStore.load, unencrypted", runs, () -> store.load("plain", (n, f) -> null));
  }
}
JAVA

echo "command: bench/identity-kdf.sh $runs   ($(nproc) cores, $(java -version 2>&1 | head -1))"
java -cp "$cp" "$work/KdfBench.java" "$runs" "$work"
