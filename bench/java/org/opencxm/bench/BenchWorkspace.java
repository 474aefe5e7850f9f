package org.opencxm.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.opencxm.journeys.BrandExperienceLevel;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.ContactType;
import org.opencxm.journeys.JourneyRequest;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.ApiTokens;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.org.OrgUnitRequest;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Staff;
import org.opencxm.org.StaffRequest;
import org.opencxm.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A workspace for the ingestion benchmarks: one company with ten stores and forty staff, a journey
 * of six stages with five touchpoints each, and a pool of 50,000 customer ids. Request bodies are
 * made deterministically from a seed.
 */
final class BenchWorkspace {

	static final int STORES = 10;

	static final int CUSTOMERS = 50_000;

	private final List<String> stores = new ArrayList<>();

	private final List<String> staff = new ArrayList<>();

	private final List<TouchpointRef> touchpoints = new ArrayList<>();

	private final Map<String, Long> unitIds;

	private final Instant base = Instant.parse("2026-01-01T00:00:00Z");

	private final JdbcClient jdbc;

	private List<Long> customerIds = List.of();

	private BenchWorkspace(Map<String, Long> unitIds, JdbcClient jdbc) {
		this.unitIds = unitIds;
		this.jdbc = jdbc;
	}

	static BenchWorkspace create(BenchServer server) {
		var context = server.context();
		OrgScope scope = context.getBean(OrgScope.class);
		return scope.asSystem(() -> {
			OrgUnits units = context.getBean(OrgUnits.class);
			Staff staffDirectory = context.getBean(Staff.class);
			Journeys journeys = context.getBean(Journeys.class);
			Touchpoints touchpointCatalog = context.getBean(Touchpoints.class);
			units.create(new OrgUnitRequest("bench", null, OrgUnitKind.COMPANY, text("基准公司", "Bench company"), null));
			List<String> storeCodes = new ArrayList<>();
			for (int s = 0; s < STORES; s++) {
				String code = "bench-store-" + s;
				units.create(new OrgUnitRequest(code, "bench", OrgUnitKind.STORE, text("门店 " + s, "Store " + s), null));
				storeCodes.add(code);
			}
			BenchWorkspace workspace = new BenchWorkspace(units.idsByCode(storeCodes),
					context.getBean(JdbcClient.class));
			workspace.stores.addAll(storeCodes);
			for (int p = 0; p < 40; p++) {
				String code = "bench-staff-" + p;
				staffDirectory.create(new StaffRequest(code, storeCodes.get(p % STORES), "员工 " + p, null, null, null,
						false, true));
				workspace.staff.add(code);
			}
			List<JourneyRequest.StageRequest> stages = new ArrayList<>();
			for (int st = 0; st < 6; st++) {
				stages.add(new JourneyRequest.StageRequest("s" + st, text("阶段 " + st, "Stage " + st), null));
			}
			journeys.create(new JourneyRequest("bench", text("基准旅程", "Bench journey"), null, stages, null));
			List<String> codes = new ArrayList<>();
			for (int st = 0; st < 6; st++) {
				for (int t = 0; t < 5; t++) {
					String code = "bench-tp-" + st + "-" + t;
					touchpointCatalog.create(new TouchpointRequest(code, "bench", "s" + st, null, null,
							text("触点 " + code, "Touchpoint " + code), null, ContactType.PERSONNEL, Channel.STORE,
							null, BrandExperienceLevel.SERVICE, 1.0, null, null, null));
					codes.add(code);
				}
			}
			workspace.touchpoints.addAll(touchpointCatalog.refsByCode(codes).values());
			workspace.touchpoints.sort(java.util.Comparator.comparing(TouchpointRef::code));
			long admin = workspace.jdbc.sql("select id from app_user where username = 'admin'")
				.query(Long.class)
				.single();
			server.token(context.getBean(ApiTokens.class).issueFor(admin, "bench", 1).token());
			return workspace;
		});
	}

	/** The JSON of a batch request of {@code size} interactions. */
	String batchJson(String prefix, int batch, int size) {
		SplittableRandom random = new SplittableRandom(31L * batch + prefix.hashCode());
		StringBuilder json = new StringBuilder(size * 220).append("{\"items\":[");
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				json.append(',');
			}
			item(json, prefix + "-" + batch + "-" + i, random);
		}
		return json.append("]}").toString();
	}

	/** The JSON of one interaction. */
	String singleJson(String prefix, int index) {
		StringBuilder json = new StringBuilder(256);
		item(json, prefix + "-" + index, new SplittableRandom(index * 7919L + prefix.hashCode()));
		return json.toString();
	}

	private void item(StringBuilder json, String eventId, SplittableRandom random) {
		TouchpointRef touchpoint = this.touchpoints.get(random.nextInt(this.touchpoints.size()));
		int store = random.nextInt(STORES);
		json.append("{\"eventId\":\"")
			.append(eventId)
			.append("\",\"customer\":\"bc-")
			.append(random.nextInt(CUSTOMERS))
			.append("\",\"touchpoint\":\"")
			.append(touchpoint.code())
			.append("\",\"unit\":\"")
			.append(this.stores.get(store))
			.append("\",\"staff\":\"")
			.append(this.staff.get(store + STORES * random.nextInt(4)))
			.append("\",\"occurredAt\":\"")
			.append(this.base.plusSeconds(random.nextInt(300 * 86_400)))
			.append("\",\"properties\":{\"waitMinutes\":")
			.append(random.nextInt(40))
			.append("}}");
	}

	/**
	 * The same kind of rows as {@link #batchJson} with every reference already resolved, for the
	 * plain JDBC yardstick.
	 */
	List<Object[]> jdbcRows(String prefix, int batch, int size) {
		if (this.customerIds.isEmpty()) {
			this.customerIds = this.jdbc.sql("select id from customer order by id").query(Long.class).list();
		}
		SplittableRandom random = new SplittableRandom(31L * batch + prefix.hashCode());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			TouchpointRef touchpoint = this.touchpoints.get(random.nextInt(this.touchpoints.size()));
			String store = this.stores.get(random.nextInt(STORES));
			rows.add(new Object[] { prefix + "-" + batch + "-" + i, "0".repeat(64),
					this.customerIds.get(random.nextInt(this.customerIds.size())), touchpoint.id(),
					touchpoint.journeyId(), touchpoint.stageId(), this.unitIds.get(store), null, "STORE",
					this.base.plusSeconds(random.nextInt(300 * 86_400)).atOffset(ZoneOffset.UTC), now,
					"{\"waitMinutes\":" + random.nextInt(40) + "}" });
		}
		return rows;
	}

	private static LocalizedText text(String zh, String en) {
		return new LocalizedText(zh, en);
	}

}
