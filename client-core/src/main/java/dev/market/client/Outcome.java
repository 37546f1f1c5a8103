package dev.market.client;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a call with {@link RequestOptions} came to: {@link Sent} with the answer, or {@link DryRun}
 * with the signed request that was prepared instead of sent ({@link RequestOptions#dryRun()}).
 *
 * <p>A dry run is an ordinary result, not a failure: nothing went wrong, so nothing is thrown.
 * Callers that never ask for a dry run can take {@link #value()} directly.
 *
 * @param <T> the answer's type
 */
public sealed interface Outcome<T> permits Outcome.Sent, Outcome.DryRun {

  /**
   * The request was sent and answered.
   *
   * @param value the decoded answer ({@code null} only for calls that answer nothing)
   */
  record Sent<T>(T value) implements Outcome<T> {}

  /**
   * Nothing was sent.
   *
   * @param request the request exactly as it would have gone on the wire, signed
   */
  record DryRun<T>(PreparedRequest request) implements Outcome<T> {
    /** A dry run of {@code request}. */
    public DryRun {
      Objects.requireNonNull(request, "request");
    }

    /**
     * Always throws: a dry run has no answer.
     *
     * @throws IllegalStateException always
     */
    @Override
    public T value() {
      throw new IllegalStateException(
          "dry run: " + request.method() + " " + request.url() + " was not sent");
    }
  }

  /**
   * The answer of a sent call.
   *
   * @throws IllegalStateException for a {@link DryRun}, which has no answer
   */
  T value();

  /** Whether this is a {@link DryRun}. */
  default boolean isDryRun() {
    return this instanceof DryRun;
  }

  /** The answer transformed by {@code f}; a dry run stays the same dry run. */
  default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
    if (this instanceof DryRun<T> d) {
      return new DryRun<>(d.request());
    }
    return new Sent<>(f.apply(value()));
  }
}
