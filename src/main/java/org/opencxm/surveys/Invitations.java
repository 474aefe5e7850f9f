package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads invitations, with the reason the contact rules gave for each one that was
 * suppressed or still waits. A scoped caller sees only invitations at units in its
 * subtree.
 */
@Service
public class Invitations {

	private final JdbcClient jdbc;

	private final InvitationStore store;

	private final Surveys surveys;

	private final Customers customers;

	private final OrgScope scope;

	Invitations(JdbcClient jdbc, InvitationStore store, Surveys surveys, Customers customers, OrgScope scope) {
		this.jdbc = jdbc;
		this.store = store;
		this.surveys = surveys;
		this.customers = customers;
		this.scope = scope;
	}

	public Invitation get(long id) {
		this.scope.requireRole(Role.VIEWER);
		return this.store.find(id)
			.filter((i) -> visible(i.unitId()))
			.orElseThrow(() -> new NotFoundException("invitation", id));
	}

	/** Invitations newest first, optionally of one survey, customer or status. */
	public PageResult<Invitation> list(@Nullable String survey, @Nullable String customer,
			@Nullable InvitationStatus status, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (survey != null) {
			where.append(" and i.survey_id = :survey");
			params.put("survey", this.surveys.get(survey).id());
		}
		if (customer != null) {
			where.append(" and i.customer_id = :customer");
			params.put("customer",
					this.customers.refByExternalId(customer)
						.orElseThrow(() -> new NotFoundException("customer", customer))
						.id());
		}
		if (status != null) {
			where.append(" and i.status = :status");
			params.put("status", status.name());
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			where.append(visible.ids().isEmpty() ? " and 1 = 0" : " and i.unit_id in (:units)");
			params.put("units", new ArrayList<>(visible.ids()));
		}
		long total = this.jdbc.sql("select count(*) from survey_invitation i" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Invitation> items = this.jdbc
			.sql(InvitationStore.SELECT + where + " order by i.created_at desc, i.id desc limit :limit offset :offset")
			.params(params)
			.query(InvitationStore::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private boolean visible(@Nullable Long unitId) {
		VisibleUnits visible = this.scope.visibleUnits();
		return visible.all() || visible.contains(unitId);
	}

}
