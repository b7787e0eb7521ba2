package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.TenantId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Every {@link TenantId} parameter of a controller is the caller's tenant, from the {@value
 * #HEADER} header, validated (1 to 128 letters, digits, {@code . _ : -}); missing or invalid is a
 * 400. A real application takes it from the authenticated principal instead: this resolver is the
 * one place to change. The event stream, which browsers open without custom headers, takes it from
 * its {@code tenant} query parameter.
 */
public class TenantArgumentResolver implements HandlerMethodArgumentResolver {
  /** The request header naming the tenant. */
  public static final String HEADER = "X-Dialkit-Tenant";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == TenantId.class;
  }

  @Override
  public TenantId resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    String value = request.getHeader(HEADER);
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(HEADER, "the " + HEADER + " header is required");
    }
    return ApiIds.tenant(HEADER, value);
  }
}
