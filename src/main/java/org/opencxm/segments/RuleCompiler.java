package org.opencxm.segments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AttributeValue;
import org.opencxm.customers.CustomerCondition;
import org.opencxm.customers.ValueTier;
import org.opencxm.interactions.ContactHistory;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Turns a rule into one SQL condition over the customer row, as of now. Codes are
 * resolved at every evaluation, so a unit subtree or a touchpoint's children follow the
 * org tree and the journeys as they change; a code that no longer exists matches no one.
 * Values a check would refuse (the rule was stored before something it names was removed)
 * are left out rather than failing the query.
 */
@Component
class RuleCompiler {

	private final Clock clock;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	private final ContactHistory contacts;

	RuleCompiler(Clock clock, OrgScope scope, OrgUnits units, Touchpoints touchpoints, ContactHistory contacts) {
		this.clock = clock;
		this.scope = scope;
		this.units = units;
		this.touchpoints = touchpoints;
		this.contacts = contacts;
	}

	/**
	 * The condition; its parameter names start with the prefix, so that several rules can
	 * share one statement.
	 */
	CustomerCondition compile(SegmentRule rule, String prefix) {
		return new Run(prefix).compile(rule);
	}

	private final class Run {

		private final String prefix;

		private final Instant now = RuleCompiler.this.clock.instant();

		private int next;

		Run(String prefix) {
			this.prefix = prefix;
		}

		private String param() {
			return this.prefix + "r" + (this.next++) + "_";
		}

		CustomerCondition compile(SegmentRule rule) {
			return switch (rule) {
				case SegmentRule.All all -> CustomerCondition.all(all.all().stream().map(this::compile).toList());
				case SegmentRule.Any any -> CustomerCondition.any(any.any().stream().map(this::compile).toList());
				case SegmentRule.Not not -> CustomerCondition.not(compile(not.not()));
				case SegmentRule.FieldTest test -> field(test);
				case SegmentRule.AttributeTest test -> attribute(test);
				case SegmentRule.AgeIn age -> age(age.ageBand());
				case SegmentRule.UnitSubtree unit -> unit(unit.unit());
				case SegmentRule.ContactAt contact -> contact(contact.contactAt());
			};
		}

		private CustomerCondition field(SegmentRule.FieldTest test) {
			Field field = Objects.requireNonNull(Field.of(test.field()));
			String p = param();
			if (test.exists() != null) {
				CustomerCondition present = CustomerCondition.present(field.column);
				return test.exists() ? present : CustomerCondition.not(present);
			}
			if (test.range() != null) {
				return (field == Field.VALUE_TIER) ? tierRange(p, test.range()) : CustomerCondition.birthYearBetween(p,
						RuleValues.whole(test.range().min()), RuleValues.whole(test.range().max()));
			}
			List<JsonNode> values = values(test.equalTo(), test.in());
			return switch (field) {
				case LIFECYCLE_CLASS -> CustomerCondition.lifecycleClassIn(p, texts(values));
				case EXTERNAL_ID -> CustomerCondition.externalIdIn(p, texts(values));
				case LANGUAGE -> CustomerCondition.languageIn(p,
						values.stream().map(RuleValues::language).filter(Objects::nonNull).toList());
				case VALUE_TIER -> CustomerCondition.valueTierIn(p,
						values.stream().map(RuleValues::tier).filter(Objects::nonNull).toList());
				case BIRTH_YEAR -> CustomerCondition.birthYearIn(p,
						values.stream().map(RuleValues::whole).filter(Objects::nonNull).toList());
			};
		}

		private CustomerCondition tierRange(String p, SegmentRule.Range range) {
			ValueTier min = RuleValues.tier(range.min());
			ValueTier max = RuleValues.tier(range.max());
			int from = (min != null) ? RuleValues.TIER_ORDER.indexOf(min) : 0;
			int to = (max != null) ? RuleValues.TIER_ORDER.indexOf(max) : RuleValues.TIER_ORDER.size() - 1;
			return CustomerCondition.valueTierIn(p,
					(from <= to) ? RuleValues.TIER_ORDER.subList(from, to + 1) : List.of());
		}

