package org.opencxm.surveys;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Responses: submit, read, list and export.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Responses", description = "Survey responses: submit, list, export")
class ResponseController {

	private final Responses responses;

	private final ResponseExport export;

	private final Surveys surveys;

	private final ResponseBatches batches;

	private final org.opencxm.org.OrgScope scope;

	ResponseController(Responses responses, ResponseExport export, Surveys surveys, ResponseBatches batches,
			org.opencxm.org.OrgScope scope) {
		this.responses = responses;
		this.batches = batches;
		this.export = export;
		this.surveys = surveys;
		this.scope = scope;
	}

	/**
	 * Records a complete response. A retry under the same key answers as the first time
	 * did (201 and the same response), marked with {@code Idempotent-Replayed: true}.
	 */
	@PostMapping("/surveys/{code}/responses")
	ResponseEntity<SurveyResponse> submit(@PathVariable String code, @Valid @RequestBody ResponseRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		Created<SurveyResponse> result = this.responses.submit(code, request, key);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/responses/" + result.value().id()))
			.header("Idempotent-Replayed", String.valueOf(!result.created()))
			.body(result.value());
	}

	/**
	 * Records up to a thousand complete responses in one go (an import): all or none, one
	 * {@link ResponsesRecorded} for the batch, retries harmless by response key.
	 */
	@PostMapping("/surveys/{code}/responses/batch")
	ResponseBatchResult submitBatch(@PathVariable String code, @Valid @RequestBody Batch batch) {
		return this.batches.record(code, batch.items());
	}

	record Batch(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(
			max = ResponseBatches.MAX_BATCH) List<@Valid ResponseRequest> items) {

	}

	@GetMapping("/responses/{id}")
	SurveyResponse get(@PathVariable long id) {
		this.scope.requireRole(org.opencxm.org.Role.VIEWER);
		return this.responses.get(id);
	}

	@GetMapping("/responses")
	PageResult<SurveyResponse> list(@RequestParam(required = false) @Nullable String survey,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable ResponseStatus status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.responses.list(new ResponseFilter(survey, touchpoint, unit, from, to, status),
				PageRequest.of(page, size));
	}

	/**
	 * Streams every matching response as CSV (needs {@code survey}: one column an answer)
	 * or as a JSON array.
	 */
	@GetMapping("/responses/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @Nullable String survey,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		this.scope.requireRole(org.opencxm.org.Role.VIEWER);
		Responses.Where where = this.responses.where(new ResponseFilter(survey, touchpoint, unit, from, to, null));
		if ("json".equals(format)) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"responses.json\"")
				.body((out) -> this.export.json(where, out));
		}
		if (!"csv".equals(format)) {
			throw new InvalidInputException("format", "must be csv or json");
		}
		if (survey == null) {
			throw new InvalidInputException("survey", "is required for CSV: its questions are the columns");
		}
		long surveyId = this.surveys.get(survey).id();
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + survey + ".csv\"")
			.body((out) -> this.export.csv(where, surveyId, out));
	}

}
