package dev.market.server.domain;

/** Per-provider settings. */
public interface ProviderSettingsRepository {

  boolean autoAccept(String providerPubkey);

  void setAutoAccept(String providerPubkey, boolean on, long nowNs);
}