		private CustomerCondition attribute(SegmentRule.AttributeTest test) {
			String p = param();
			if (test.exists() != null) {
				CustomerCondition present = CustomerCondition.attributePresent(p, test.attribute());
				return test.exists() ? present : CustomerCondition.not(present);
			}
			if (test.range() != null) {
				AttributeValue min = RuleValues.bound(test.range().min());
				AttributeValue max = RuleValues.bound(test.range().max());
				if ((min == null && max == null) || (min != null && max != null && !min.type().equals(max.type()))) {
					return CustomerCondition.none();
				}
				return CustomerCondition.attributeBetween(p, test.attribute(), min, max);
			}
			List<AttributeValue> values = new ArrayList<>();
			values(test.equalTo(), test.in()).forEach((node) -> values.addAll(RuleValues.attributeValues(node)));
			return CustomerCondition.attributeIn(p, test.attribute(), values.stream().distinct().toList());
		}

		private CustomerCondition age(String band) {
			RuleValues.Ages ages = RuleValues.ages(band);
			int year = LocalDate.ofInstant(this.now, ZoneOffset.UTC).getYear();
			String p = param();
			if (ages == null) {
				return CustomerCondition.none();
			}
			if (ages == RuleValues.Ages.UNKNOWN) {
				return CustomerCondition.birthYearUnknown(p, year);
			}
			// The age reached this year is year - birthYear, as on the customer profile.
			int from = (ages.from() != null) ? ages.from() : 0;
			Integer oldest = (ages.to() != null) ? year - ages.to() : null;
			return CustomerCondition.birthYearBetween(p, oldest, year - from);
		}

		private CustomerCondition unit(String code) {
			// Resolved whoever asks: a scoped reader sees the part of the subtree in its
			// scope, which the customer query adds, even when the unit itself is above
			// it.
			Long unitId = RuleCompiler.this.scope
				.asSystem(() -> RuleCompiler.this.units.idsByCode(List.of(code)).get(code));
			if (unitId == null) {
				return CustomerCondition.none();
			}
			return CustomerCondition.homeUnitIn(param(), RuleCompiler.this.scope.subtree(unitId).ids());
		}

		private CustomerCondition contact(SegmentRule.Contact contact) {
			TouchpointRef touchpoint = RuleCompiler.this.touchpoints.ref(contact.touchpoint()).orElse(null);
			if (touchpoint == null) {
				return CustomerCondition.none();
			}
			Set<Long> ids = contact.descendants() ? RuleCompiler.this.touchpoints.selfAndDescendantIds(touchpoint.id())
					: Set.of(touchpoint.id());
			Instant since = (contact.withinDays() != null) ? this.now.minus(Duration.ofDays(contact.withinDays()))
					: Instant.EPOCH;
			String p = param();
			Map<String, Object> params = new HashMap<>();
			params.put(p + "touchpoints", List.copyOf(ids));
			params.put(p + "since", Objects.requireNonNull(SqlTime.of(since)));
			return CustomerCondition.of(RuleCompiler.this.contacts.contactSinceCondition(CustomerCondition.CUSTOMER_ID,
					p + "touchpoints", p + "since"), params);
		}

		private static List<JsonNode> values(@Nullable JsonNode equalTo, @Nullable List<JsonNode> in) {
			if (RuleValues.given(equalTo)) {
				return List.of(equalTo);
			}
			return (in != null) ? in.stream().filter(RuleValues::given).toList() : List.of();
		}

		private static List<String> texts(List<JsonNode> values) {
			return values.stream().map(RuleValues::text).filter(Objects::nonNull).toList();
		}

	}

}
