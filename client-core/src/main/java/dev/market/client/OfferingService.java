package dev.market.client;

import static dev.market.client.internal.Envelopes.data;
import static dev.market.client.internal.Envelopes.dataNode;
import static dev.market.client.internal.Envelopes.json;
import static dev.market.client.internal.Envelopes.kind;
import static dev.market.client.internal.Envelopes.unreadable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.market.client.internal.Api;
import dev.market.client.internal.ApiRequest;
import dev.market.client.internal.Args;
import dev.market.client.internal.Envelopes;
import dev.market.client.internal.RecordTrees;
import dev.market.client.internal.RetryPolicy;
import dev.market.protocol.json.Json;
import dev.market.protocol.model.Offering;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Offerings: the public listings, one offering, and publishing as a provider. Reached through
 * {@link MarketClient#offerings()}. Each method has an overload taking {@link RequestOptions} that
 * answers an {@link Outcome}.
 */
public final class OfferingService {
  private static final TypeReference<List<Offering>> OFFERINGS = new TypeReference<>() {};

  private final Api api;

  OfferingService(Api api) {
    this.api = api;
  }

  /**
   * {@code GET /offerings}: one page. {@code null} fields of {@code query} are not sent, so the
   * server's defaults apply (50 a page, from offset 0). Never signed.
   */
  public List<Offering> list(OfferingQuery query) {
    return list(query, RequestOptions.DEFAULT).value();
  }

  /** As {@link #list(OfferingQuery)}, with per-call options. */
  public Outcome<List<Offering>> list(OfferingQuery query, RequestOptions options) {
    String op = "list offerings";
    return api.call(listRequest(op, query), options, env -> records(env, op));
  }

  /**
   * The page's offerings: made from the tree when the marketplace's JSON already has their types
   * ({@link RecordTrees#values}), else bound by Jackson as before, so the records and the errors
   * are the same. Jackson's binding of a record builds its deserializer from the record's 33
   * annotated components first: the CLI's table view loaded 2,902 classes with it and 2,707 without
   * (no archive, JDK 25), and the archive's training runs the table, so every command's archive
   * held the difference.
   */
  private static List<Offering> records(ObjectNode env, String op) {
    return OFFERING_TREES.list(env, op, OfferingService::offering, OFFERINGS);
  }

  /** Offering's canonical constructor on values in its components' order. */
  static Offering offering(Object[] v) {
    return new Offering(
        (Long) v[0],
        (String) v[1],
        (String) v[2],
        (String) v[3],
        (String) v[4],
        (String) v[5],
        (String) v[6],
        (BigDecimal) v[7],
        (BigDecimal) v[8],
        (String) v[9],
        (String) v[10],
        (String) v[11],
        (Integer) v[12],
        (String) v[13],
        (String) v[14],
        (String) v[15],
        (String) v[16],
        (String) v[17],
        (Boolean) v[18],
        (String) v[19],
        (String) v[20],
        (String) v[21],
        (Integer) v[22],
        (Integer) v[23],
        (Long) v[24],
        (Long) v[25],
        (String) v[26],
        (String) v[27],
        (String) v[28],
        (Boolean) v[29],
        (Boolean) v[30],
        (BigDecimal) v[31],
        (Long) v[32]);
  }

  /**
   * As {@link #list(OfferingQuery, RequestOptions)}, each offering as the JSON tree its {@link
   * Offering} writes ({@code Json.mapper().valueToTree}), for callers that print or forward the
   * page: the same trees and the same errors, without binding the records when the marketplace's
   * JSON already has their types (see {@link RecordTrees}).
   */
  public Outcome<List<ObjectNode>> listTrees(OfferingQuery query, RequestOptions options) {
    String op = "list offerings";
    return api.call(listRequest(op, query), options, env -> trees(env, op));
  }

  private static List<ObjectNode> trees(ObjectNode env, String op) {
    JsonNode data = dataNode(env, op);
    if (data.isArray()) {
      List<ObjectNode> out = new ArrayList<>(data.size());
      for (JsonNode o : data) {
        ObjectNode reduced = OFFERING_TREES.reduce(o);
        if (reduced == null) {
          out = null;
          break;
        }
        out.add(reduced);
      }
      if (out != null) {
        return out;
      }
    }
    List<ObjectNode> bound = new ArrayList<>();
    for (Offering o : data(env, op, OFFERINGS)) {
      bound.add(Json.mapper().valueToTree(o));
    }
    return bound;
  }

  private static final RecordTrees OFFERING_TREES = RecordTrees.of(Offering.class);

  private static ApiRequest listRequest(String op, OfferingQuery query) {
    Objects.requireNonNull(query, "query");
    List<Map.Entry<String, String>> params = new ArrayList<>();
    param(params, "limit", query.limit());
    param(params, "offset", query.offset());
    param(params, "product_type", query.productType());
    param(params, "country", query.country());
    param(params, "in_stock_only", query.inStockOnly());
    param(params, "min_price_monthly", plain(query.minPriceMonthly()));
    param(params, "max_price_monthly", plain(query.maxPriceMonthly()));
    param(params, "q", query.q());
    param(params, "sort", query.sort());
    return ApiRequest.publicGet(op, List.of("offerings"), params);
  }

  /**
   * Every offering matching {@code query} (its offset is the start; its limit the page size, 100 by
   * default and at most 500), pages fetched lazily as the stream is consumed: only one page is held
   * at a time, so any result size takes constant memory. A page shorter than the page size ends the
   * walk. Failures surface from the stream's terminal operation as {@link
   * dev.market.client.error.MarketException}s.
   *
   * @throws IllegalArgumentException when the query's limit is below 1
   */
  public Stream<Offering> stream(OfferingQuery query) {
    return stream(query, RequestOptions.DEFAULT).value();
  }

  /**
   * As {@link #stream(OfferingQuery)}, with per-call options applied to every page; a dry run
   * answers the request for the first page.
   */
  public Outcome<Stream<Offering>> stream(OfferingQuery query, RequestOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
    OfferingPager pager = new OfferingPager(query, q -> list(q, options).value());
    if (options.dryRun()) {
      return list(pager.firstPage(), options).map(page -> Stream.empty());
    }
    return new Outcome.Sent<>(
        StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
            false));
  }

  /**
   * {@code GET /offerings/{id}}. Signed when this client has an identity, because the protocol
   * makes its authentication optional so a provider can read its own non-public offering.
   *
   * @throws dev.market.client.error.NotFoundException when there is no such offering
   */
  public Offering get(long id) {
    return get(id, RequestOptions.DEFAULT).value();
  }

  /** As {@link #get(long)}, with per-call options. */
  public Outcome<Offering> get(long id, RequestOptions options) {
    String op = "get offering " + id;
    ApiRequest call =
        new ApiRequest(
            op,
            "GET",
            List.of("offerings", Long.toString(id)),
            List.of(),
            null,
            api.identity() != null,
            RetryPolicy.Kind.IDEMPOTENT,
            null);
    return api.call(call, options, env -> data(env, op, Offering.class));
  }

  /**
   * {@code GET /providers/{pubkey}/offerings}. Never signed.
   *
   * @param providerPubkey the provider's public key, 64 hex characters
   */
  public List<Offering> ofProvider(String providerPubkey) {
    return ofProvider(providerPubkey, RequestOptions.DEFAULT).value();
  }

  /** As {@link #ofProvider(String)}, with per-call options. */
  public Outcome<List<Offering>> ofProvider(String providerPubkey, RequestOptions options) {
    String op = "list offerings of provider " + Args.shortId(providerPubkey);
    String key = Args.pubkey(op, providerPubkey);
    return api.call(
        ApiRequest.publicGet(op, List.of("providers", key, "offerings"), List.of()),
        options,
        env -> records(env, op));
  }

  /**
   * {@code POST /providers/{me}/offerings}: publishes an offering as this client's identity;
   * returns its numeric id. Not retried once the request may have reached the server (a repeat
   * could publish it twice).
   *
   * <p>Decent Cloud refuses an offering that lacks any of fifteen fields (its {@code Offering},
   * api/src/database/offerings.rs:78-219 at 13dda9de). Those with a sensible value are filled in
   * when absent (no setup fee, public, billed monthly by the month, not a subscription, in stock,
   * metered bandwidth, datacenter unknown, published); {@code offering_id}, {@code offer_name},
   * {@code product_type}, {@code currency} and {@code monthly_price} must be given. Our server
   * accepts the same document.
   */
  public long create(Offering offering) {
    return create(offering, RequestOptions.DEFAULT).value();
  }

  /** As {@link #create(Offering)}, with per-call options. */
  public Outcome<Long> create(Offering offering, RequestOptions options) {
    Objects.requireNonNull(offering, "offering");
    String op =
        offering.offeringId() == null
            ? "create offering"
            : "create offering " + Args.printable(offering.offeringId());
    String me = api.me(op);
    ObjectNode doc = Json.mapper().valueToTree(offering);
    DEFAULTS.forEach((field, value) -> doc.putIfAbsent(field, value));
    return api.call(
        ApiRequest.signedPost(op, List.of("providers", me, "offerings"), json(doc)),
        options,
        env -> newId(env, op));
  }

  /**
   * {@code GET /provider/my-offerings}: every offering of this client's identity, drafts and
   * non-public ones included. Signed.
   */
  public List<Offering> mine() {
    return mine(RequestOptions.DEFAULT).value();
  }

  /** As {@link #mine()}, with per-call options. */
  public Outcome<List<Offering>> mine(RequestOptions options) {
    String op = "list my offerings";
    return api.call(
        ApiRequest.signedGet(op, List.of("provider", "my-offerings")),
        options,
        env -> records(env, op));
  }

  /**
   * {@code PUT /providers/{me}/offerings/{id}}: replaces offering {@code id} with {@code offering},
   * whole (fields left null are cleared); answers the marketplace's message. Only the offering's
   * provider may. Retried like any PUT of a whole value.
   */
  public String update(long id, Offering offering) {
    return update(id, offering, RequestOptions.DEFAULT).value();
  }

  /** As {@link #update(long, Offering)}, with per-call options. */
  public Outcome<String> update(long id, Offering offering, RequestOptions options) {
    Objects.requireNonNull(offering, "offering");
    String op = "update offering " + id;
    String me = api.me(op);
    return api.call(
        ApiRequest.signedPut(
            op, List.of("providers", me, "offerings", Long.toString(id)), json(offering)),
        options,
        env -> Envelopes.message(env, op));
  }

  /**
   * {@code DELETE /providers/{me}/offerings/{id}}; answers the marketplace's message. Refused
   * (conflict) while a contract refers to the offering. Not retried once it may have arrived: a
   * repeat would report an offering already deleted as not found.
   */
  public String delete(long id) {
    return delete(id, RequestOptions.DEFAULT).value();
  }

  /** As {@link #delete(long)}, with per-call options. */
  public Outcome<String> delete(long id, RequestOptions options) {
    String op = "delete offering " + id;
    String me = api.me(op);
    return api.call(
        new ApiRequest(
            op,
            "DELETE",
            List.of("providers", me, "offerings", Long.toString(id)),
            List.of(),
            null,
            true,
            RetryPolicy.Kind.NON_IDEMPOTENT,
            null),
        options,
        env -> Envelopes.message(env, op));
  }

  /**
   * What {@link #create} sends for a field Decent Cloud requires and the offering leaves out: no
   * setup fee, public, billed monthly by the month, not a subscription, in stock, metered
   * bandwidth, published. Decent Cloud takes {@code ""} for an unknown datacenter country and city
   * (api/src/database/offerings.rs:1300-1307); our server stores it as absent.
   */
  private static final Map<String, JsonNode> DEFAULTS = defaults();

  private static Map<String, JsonNode> defaults() {
    var f = Json.mapper().getNodeFactory();
    Map<String, JsonNode> d = new java.util.LinkedHashMap<>();
    d.put("setup_fee", f.numberNode(BigDecimal.ZERO));
    d.put("visibility", f.textNode("public"));
    d.put("billing_interval", f.textNode("monthly"));
    d.put("billing_unit", f.textNode("month"));
    d.put("is_subscription", f.booleanNode(false));
    d.put("stock_status", f.textNode("in_stock"));
    d.put("unmetered_bandwidth", f.booleanNode(false));
    d.put("datacenter_country", f.textNode(""));
    d.put("datacenter_city", f.textNode(""));
    d.put("is_draft", f.booleanNode(false));
    return java.util.Collections.unmodifiableMap(d);
  }

  private static long newId(ObjectNode env, String op) {
    JsonNode data = dataNode(env, op);
    if (data.isIntegralNumber()) {
      return data.longValue();
    }
    if (data.isTextual()) {
      try {
        return Long.parseLong(data.asText().strip());
      } catch (NumberFormatException e) {
        // fall through to the protocol error below
      }
    }
    throw unreadable(op, "expected the new offering's numeric id, got " + kind(data));
  }

  private static void param(List<Map.Entry<String, String>> params, String name, Object value) {
    if (value != null) {
      params.add(Map.entry(name, value.toString()));
    }
  }

  private static String plain(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }
}
