package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CsvImportException;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.StoreException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Dialkit's typed errors as RFC 7807 problem details: the status, a {@code type} per kind of
 * problem, Dialkit's message as {@code detail} (it quotes, escapes and masks what it echoes), and
 * the fields that locate the problem (field, row, line, column, campaign status). Never a stack
 * trace, a database message or another tenant's data: a campaign or lead the caller's tenant does
 * not have is a 404 whether or not another tenant has it. Spring MVC's own errors (bad JSON, a
 * wrong parameter type) are problem details too, from {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** Seconds a client should wait before trying again after a store outage. */
  static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler
  ProblemDetail campaignNotFound(CampaignNotFoundException e) {
    ProblemDetail p =
        problem(
            HttpStatus.NOT_FOUND,
            "campaign-not-found",
            "campaign " + e.campaignId() + " not found");
    p.setProperty("campaignId", e.campaignId().value());
    return p;
  }

  @ExceptionHandler
  ProblemDetail leadNotFound(LeadNotFoundException e) {
    ProblemDetail p =
        problem(HttpStatus.NOT_FOUND, "lead-not-found", "lead " + e.leadId() + " not found");
    p.setProperty("leadId", e.leadId().value());
    return p;
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, e.kind() + "-not-found", e.getMessage());
    p.setProperty(e.kind() + "Id", e.id());
    return p;
  }

  @ExceptionHandler
  ProblemDetail illegalState(IllegalCampaignStateException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "illegal-campaign-state", e.getMessage());
    p.setProperty("campaignId", e.campaignId().value());
    p.setProperty("campaignStatus", e.actual());
    p.setProperty("expected", e.expected().stream().sorted().toList());
    return p;
  }

  @ExceptionHandler
  ProblemDetail invalidLead(InvalidLeadException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-lead", e.getMessage());
    p.setProperty("row", e.row());
    p.setProperty("field", e.field());
    p.setProperty("reason", e.reason());
    return p;
  }

  @ExceptionHandler
  ProblemDetail invalidConfiguration(InvalidConfigurationException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-configuration", e.getMessage());
    p.setProperty("field", e.field());
    p.setProperty("value", e.value());
    return p;
  }

  @ExceptionHandler
  ProblemDetail csvImport(CsvImportException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "csv-import", e.getMessage());
    p.setProperty("problem", e.problem());
    p.setProperty("line", e.line());
    p.setProperty("column", e.column());
    // what was stored before it stopped (best effort) and every row turned away; closes the report
    p.setProperty("report", ImportResult.of(e.report()));
    return p;
  }

  @ExceptionHandler
  ProblemDetail invalidRequest(InvalidRequestException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> store(StoreException e) {
    // the database's own message may name hosts, tables or values: logged, never answered
    log.warn(
        "request failed: the campaign store is unavailable (transient: {})", e.isTransient(), e);
    ProblemDetail p =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "store-unavailable",
            "the campaign store is unavailable; try again later");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(p);
  }

  @ExceptionHandler
  ProblemDetail provider(ProviderException e) {
    ProblemDetail p = problem(HttpStatus.BAD_GATEWAY, "provider-error", e.getMessage());
    p.setProperty("provider", e.provider());
    p.setProperty("retryable", e.isRetryable());
    return p;
  }

  @ExceptionHandler
  ProblemDetail otherDialkit(DialkitException e) {
    log.error("request failed with an unmapped Dialkit error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "internal error");
  }

  @ExceptionHandler
  ProblemDetail unexpected(RuntimeException e) {
    log.error("request failed unexpectedly", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "internal error");
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:dialkit:problem:" + type));
    return p;
  }
}
