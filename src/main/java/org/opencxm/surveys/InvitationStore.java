package org.opencxm.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.opencxm.journeys.Channel;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of invitations.
 */
@Repository
class InvitationStore {

	static final String SELECT = "select * from survey_invitation i";

	private final JdbcClient jdbc;

	InvitationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Invitation> find(long id) {
		return this.jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(InvitationStore::map).optional();
	}

	Optional<Invitation> byTokenHash(String hash) {
		return this.jdbc.sql(SELECT + " where i.token_hash = :hash")
			.param("hash", hash)
			.query(InvitationStore::map)
			.optional();
	}

	Optional<Invitation> byReference(String reference) {
		return this.jdbc.sql(SELECT + " where i.reference = :reference")
			.param("reference", reference)
			.query(InvitationStore::map)
			.optional();
	}

	static Invitation map(ResultSet rs, int row) throws SQLException {
		String contactChannel = rs.getString("contact_channel");
		String channel = rs.getString("channel");
		return new Invitation(rs.getLong("id"), rs.getLong("survey_id"), ResponseStore.nullableLong(rs, "trigger_id"),
				rs.getLong("customer_id"), ResponseStore.nullableLong(rs, "interaction_id"),
				ResponseStore.nullableLong(rs, "touchpoint_id"), ResponseStore.nullableLong(rs, "stage_id"),
				ResponseStore.nullableLong(rs, "unit_id"), ResponseStore.nullableLong(rs, "staff_id"),
				(contactChannel != null) ? Channel.valueOf(contactChannel) : null,
				(channel != null) ? InvitationChannel.valueOf(channel) : null, LanguageTag.of(rs.getString("language")),
				InvitationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				SqlTime.requiredInstant(rs, "due_at"), rs.getInt("expiry_hours"), SqlTime.instant(rs, "expires_at"),
				SqlTime.instant(rs, "sent_at"), SqlTime.instant(rs, "answered_at"), rs.getInt("attempts"),
				rs.getString("delivery"), SqlTime.requiredInstant(rs, "created_at"), rs.getString("reference"));
	}

}
