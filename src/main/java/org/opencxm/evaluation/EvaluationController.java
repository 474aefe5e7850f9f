package org.opencxm.evaluation;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencxm.customers.Customers;
import org.opencxm.shared.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a response means, and a customer's experience score over its recent responses.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evaluation", description = "NPS class, CSAT, CES, SEM scores and the five-level experience")
class EvaluationController {

	private final ResponseEvaluations evaluations;

	private final Customers customers;

	EvaluationController(ResponseEvaluations evaluations, Customers customers) {
		this.evaluations = evaluations;
		this.customers = customers;
	}

	@GetMapping("/responses/{id}/evaluation")
	ResponseEvaluated evaluation(@PathVariable long id) {
		return this.evaluations.get(id);
	}

	@GetMapping("/customers/{externalId}/experience-score")
	CustomerExperienceScore experienceScore(@PathVariable String externalId) {
		long customer = this.customers.refByExternalId(externalId)
			.orElseThrow(() -> new NotFoundException("customer", externalId))
			.id();
		return this.evaluations.customerScore(customer)
			.orElseThrow(() -> new NotFoundException("experience score of customer", externalId));
	}

}
