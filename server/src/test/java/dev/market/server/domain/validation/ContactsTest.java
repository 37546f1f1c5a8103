package dev.market.server.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.market.server.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "email:alice@example.com|email:alice@example.com",
        "  Email:bob.smith+market@mail.example.co.uk |email:bob.smith+market@mail.example.co.uk",
        "matrix:@alice:example.org|matrix:@alice:example.org",
        "matrix:@bot.x_1:matrix.example.org:8448|matrix:@bot.x_1:matrix.example.org:8448",
        "telegram:@alice_b|telegram:@alice_b",
        "telegram:alice_b|telegram:alice_b",
        "phone:+49 30 1234567|phone:+49 30 1234567",
        "phone:(555) 010-9999|phone:(555) 010-9999",
        "url:https://example.com/contact?me=1|url:https://example.com/contact?me=1",
        "URL:http://my-site.example|url:http://my-site.example",
      })
  void well_formed_contacts_are_accepted_and_normalised(String input, String normalised) {
    assertThat(Contacts.validate(input)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void an_absent_contact_is_stored_as_empty(String input) {
    assertThat(Contacts.validate(input)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "alice@example.com|contact_method: expected kind:value with a kind of email, matrix,"
            + " telegram, phone, url",
        "fax:+1 555 0100|contact_method: unknown contact kind 'fax': use one of email, matrix,"
            + " telegram, phone, url",
        "email:|contact_method: the email value is empty",
        "email:alice|contact_method: not an email address: expected name@domain",
        "email:alice@localhost|contact_method: not an email address: expected name@domain",
        "email:a b@example.com|contact_method: not an email address: expected name@domain",
        "matrix:alice|contact_method: not a Matrix ID: expected @user:server, e.g."
            + " @alice:example.org",
        "telegram:@al|contact_method: not a Telegram username: 5 to 32 letters, digits or _,"
            + " e.g. @alice_b",
        "phone:12345|contact_method: not a phone number: 6 to 15 digits, optionally +, spaces,"
            + " dashes, parentheses",
        "phone:call me maybe|contact_method: not a phone number: 6 to 15 digits, optionally +,"
            + " spaces, dashes, parentheses",
        "url:javascript:alert(1)|contact_method: not a web address: expected http:// or"
            + " https:// and a host",
        "url:https://user:pw@example.com|contact_method: not a web address: expected http:// or"
            + " https:// and a host",
      })
  void malformed_contacts_are_refused_naming_the_field(String input, String message) {
    assertThatThrownBy(() -> Contacts.validate(input))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage(message);
  }

  @Test
  void line_breaks_and_control_characters_are_refused() {
    assertThatThrownBy(() -> Contacts.validate("email:a@example.com\nBcc: x@example.com"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("contact_method: must not contain control characters or line breaks");
  }

  @Test
  void contacts_are_capped_at_200_characters() {
    String at200 = "url:https://example.com/" + "a".repeat(200 - 24);
    assertThat(Contacts.validate(at200)).hasSize(200);
    assertThatThrownBy(() -> Contacts.validate(at200 + "a"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
        .hasMessage("contact_method: at most 200 characters, got 201");
  }
}
