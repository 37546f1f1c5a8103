package dev.market.client.internal;

import dev.market.client.error.ConflictException;
import dev.market.client.error.ForbiddenException;
import dev.market.client.error.InsufficientFundsException;
import dev.market.client.error.InvalidRequestException;
import dev.market.client.error.MarketException;
import dev.market.client.error.NotFoundException;
import dev.market.client.error.UnauthorizedException;
import dev.market.client.error.UnavailableException;
import dev.market.protocol.error.ErrorCode;
import java.util.List;

/**
 * Decent Cloud answers business errors with HTTP 200, {@code success:false} and a sentence, never a
 * code. This table classifies those sentences by their exact wording in the Decent Cloud source
 * (commit {@code 13dda9de}; {@code O/} = {@code api/src/openapi/}, {@code D/} = {@code
 * api/src/database/}), each giving the {@link ErrorCode} our server would have sent. A sentence not
 * in the table is a refusal ({@link ErrorCode#INVALID}, exit 3): never a guess from its words.
 */
public final class DecentCloudMessages {

  /** How a text is matched: the whole message, or its beginning (the rest is a detail). */
  enum Match {
    EXACT,
    PREFIX
  }

  /**
   * One known sentence.
   *
   * @param source where Decent Cloud writes it
   */
  public record Rule(String text, Match match, ErrorCode code, String source) {
    boolean matches(String message) {
      return match == Match.EXACT ? message.equals(text) : message.startsWith(text);
    }
  }

  /** Every sentence this client recognises, with its source line. */
  public static final List<Rule> RULES =
      List.of(
          // not found
          exact("Contract not found", ErrorCode.NOT_FOUND, "O/contracts.rs:173"),
          prefix("Contract not found (ID: ", ErrorCode.NOT_FOUND, "D/contracts/rental.rs:621"),
          exact("Offering not found", ErrorCode.NOT_FOUND, "O/contracts.rs:601"),
          exact("Account not found", ErrorCode.NOT_FOUND, "O/accounts.rs:305"),
          exact(
              "No credentials available (expired or not set)",
              ErrorCode.NOT_FOUND,
              "O/contracts.rs:254"),
          // not yours
          exact(
              "Unauthorized: you are not a party to this contract",
              ErrorCode.FORBIDDEN,
              "O/contracts.rs:161"),
          exact(
              "Unauthorized: can only access your own contracts",
              ErrorCode.FORBIDDEN,
              "O/contracts.rs:524"),
          exact(
              "Unauthorized: only the contract requester can access credentials",
              ErrorCode.FORBIDDEN,
              "O/contracts.rs:239"),
          exact(
              "Unauthorized: only the requester can cancel their rental request",
              ErrorCode.FORBIDDEN,
              "D/contracts/rental.rs:627"),
          exact(
              "Unauthorized: can only access your own data", ErrorCode.FORBIDDEN, "O/users.rs:866"),
          prefix("Unauthorized: request pubkey ", ErrorCode.FORBIDDEN, "O/common.rs:70"),
          // identity and signature
          prefix("Signature verification failed: ", ErrorCode.UNAUTHORIZED, "O/accounts.rs:144"),
          exact("Nonce already used (replay attack)", ErrorCode.UNAUTHORIZED, "O/accounts.rs:154"),
          prefix("Public key mismatch: ", ErrorCode.UNAUTHORIZED, "O/accounts.rs:82"),
          // the account must be able to pay, and be verified
          prefix(
              "Email verification required.", ErrorCode.EMAIL_NOT_VERIFIED, "O/contracts.rs:666"),
          prefix(
              "Insufficient wallet balance.", ErrorCode.INSUFFICIENT_FUNDS, "O/contracts.rs:746"),
          // state
          prefix(
              "Contract cannot be cancelled in '",
              ErrorCode.INVALID_TRANSITION,
              "D/contracts/rental.rs:634"),
          exact("Username already taken", ErrorCode.CONFLICT, "O/accounts.rs:173"),
          prefix(
              "error returned from database: duplicate key",
              ErrorCode.CONFLICT,
              "O/accounts.rs:278 (a unique index, D/accounts.rs:187-196)"),
          // invalid input
          exact(
              "ssh_pubkey is required for server access", ErrorCode.INVALID, "O/contracts.rs:558"),
          exact("ssh_pubkey cannot be empty", ErrorCode.INVALID, "O/contracts.rs:565"),
          prefix("Invalid SSH key format.", ErrorCode.INVALID, "O/contracts.rs:575"),
          exact("payment_method is required", ErrorCode.INVALID, "O/contracts.rs:589"),
          prefix("Invalid payment method: ", ErrorCode.INVALID, "D/contracts/rental.rs:80"),
          prefix(
              "duration_hours must be at least 1", ErrorCode.INVALID, "D/contracts/rental.rs:88"),
          prefix("Offering requires minimum ", ErrorCode.INVALID, "D/contracts/rental.rs:95"),
          prefix("Offering allows maximum ", ErrorCode.INVALID, "D/contracts/rental.rs:104"),
          prefix("Username must ", ErrorCode.INVALID, "api/src/validation.rs:175-183"),
          exact("Username is reserved", ErrorCode.INVALID, "api/src/validation.rs:188"),
          exact("Email cannot be empty", ErrorCode.INVALID, "api/email-utils/src/validation.rs:14"),
          prefix("Email is too long", ErrorCode.INVALID, "api/email-utils/src/validation.rs:17"),
          exact("Invalid email format", ErrorCode.INVALID, "api/email-utils/src/validation.rs:20"),
          prefix("Invalid request body: ", ErrorCode.INVALID, "O/accounts.rs:38"),
          // Decent Cloud failed on its side
          prefix("Internal error ", ErrorCode.UNAVAILABLE, "O/contracts.rs:633, 655, 676"),
          prefix("Failed to retrieve offering: ", ErrorCode.UNAVAILABLE, "O/contracts.rs:608"),
          prefix("Rental created but ", ErrorCode.UNAVAILABLE, "O/contracts.rs:703, 713"));

  private DecentCloudMessages() {}

  /** The rule for {@code message}, or {@code null} when Decent Cloud's source has no such text. */
  public static Rule find(String message) {
    for (Rule r : RULES) {
      if (r.matches(message)) {
        return r;
      }
    }
    return null;
  }

  /** The typed failure for a Decent Cloud {@code success:false} sentence. */
  static MarketException classify(String operation, int status, String message) {
    Rule rule = find(message);
    ErrorCode code = rule == null ? ErrorCode.INVALID : rule.code();
    String wire = rule == null ? null : code.wire();
    return switch (code) {
      case NOT_FOUND -> new NotFoundException(operation, status, wire, message, null);
      case FORBIDDEN -> new ForbiddenException(operation, status, wire, message, null);
      case UNAUTHORIZED -> new UnauthorizedException(operation, status, wire, message, null);
      case INSUFFICIENT_FUNDS ->
          new InsufficientFundsException(operation, status, wire, message, null);
      case CONFLICT, INVALID_TRANSITION, EMAIL_NOT_VERIFIED ->
          new ConflictException(operation, status, wire, message, null);
      case UNAVAILABLE, INTERNAL ->
          new UnavailableException(operation, status, wire, message, null);
      default -> new InvalidRequestException(operation, status, wire, message, null);
    };
  }

  private static Rule exact(String text, ErrorCode code, String source) {
    return new Rule(text, Match.EXACT, code, source);
  }

  private static Rule prefix(String text, ErrorCode code, String source) {
    return new Rule(text, Match.PREFIX, code, source);
  }
}
