package org.opencxm.surveys;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey definitions and the templates they can start from.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Surveys", description = "Survey definitions, versions and templates")
class SurveyController {

	private final Surveys surveys;

	private final SurveyTemplates templates;

	SurveyController(Surveys surveys, SurveyTemplates templates) {
		this.surveys = surveys;
		this.templates = templates;
	}

	@GetMapping("/surveys")
	PageResult<Survey> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.surveys.list(PageRequest.of(page, size));
	}

	@GetMapping("/surveys/{code}")
	Survey get(@PathVariable String code) {
		return this.surveys.get(code);
	}

	@GetMapping("/surveys/{code}/versions/{version}")
	SurveyDefinition version(@PathVariable String code, @PathVariable int version) {
		return this.surveys.version(code, version);
	}

	@PostMapping("/surveys")
	ResponseEntity<Survey> create(@Valid @RequestBody SurveyRequest request,
			@RequestParam(defaultValue = "false") boolean publish) {
		return created(this.surveys.create(request, publish));
	}

	@PutMapping("/surveys/{code}")
	ResponseEntity<Survey> put(@PathVariable String code, @Valid @RequestBody SurveyRequest request) {
		return created(this.surveys.put(code, request));
	}

	@PostMapping("/surveys/{code}/publish")
	Survey publish(@PathVariable String code) {
		return this.surveys.publish(code);
	}

	@GetMapping("/survey-templates")
	java.util.List<SurveyTemplate> templates() {
		return this.templates.list();
	}

	@PostMapping("/surveys/from-template/{template}")
	ResponseEntity<Survey> fromTemplate(@PathVariable String template, @RequestParam String code,
			@RequestParam(defaultValue = "false") boolean publish) {
		return created(this.templates.create(template, code, publish));
	}

	private static ResponseEntity<Survey> created(Created<Survey> result) {
		return result.answer("/api/v1/surveys/" + result.value().code());
	}

}
