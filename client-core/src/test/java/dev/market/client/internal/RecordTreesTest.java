package dev.market.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.market.protocol.model.Contract;
import dev.market.protocol.model.Offering;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTreesTest {
  /** Every record RecordTrees reduces (OfferingService's); a new use belongs here. */
  private static final List<Class<? extends Record>> REDUCED =
      List.of(Offering.class, Contract.class);

  @Test
  void derivedNamesAreTheNamesTheRecordsWrite() {
    for (Class<? extends Record> type : REDUCED) {
      List<String> annotated = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        // JsonProperty cannot target a record component; javac puts it on the accessor too
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        annotated.add(p == null ? c.getName() : p.value());
      }
      assertThat(RecordTrees.of(type).names())
          .as(type.getName())
          .containsExactlyElementsOf(annotated);
    }
  }

  @Test
  void snakeCase() {
    assertThat(RecordTrees.snakeCase("id")).isEqualTo("id");
    assertThat(RecordTrees.snakeCase("gpuMemoryGb")).isEqualTo("gpu_memory_gb");
    assertThat(RecordTrees.snakeCase("offeringId")).isEqualTo("offering_id");
    assertThat(RecordTrees.snakeCase("ipv4Address")).isEqualTo("ipv4_address");
  }
}
