package dev.market.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
  private Table sample() {
    return new Table()
        .column("ID")
        .shrinkableColumn("NAME")
        .styledColumn("STATUS", s -> "<" + s + ">")
        .row(1, "A rather long offering name", "active")
        .row(22, "short", "pending");
  }

  @Test
  void without_a_width_limit_nothing_is_cut() {
    assertThat(sample().render(0, false))
        .isEqualTo(
            """
            ID  NAME                         STATUS
            1   A rather long offering name  active
            22  short                        pending
            """);
  }

  @Test
  void on_a_narrow_terminal_the_shrinkable_column_is_truncated_with_an_ellipsis() {
    String out = sample().render(30, false);
    assertThat(out)
        .isEqualTo(
            """
            ID  NAME               STATUS
            1   A rather long of\u2026  active
            22  short              pending
            """);
    assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
  }

  private Table offerings() {
    return new Table()
        .column("ID")
        .shrinkableColumn("NAME")
        .droppableColumn("PROVIDER")
        .shrinkLastColumn("SPECS")
        .column("PRICE")
        .row(12, "RTX 4090 Single", "88a32ae3…", "1x RTX 4090, 16c, 64 GB, 2 TB SSD", "219.00")
        .row(3, "Standard VPS", "88a32ae3…", "4c, 8 GB, 160 GB SSD", "14.90");
  }

  @Test
  void a_droppable_column_goes_first_then_shrinkable_ones_before_the_one_shrunk_last() {
    assertThat(offerings().render(0, false)).contains("PROVIDER");
    assertThat(offerings().render(70, false))
        .isEqualTo(
            """
            ID  NAME             SPECS                              PRICE
            12  RTX 4090 Single  1x RTX 4090, 16c, 64 GB, 2 TB SSD  219.00
            3   Standard VPS     4c, 8 GB, 160 GB SSD               14.90
            """);
    assertThat(offerings().render(50, false))
        .isEqualTo(
            """
            ID  NAME    SPECS                           PRICE
            12  RTX 4…  1x RTX 4090, 16c, 64 GB, 2 TB…  219.00
            3   Stand…  4c, 8 GB, 160 GB SSD            14.90
            """);
  }

  @Test
  void styles_apply_to_the_text_only_and_keep_alignment() {
    String out =
        new Table()
            .styledColumn("S", s -> "[" + s + "]")
            .column("X")
            .row("ab", "1")
            .row("abcd", "2")
            .render(0, true);
    assertThat(out).isEqualTo("S     X\n[ab]    1\n[abcd]  2\n");
  }

  @Test
  void control_characters_from_the_server_are_neutralised() {
    String out = new Table().column("A").row("x\u001b[31my\nz").render(0, false);
    assertThat(out).isEqualTo("A\nx\\u001b[31my\\u000az\n");
  }
}
