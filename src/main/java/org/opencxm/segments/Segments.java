package org.opencxm.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerCondition;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments (target accounts). Definitions are company-wide: anyone may read them, CX
 * managers change them. Members and counts are evaluated live, each as one query, and
 * hold only the customers the caller may see. {@link #contains} and
 * {@link #membershipsOf} answer for any customer, whoever asks, for modules that hold a
 * customer id already (alert rules limited to segments, the customer profile).
 */
@Service
public class Segments {

	private static final String WHAT = "segment";

	/** How many segments {@link #membershipsOf} tests in one statement. */
	static final int TEST_CHUNK = 50;

	private final SegmentStore store;

	private final RuleChecks checks;

	private final RuleCompiler compiler;

	private final Customers customers;

	private final OrgScope scope;

	private final ObjectProvider<SegmentUses> uses;

	Segments(SegmentStore store, RuleChecks checks, RuleCompiler compiler, Customers customers, OrgScope scope,
			ObjectProvider<SegmentUses> uses) {
		this.store = store;
		this.uses = uses;
		this.checks = checks;
		this.compiler = compiler;
		this.customers = customers;
		this.scope = scope;
	}

	/** Every segment, in code order. */
	public PageResult<Segment> list(PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		return new PageResult<>(this.store.page(page.size(), page.offset()), page.page(), page.size(),
				this.store.count());
	}

	public Segment get(String code) {
		this.scope.requireRole(Role.VIEWER);
		return find(code);
	}

	/**
	 * Creates a segment. The same segment sent again answers with the stored one; other
	 * data under a code that is taken is a conflict.
	 */
	@Transactional
	public Created<Segment> create(SegmentRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		String code = request.code();
		SegmentRule rule = this.checks.read(request.rule(), "rule");
		Segment current = this.store.byCode(code).orElse(null);
		if (current == null) {
			// A concurrent create of the same code fails on the unique key (409); its
			// retry finds the stored segment.
			this.store.insert(code, request.name(), request.description(), rule);
			return new Created<>(find(code), true);
		}
		if (!same(current, request, rule)) {
			throw new ConflictException(WHAT + " " + code + " exists already with other values", current);
		}
		return new Created<>(current, false);
	}

	/**
	 * Creates the segment under this code or replaces its name and rule. Sending the same
	 * body again changes nothing.
	 */
	@Transactional
	public Created<Segment> put(String code, SegmentRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must be the code in the path, or left out");
		}
		SegmentRule rule = this.checks.read(request.rule(), "rule");
		Segment current = this.store.byCode(code).orElse(null);
		if (current == null) {
			this.store.insert(code, request.name(), request.description(), rule);
			return new Created<>(find(code), true);
		}
		if (!same(current, request, rule)) {
			this.store.update(code, request.name(), request.description(), rule);
			return new Created<>(find(code), false);
		}
		return new Created<>(current, false);
	}

	/**
	 * Deletes a segment that nothing uses.
	 * @throws SegmentInUseException naming what still uses it (alert rules limited to it,
	 * which would silently stop being limited)
	 */
	@Transactional
	public void delete(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		find(code);
		List<SegmentUse> using = usesOf(code);
		if (!using.isEmpty()) {
			throw new SegmentInUseException(code, using);
		}
		if (!this.store.delete(code)) {
			throw new NotFoundException(WHAT, code);
		}
	}

	/** How many of the customers the caller may see are in the segment now. */
	public SegmentCount count(String code) {
		this.scope.requireRole(Role.VIEWER);
		return new SegmentCount(this.customers.count(this.compiler.compile(find(code).rule(), "")));
	}

	/** The members the caller may see, in the order customers were created. */
	public PageResult<Customer> members(String code, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		return this.customers.search(this.compiler.compile(find(code).rule(), ""), page);
	}

	/**
	 * How many of the customers the caller may see a rule holds, without saving it (a
	 * live count while a rule is edited).
	 */
	public SegmentCount preview(@Nullable JsonNode rule) {
		this.scope.requireRole(Role.VIEWER);
		return new SegmentCount(this.customers.count(this.compiler.compile(this.checks.read(rule, "rule"), "")));
	}

	/**
	 * A page of the customers the caller may see that a rule holds, without saving it: a
	 * sample of the members while a rule is edited, the total being its live count.
	 */
	public PageResult<Customer> previewMembers(@Nullable JsonNode rule, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		return this.customers.search(this.compiler.compile(this.checks.read(rule, "rule"), ""), page);
	}

	/**
	 * Whether the customer is in the segment now, whoever asks.
	 * @throws NotFoundException if there is no segment with this code
	 */
	public boolean contains(String code, long customerId) {
		Segment segment = this.store.byCode(code).orElseThrow(() -> new NotFoundException(WHAT, code));
		return this.customers.test(customerId, List.of(this.compiler.compile(segment.rule(), ""))).get(0);
	}

	/** Whether the customer is in the segment with this id now, whoever asks. */
	public boolean contains(long segmentId, long customerId) {
		Segment segment = this.store.byId(segmentId).orElseThrow(() -> new NotFoundException(WHAT, segmentId));
		return this.customers.test(customerId, List.of(this.compiler.compile(segment.rule(), ""))).get(0);
	}

	/**
	 * The segments the customer is in now, in code order, whoever asks; a few statements
	 * whatever the number of segments.
	 */
	public List<SegmentRef> membershipsOf(long customerId) {
		List<Segment> all = this.store.all();
		List<SegmentRef> memberships = new ArrayList<>();
		for (int from = 0; from < all.size(); from += TEST_CHUNK) {
			List<Segment> chunk = all.subList(from, Math.min(all.size(), from + TEST_CHUNK));
			List<CustomerCondition> conditions = new ArrayList<>();
			for (int i = 0; i < chunk.size(); i++) {
				conditions.add(this.compiler.compile(chunk.get(i).rule(), "s" + i + "_"));
			}
			List<Boolean> met = this.customers.test(customerId, conditions);
			for (int i = 0; i < chunk.size(); i++) {
				if (met.get(i)) {
					memberships.add(chunk.get(i).ref());
				}
			}
		}
		return memberships;
	}

	/**
	 * The segments a customer the caller may see is in.
	 * @throws NotFoundException if there is no such customer or the caller may not see it
	 */
	public List<SegmentRef> membershipsOf(String externalId) {
		this.scope.requireRole(Role.VIEWER);
		CustomerRef customer = this.customers.refByExternalId(externalId)
			.orElseThrow(() -> new NotFoundException("customer", externalId));
		return membershipsOf(customer.id());
	}

	private List<SegmentUse> usesOf(String code) {
		return this.uses.orderedStream().flatMap((source) -> source.of(code).stream()).toList();
	}

	private Segment find(String code) {
		return this.store.byCode(code).orElseThrow(() -> new NotFoundException(WHAT, code));
	}

	private static boolean same(Segment current, SegmentRequest request, SegmentRule rule) {
		return current.name().equals(request.name()) && Objects.equals(current.description(), request.description())
				&& current.rule().equals(rule);
	}

}
