package dev.market.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {
  @Test
  void cannedAnswerIsGzipThatTheJdkInflates() throws IOException {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 1000, 0xffff, 0x10000, 200_000}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      byte[] member = ArchiveTraining.gzip(data);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
        assertThat(in.readAllBytes()).as("%d bytes", size).isEqualTo(data);
      }
    }
  }
}
