package org.opencxm.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencxm.customers.CustomerFixtures.customer;
import static org.opencxm.customers.CustomerFixtures.tree;

/**
 * The lookups other modules call, outside any request (as event listeners do).
 */
@ApplicationTest
class CustomersServiceTests {

	@Autowired
	Api api;

	@Autowired
	Customers customers;

	@Autowired
	OrgUnits units;

	@Autowired
	OrgScope scope;

	@Test
	void resolvesKnownIdsAndCreatesBareProfilesForTheRest() {
		String company = tree(this.api);
		long west = this.units.get(company + "-west").id();
		String known = Api.unique("c");
		var body = customer(known, company + "-east");
		body.put("valueTier", "VIP");
		body.put("birthYear", 1985);
		this.api.admin().put("/api/v1/customers/" + known, body).expect(201);
		List<String> ids = new ArrayList<>(List.of(known, known));
		for (int i = 0; i < 999; i++) {
			ids.add(Api.unique("bulk"));
		}

		Map<String, CustomerRef> refs = this.customers.resolveOrCreate(ids, west);
		assertThat(refs).hasSize(1000);
		CustomerRef knownRef = refs.get(known);
		assertThat(knownRef.valueTier()).isEqualTo(ValueTier.VIP);
		assertThat(knownRef.birthYear()).isEqualTo(1985);
		assertThat(knownRef.homeUnitId()).isNotEqualTo(west);
		CustomerRef bare = refs.get(ids.get(2));
		assertThat(bare.homeUnitId()).isEqualTo(west);
		assertThat(bare.language()).isEqualTo(LanguageTag.ZH_CN);
		assertThat(bare.lifecycleClass()).isNull();

		Map<String, CustomerRef> again = this.customers.resolveOrCreate(ids, null);
		assertThat(again).isEqualTo(refs);
		assertThat(this.customers.ref(bare.id())).contains(bare);
		assertThat(this.customers.refByExternalId(bare.externalId())).contains(bare);
		assertThat(this.customers.find(bare.externalId())).hasValueSatisfying((customer) -> {
			assertThat(customer.homeUnitCode()).isEqualTo(company + "-west");
			assertThat(customer.ageBand()).isEqualTo(AgeBand.UNKNOWN);
		});
	}

	@Test
	void refusesMalformedExternalIdsByPosition() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.customers.resolveOrCreate(List.of(Api.unique("ok"), "not ok"), null))
			.satisfies((ex) -> assertThat(ex.violations().get(0).index()).isEqualTo(1));
	}

	@Test
	void answersTheCurrentConsentOfEveryChannel() {
		String id = Api.unique("c");
		var body = customer(id, null);
		body.put("consents", Map.of("EMAIL", Map.of("granted", true, "source", "web form"), "SMS",
				Map.of("granted", false, "source", "web form")));
		long customerId = this.api.admin().put("/api/v1/customers/" + id, body).expect(201).json().get("id").asLong();
		assertThat(this.customers.consents(customerId)).containsExactlyInAnyOrderEntriesOf(Map.of(ConsentChannel.EMAIL,
				true, ConsentChannel.SMS, false, ConsentChannel.WECHAT, false, ConsentChannel.PHONE, false));
		assertThat(this.customers.consenting(List.of(customerId), ConsentChannel.EMAIL)).containsExactly(customerId);
		assertThat(this.customers.consenting(List.of(customerId), ConsentChannel.SMS)).isEmpty();
	}

	@Test
	void putsABatchOfNewAndKnownCustomersAtOnce() {
		String company = tree(this.api);
		String known = Api.unique("c");
		this.api.admin().put("/api/v1/customers/" + known, customer(known, company + "-east")).expect(201);
		String fresh = Api.unique("c");
		Instant at = Instant.parse("2026-01-05T08:00:00Z");
		List<CustomerRequest> batch = List.of(
				new CustomerRequest(known, "李雷", null, null, null, 1980, Map.of("floorArea", AttributeValue.of(120.5)),
						null, ValueTier.HIGH, company + "-east", null),
				new CustomerRequest(fresh, "韩梅梅", "13800138000", "Han.Meimei@example.com", LanguageTag.EN, 1990,
						Map.of("building", AttributeValue.of("T3"), "moveInDate",
								AttributeValue.of(LocalDate.of(2026, 5, 1))),
						null, ValueTier.VIP, company + "-west",
						Map.of(ConsentChannel.EMAIL, new ConsentRequest(true, " web form ", at), ConsentChannel.SMS,
								new ConsentRequest(false, "web form", null))));

		assertThat(this.scope.asSystem(() -> this.customers.putAll(batch))).isEqualTo(1);
		Customer replaced = this.customers.find(known).orElseThrow();
		assertThat(replaced.name()).isEqualTo("李雷");
		assertThat(replaced.valueTier()).isEqualTo(ValueTier.HIGH);
		assertThat(replaced.attributes()).containsEntry("floorArea", AttributeValue.of(120.5));
		Customer added = this.customers.find(fresh).orElseThrow();
		assertThat(added.language()).isEqualTo(LanguageTag.EN);
		assertThat(added.homeUnitCode()).isEqualTo(company + "-west");
		assertThat(added.attributes()).containsOnlyKeys("building", "moveInDate");
		assertThat(added.consents().get(ConsentChannel.EMAIL)).satisfies((consent) -> {
			assertThat(consent.granted()).isTrue();
			assertThat(consent.at()).isEqualTo(at);
			assertThat(consent.source()).isEqualTo("web form");
			assertThat(consent.recordedBy()).isEqualTo("system");
		});
		assertThat(added.consents().get(ConsentChannel.SMS).granted()).isFalse();
		assertThat(this.scope.asSystem(() -> this.customers.consentHistory(fresh, null))).hasSize(2);

		assertThat(this.scope.asSystem(() -> this.customers.putAll(batch))).isZero();
		assertThat(this.customers.find(fresh).orElseThrow()).isEqualTo(added);
		assertThat(this.scope.asSystem(() -> this.customers.consentHistory(fresh, null))).hasSize(2);
	}

	@Test
	void refusesAWholeBatchWhenOneRequestIsBad() {
		String company = tree(this.api);
		String good = Api.unique("c");
		String bad = Api.unique("c");
		List<CustomerRequest> batch = List.of(customerRequest(good, company + "-east"),
				customerRequest(bad, "no-such-unit"), customerRequest(good, company + "-west"));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.scope.asSystem(() -> this.customers.putAll(batch)))
			.satisfies((ex) -> assertThat(ex.violations()).extracting("index", "field")
				.containsExactly(tuple(1, "homeUnitCode"), tuple(2, "externalId")));
		assertThat(this.customers.find(good)).isEmpty();
		assertThat(this.customers.find(bad)).isEmpty();
	}

	private static CustomerRequest customerRequest(String externalId, String homeUnitCode) {
		return new CustomerRequest(externalId, "王芳", null, null, null, null, null, null, null, homeUnitCode, null);
	}

}
