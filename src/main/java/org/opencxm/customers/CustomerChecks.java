package org.opencxm.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.Codes;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;

import org.springframework.stereotype.Component;

/**
 * Checks a customer request as a whole and turns it into a {@link Profile}, reporting
 * every problem at once. Services call it for every caller, not only for HTTP requests.
 */
@Component
class CustomerChecks {

	static final int MAX_ATTRIBUTES = 100;

	static final int MAX_STRING_LENGTH = 1000;

	static final int MIN_BIRTH_YEAR = 1900;

	/** Clocks of the systems that report consents are not exactly ours. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern EXTERNAL_ID = Pattern.compile(CustomerRequest.EXTERNAL_ID);

	private static final Pattern CODE = Pattern.compile(Codes.PATTERN);

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]([0-9 -]*[0-9])?$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private final Validator validator;

	private final OrgUnits units;

	private final OrgScope scope;

	private final LifecycleClasses lifecycleClasses;

	private final Clock clock;

	CustomerChecks(Validator validator, OrgUnits units, OrgScope scope, LifecycleClasses lifecycleClasses,
			Clock clock) {
		this.validator = validator;
		this.units = units;
		this.scope = scope;
		this.lifecycleClasses = lifecycleClasses;
		this.clock = clock;
	}

	/**
	 * The profile the request describes for the customer with this external id.
	 * @throws InvalidInputException listing every problem
	 */
	Profile profile(String externalId, CustomerRequest request) {
		return profile(externalId, request, null);
	}

