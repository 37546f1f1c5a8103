package dev.market.server.domain;

import java.util.Optional;

/** Accounts: one per signing key, usernames unique case-insensitively. */
public interface AccountRepository {

  /** Stores a new account; false when its username or its key already has one. */
  boolean insert(Account account);

  Optional<Account> byPubkey(String pubkey);

  /** The account whose username equals {@code username} ignoring case. */
  Optional<Account> byUsername(String username);

  /** Marks the account's e-mail address verified; false when there is no such account. */
  boolean markVerified(String username, long nowNs);
}
