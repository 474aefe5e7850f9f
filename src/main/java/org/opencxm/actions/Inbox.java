package org.opencxm.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SqlTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's in-app inbox. A message to a user with an e-mail address is also queued for
 * e-mail when mail is configured ({@code spring.mail.host}); the mail outbox sends it.
 */
@Service
public class Inbox {

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	Inbox(JdbcClient jdbc, OrgScope scope, ObjectProvider<JavaMailSender> mail, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * The caller's messages, newest first; only the unread ones with {@code unreadOnly}.
	 */
	public PageResult<InboxMessage> list(boolean unreadOnly, PageRequest page) {
		this.scope.requireRole(Role.VIEWER);
		long user = this.scope.caller().userId();
		String where = " where user_id = :user" + (unreadOnly ? " and read_at is null" : "");
		long total = this.jdbc.sql("select count(*) from inbox_message" + where)
			.param("user", user)
			.query(Long.class)
			.single();
		List<InboxMessage> items = this.jdbc
			.sql("select * from inbox_message" + where + " order by id desc limit :limit offset :offset")
			.param("user", user)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Inbox::map)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Marks one of the caller's messages read (again: no change). */
	@Transactional
	public InboxMessage markRead(long id) {
		this.scope.requireRole(Role.VIEWER);
		long user = this.scope.caller().userId();
		this.jdbc.sql("update inbox_message set read_at = :now where id = :id and user_id = :user and read_at is null")
			.param("now", SqlTime.of(this.clock.instant()))
			.param("id", id)
			.param("user", user)
			.update();
		return this.jdbc.sql("select * from inbox_message where id = :id and user_id = :user")
			.param("id", id)
			.param("user", user)
			.query(Inbox::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("inbox message", id));
	}

	@Transactional
	public int markAllRead() {
		this.scope.requireRole(Role.VIEWER);
		return this.jdbc.sql("update inbox_message set read_at = :now where user_id = :user and read_at is null")
			.param("now", SqlTime.of(this.clock.instant()))
			.param("user", this.scope.caller().userId())
			.update();
	}

	void deliver(People.User user, @Nullable Long caseId, String kind, String subject, String body) {
		Instant now = this.clock.instant();
		boolean email = user.email() != null && this.mail.getIfUnique() != null;
		this.jdbc
			.sql("""
					insert into inbox_message (user_id, case_id, kind, subject, body, created_at, email_status, email_next_at)
					values (:user, :case, :kind, :subject, :body, :now, :status, :next)
					""")
			.param("user", user.id())
			.param("case", caseId)
			.param("kind", kind)
			.param("subject", (subject.length() > 300) ? subject.substring(0, 300) : subject)
			.param("body", body)
			.param("now", SqlTime.of(now))
			.param("status", email ? "PENDING" : "NONE")
			.param("next", email ? SqlTime.of(now) : null)
			.update();
	}

	private static InboxMessage map(ResultSet rs, int row) throws SQLException {
		long caseId = rs.getLong("case_id");
		return new InboxMessage(rs.getLong("id"), rs.wasNull() ? null : caseId, rs.getString("kind"),
				rs.getString("subject"), rs.getString("body"), SqlTime.requiredInstant(rs, "created_at"),
				SqlTime.instant(rs, "read_at"), rs.getString("email_status"));
	}

}