	/**
	 * The profiles a batch of requests describes, in their order.
	 * @throws InvalidInputException listing every problem of every request, each with the
	 * index of its request; an external id used twice is a problem too
	 */
	List<Profile> profiles(List<CustomerRequest> requests) {
		Set<String> unitCodes = new HashSet<>();
		requests.forEach((request) -> {
			String code = trimmed(request.homeUnitCode());
			if (code != null) {
				unitCodes.add(code);
			}
		});
		Map<String, Long> unitIds = this.units.idsByCode(unitCodes);
		List<FieldViolation> violations = new ArrayList<>();
		List<Profile> profiles = new ArrayList<>(requests.size());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requests.size(); i++) {
			int index = i;
			CustomerRequest request = requests.get(i);
			String externalId = request.externalId();
			if (externalId == null) {
				violations.add(FieldViolation.of("externalId", "must not be null").atIndex(index));
			}
			else if (!seen.add(externalId)) {
				violations.add(FieldViolation.of("externalId", "is used twice in this batch").atIndex(index));
			}
			else {
				try {
					profiles.add(profile(externalId, request, unitIds));
				}
				catch (InvalidInputException ex) {
					ex.violations().forEach((violation) -> violations.add(violation.atIndex(index)));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return profiles;
	}

	private Profile profile(String externalId, CustomerRequest request, @Nullable Map<String, Long> knownUnitIds) {
		List<FieldViolation> violations = new ArrayList<>(annotated(request));
		if (request.externalId() != null && !request.externalId().equals(externalId)) {
			violations.add(FieldViolation.of("externalId", "must match the external id in the path"));
		}
		externalId(externalId, "externalId").ifPresent(violations::add);
		String phone = trimmed(request.phone());
		if (phone != null && !validPhone(phone)) {
			violations.add(FieldViolation.of("phone",
					"must be 5 to 20 digits, optionally starting with '+', with spaces or dashes between them"));
		}
		String email = trimmed(request.email());
		if (email != null && !EMAIL.matcher(email).matches()) {
			violations.add(FieldViolation.of("email", "must be an e-mail address such as name@example.com"));
		}
		int thisYear = today(this.clock).getYear();
		if (request.birthYear() != null && (request.birthYear() < MIN_BIRTH_YEAR || request.birthYear() > thisYear)) {
			violations.add(FieldViolation.of("birthYear", "must be between " + MIN_BIRTH_YEAR + " and " + thisYear));
		}
		String lifecycleClass = trimmed(request.lifecycleClass());
		if (lifecycleClass != null) {
			String problem = this.lifecycleClasses.problem(lifecycleClass);
			if (problem != null) {
				violations.add(FieldViolation.of("lifecycleClass", problem));
			}
		}
		Long homeUnitId = homeUnit(trimmed(request.homeUnitCode()), knownUnitIds, violations);
		Map<String, AttributeValue> attributes = attributes(request.attributes(), violations);
		if (request.consents() != null) {
			request.consents()
				.forEach((channel, consent) -> consentTime(consent, "consents." + channel + ".at")
					.ifPresent(violations::add));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Profile(externalId, trimmed(request.name()), phone, email,
				(request.language() != null) ? request.language() : LanguageTag.ZH_CN, request.birthYear(),
				lifecycleClass, request.valueTier(), homeUnitId, attributes);
	}

	/**
	 * Checks a consent on its own (as sent to the consent endpoint).
	 */
	void consent(ConsentRequest request) {
		List<FieldViolation> violations = new ArrayList<>(annotated(request));
		consentTime(request, "at").ifPresent(violations::add);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	static Optional<FieldViolation> externalId(String externalId, String field) {
		return EXTERNAL_ID.matcher(externalId).matches() ? Optional.empty()
				: Optional.of(FieldViolation.of(field, CustomerRequest.EXTERNAL_ID_MESSAGE));
	}

	static boolean validPhone(String phone) {
		long digits = phone.chars().filter(Character::isDigit).count();
		return PHONE.matcher(phone).matches() && digits >= 5 && digits <= 20;
	}

	static boolean validAttributeName(String name) {
		return CODE.matcher(name).matches();
	}

	private Optional<FieldViolation> consentTime(ConsentRequest consent, String field) {
		Instant latest = this.clock.instant().plus(CLOCK_TOLERANCE);
		if (consent.at() != null && consent.at().isAfter(latest)) {
			return Optional.of(FieldViolation.of(field, "must not be in the future"));
		}
		return Optional.empty();
	}

	private @Nullable Long homeUnit(@Nullable String code, @Nullable Map<String, Long> knownUnitIds,
			List<FieldViolation> violations) {
		if (code == null) {
			Caller caller = this.scope.currentOrNull();
			if (caller != null && caller.scoped()) {
				violations.add(FieldViolation.of("homeUnitCode",
						"is required for a user limited to part of the organisation"));
			}
			return null;
		}
		Long id = (knownUnitIds != null) ? knownUnitIds.get(code) : this.units.idsByCode(Set.of(code)).get(code);
		if (id == null) {
			violations.add(FieldViolation.of("homeUnitCode", "no org unit has this code"));
		}
		return id;
	}

	private static Map<String, AttributeValue> attributes(@Nullable Map<String, @Nullable AttributeValue> given,
			List<FieldViolation> violations) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		if (given == null) {
			return attributes;
		}
		if (given.size() > MAX_ATTRIBUTES) {
			violations.add(FieldViolation.of("attributes", "must have at most " + MAX_ATTRIBUTES + " attributes"));
			return attributes;
		}
		given.forEach((name, value) -> {
			String field = "attributes." + name;
			if (!validAttributeName(name)) {
				violations.add(FieldViolation.of(field, "the name " + Codes.MESSAGE));
			}
			else if (value != null) {
				problem(value).ifPresentOrElse((reason) -> violations.add(FieldViolation.of(field, reason)),
						() -> attributes.put(name, value));
			}
		});
		return attributes;
	}

	private static Optional<String> problem(AttributeValue value) {
		return Optional.ofNullable(switch (value) {
			case AttributeValue.StringValue text when text.value().length() > MAX_STRING_LENGTH ->
				"must be at most " + MAX_STRING_LENGTH + " characters";
			case AttributeValue.NumberValue number when !Double.isFinite(number.value()) -> "must be a finite number";
			case AttributeValue.DateValue date when date.value().getYear() < 1 || date.value().getYear() > 9999 ->
				"must be a date between 0001-01-01 and 9999-12-31";
			default -> null;
		});
	}

	private List<FieldViolation> annotated(Object request) {
		List<FieldViolation> violations = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(request)) {
			violations.add(FieldViolation.of(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		return violations;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
