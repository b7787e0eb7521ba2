package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.WebhookRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a webhook's form body unread until the controller takes it raw. On a form POST, the first
 * {@code getParameter} call makes the servlet container read and decode the body, after which it
 * cannot be read again; filters do call it ({@code HiddenHttpMethodFilter} for {@code _method},
 * security filters, request loggers). On the webhook path, this filter, registered first, answers
 * parameter lookups from the query string only.
 *
 * <p>Spring's {@code FormContentFilter} reads the body of a form PUT, PATCH or DELETE from the
 * input stream itself. Like every {@code OncePerRequestFilter} it skips a request marked as already
 * filtered by it, so this filter sets that mark, under the name Spring Boot registers it with
 * ({@value #FORM_CONTENT_FILTERED}).
 */
public final class QueryOnlyParametersFilter extends OncePerRequestFilter {
  /** The already-filtered mark of Spring Boot's {@code formContentFilter} bean. */
  static final String FORM_CONTENT_FILTERED = "formContentFilter" + ALREADY_FILTERED_SUFFIX;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(FORM_CONTENT_FILTERED, Boolean.TRUE);
    chain.doFilter(new QueryOnly(request), response);
  }

  private static final class QueryOnly extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;

    QueryOnly(HttpServletRequest request) {
      super(request);
      Map<String, String[]> params = new LinkedHashMap<>();
      Map<String, List<String>> decoded;
      try {
        decoded = WebhookRequest.decodeForm(request.getQueryString());
      } catch (IllegalArgumentException e) {
        decoded = Map.of(); // a malformed query is the controller's to reject
      }
      decoded.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
      this.parameters = Collections.unmodifiableMap(params);
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values.clone();
    }
  }
}
