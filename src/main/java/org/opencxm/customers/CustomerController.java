package org.opencxm.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer API: profiles, search and consents.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles, attributes, lifecycle class, value tier and consent")
class CustomerController {

	static final String ATTRIBUTE_PREFIX = "attr.";

	private final Customers customers;

	CustomerController(Customers customers) {
		this.customers = customers;
	}

	@GetMapping
	PageResult<Customer> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String lifecycleClass,
			@RequestParam(required = false) @Nullable ValueTier valueTier,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String consent,
			@Parameter(description = "name:value, repeatable") @RequestParam(
					required = false) @Nullable List<String> attribute,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		List<CustomerQuery.AttributeFilter> attributes = new ArrayList<>();
		if (attribute != null) {
			for (String filter : attribute) {
				int colon = filter.indexOf(':');
				if (colon < 1) {
					throw new InvalidInputException("attribute", "must be written name:value");
				}
				attributes
					.add(new CustomerQuery.AttributeFilter(filter.substring(0, colon), filter.substring(colon + 1)));
			}
		}
		parameters.forEach((name, values) -> {
			if (name.startsWith(ATTRIBUTE_PREFIX)) {
				values.forEach((value) -> attributes
					.add(new CustomerQuery.AttributeFilter(name.substring(ATTRIBUTE_PREFIX.length()), value)));
			}
		});
		ConsentChannel channel = null;
		if (consent != null) {
			channel = ConsentChannel.parse(consent)
				.orElseThrow(() -> new InvalidInputException(
						List.of(FieldViolation.of("consent", "must be one of EMAIL, SMS, WECHAT, PHONE"))));
		}
		return this.customers.search(
				new CustomerQuery(q, phone, email, lifecycleClass, valueTier, unit, channel, attributes),
				PageRequest.of(page, size));
	}

	@GetMapping("/{externalId}")
	Customer get(@PathVariable String externalId) {
		return this.customers.get(externalId);
	}

	@PostMapping
	ResponseEntity<Customer> create(@Valid @RequestBody CustomerRequest request) {
		return located(this.customers.create(request));
	}

	@PutMapping("/{externalId}")
	ResponseEntity<Customer> put(@PathVariable String externalId, @Valid @RequestBody CustomerRequest request) {
		return located(this.customers.put(externalId, request));
	}

	@GetMapping("/{externalId}/consents")
	Map<String, List<Consent>> consentHistory(@PathVariable String externalId,
			@RequestParam(required = false) @Nullable String channel) {
		ConsentChannel only = (channel != null) ? channel(channel) : null;
		return Map.of("items", this.customers.consentHistory(externalId, only));
	}

	@PutMapping("/{externalId}/consents/{channel}")
	Consent recordConsent(@PathVariable String externalId, @PathVariable String channel,
			@Valid @RequestBody ConsentRequest request) {
		return this.customers.recordConsent(externalId, channel(channel), request);
	}

	private static ResponseEntity<Customer> located(Created<Customer> result) {
		return result.answer("/api/v1/customers/" + result.value().externalId());
	}

	private static ConsentChannel channel(String name) {
		return ConsentChannel.parse(name).orElseThrow(() -> new NotFoundException("consent channel", name));
	}

}
