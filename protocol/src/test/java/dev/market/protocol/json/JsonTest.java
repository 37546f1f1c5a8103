package dev.market.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
  @ParameterizedTest
  @CsvSource({"2.39E+3, 2390", "1E+1, 10", "1E-9, 0.000000001", "9.99, 9.99", "0.5, 0.5"})
  void big_decimals_are_written_plain_directly_and_through_a_tree(String value, String expected)
      throws Exception {
    BigDecimal d = new BigDecimal(value);
    String expectedJson = "{\"p\":" + expected + "}";
    assertThat(Json.mapper().writeValueAsString(Map.of("p", d))).isEqualTo(expectedJson);
    assertThat(Json.mapper().writeValueAsString(Json.mapper().valueToTree(Map.of("p", d))))
        .isEqualTo(expectedJson);
  }
}
