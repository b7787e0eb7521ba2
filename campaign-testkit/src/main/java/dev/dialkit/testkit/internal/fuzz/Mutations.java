package dev.dialkit.testkit.internal.fuzz;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.testkit.WebhookFuzzer.Choices;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The ways a fuzzer bends a real webhook: form fields replaced, added, dropped or repeated, raw
 * text spliced into the body or the whole body replaced, query parameters of the callback URL set
 * or dropped, another call's URL, another content type, another port or scheme. Text the fuzzer
 * chooses is sometimes percent-encoded and sometimes sent raw, so that both the values and the
 * decoding are exercised.
 */
public final class Mutations {
  /** The parts of a request a mutation may change. */
  public record Request(URI url, String body, String contentType) {}

  private static final List<String> QUERY_KEYS =
      List.of(
          Webhooks.CALL_PARAMETER,
          Webhooks.TENANT_PARAMETER,
          Webhooks.PROVIDER_PARAMETER,
          Webhooks.TOKEN_PARAMETER,
          "x");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/x-www-form-urlencoded",
          "application/x-www-form-urlencoded; charset=ISO-8859-1",
          "application/json",
          "text/plain",
          "");

  private Mutations() {}

  /** {@code request} after zero to three mutations chosen by {@code in}. */
  public static Request apply(
      Request request, List<Call> calls, Function<Call, URI> callbackUrl, Choices in) {
    Request r = request;
    int steps = in.pick(4);
    for (int i = 0; i < steps; i++) {
      r = once(r, calls, callbackUrl, in);
    }
    return r;
  }

  private static Request once(
      Request r, List<Call> calls, Function<Call, URI> callbackUrl, Choices in) {
    List<String> pairs = new ArrayList<>(Arrays.asList(r.body().split("&", -1)));
    switch (in.pick(11)) {
      case 0 -> { // a field's value replaced
        int i = in.pick(pairs.size());
        String pair = pairs.get(i);
        int eq = pair.indexOf('=');
        pairs.set(i, (eq < 0 ? pair : pair.substring(0, eq)) + "=" + value(in, 64));
        return body(r, String.join("&", pairs));
      }
      case 1 -> { // a field added, new or repeating one the body has
        String name = in.flip() ? key(pairs.get(in.pick(pairs.size()))) : value(in, 16);
        return body(r, r.body() + "&" + name + "=" + value(in, 64));
      }
      case 2 -> { // a field dropped
        pairs.remove(in.pick(pairs.size()));
        return body(r, String.join("&", pairs));
      }
      case 3 -> { // the whole body replaced
        return body(r, in.text(1024));
      }
      case 4 -> { // raw text spliced into the body
        int at = in.pick(r.body().length() + 1);
        return body(r, r.body().substring(0, at) + in.text(32) + r.body().substring(at));
      }
      case 5 -> { // a query parameter set
        String key = QUERY_KEYS.get(in.pick(QUERY_KEYS.size()));
        return url(r, withQuery(r.url(), key, value(in, 40)));
      }
      case 6 -> { // a query parameter dropped
        String key = QUERY_KEYS.get(in.pick(QUERY_KEYS.size()));
        return url(r, withQuery(r.url(), key, null));
      }
      case 7 -> { // another call's callback URL (perhaps another tenant's)
        return url(r, callbackUrl.apply(calls.get(in.pick(calls.size()))));
      }
      case 8 -> { // another content type
        String type = in.flip() ? CONTENT_TYPES.get(in.pick(CONTENT_TYPES.size())) : in.text(40);
        return new Request(r.url(), r.body(), type);
      }
      case 9 -> { // another port, scheme or path
        return url(r, elsewhere(r.url(), in));
      }
      default -> { // the body's fields reordered
        if (pairs.size() > 1) {
          int i = in.pick(pairs.size());
          int j = in.pick(pairs.size());
          String swap = pairs.get(i);
          pairs.set(i, pairs.get(j));
          pairs.set(j, swap);
        }
        return body(r, String.join("&", pairs));
      }
    }
  }

  /** Fuzzed text, percent-encoded or raw as the fuzzer chooses. */
  private static String value(Choices in, int max) {
    boolean raw = in.flip();
    String text = in.text(max);
    return raw ? text : URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String key(String pair) {
    int eq = pair.indexOf('=');
    return eq < 0 ? pair : pair.substring(0, eq);
  }

  private static Request body(Request r, String body) {
    return new Request(r.url(), body, r.contentType());
  }

  private static Request url(Request r, URI url) {
    return url == null ? r : new Request(url, r.body(), r.contentType());
  }

  /** {@code url} with {@code key} set to {@code value} (already encoded), or dropped if null. */
  private static URI withQuery(URI url, String key, String value) {
    List<String> kept = new ArrayList<>();
    String query = url.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!key(pair).equals(key)) {
          kept.add(pair);
        }
      }
    }
    if (value != null) {
      kept.add(key + "=" + value);
    }
    return parse(
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + url.getRawPath()
            + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
  }

  private static URI elsewhere(URI url, Choices in) {
    String rest = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    return switch (in.pick(4)) {
      case 0 -> parse(url.getScheme() + "://" + url.getHost() + ":" + in.pick(65536) + rest);
      case 1 -> parse("http://" + url.getRawAuthority() + rest);
      case 2 -> parse(url.getScheme() + "://" + url.getRawAuthority() + "/" + in.text(20) + rest);
      default -> parse(url.getScheme() + "://" + url.getRawAuthority() + rest + "#" + in.text(8));
    };
  }

  /** The URI, or null if the text is not one (then the mutation is skipped). */
  private static URI parse(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
