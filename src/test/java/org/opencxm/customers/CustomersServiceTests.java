package org.opencxm.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

}
