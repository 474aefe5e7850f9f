package org.opencxm.surveys;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes responses to a stream as CSV (one row a response, one column an answer) or as a
 * JSON array, reading them with a database cursor (a fetch size, in a read-only
 * transaction so that PostgreSQL really streams) so that a million responses never sit in
 * memory at once.
 */
@Component
class ResponseExport {

	private static final int FETCH_SIZE = 1000;

	private static final String SELECT = "select " + ResponseStore.COLUMNS + """
			, c.external_id as customer_code, t.code as touchpoint_code, u.code as unit_code, f.code as staff_code,
			a.question_code, a.question_type, a.score, a.score2, a.scale_min, a.scale_max, a.sem_module, a.axis,
			a.attribute, a.choices, a.text_value
			""" + ResponseStore.FROM + """
			left join customer c on c.id = r.customer_id
			left join touchpoint t on t.id = r.touchpoint_id
			left join org_unit u on u.id = r.unit_id
			left join staff f on f.id = r.staff_id
			left join survey_answer a on a.response_id = r.id
			""";

	private static final List<String> HEAD = List.of("response_id", "survey", "version", "submitted_at", "language",
			"source", "customer", "touchpoint", "unit", "staff", "channel", "interaction_id", "invitation_id");

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	ResponseExport(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(FETCH_SIZE);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
		this.json = json;
	}

	/** The CSV columns of a survey's answers: the union over all its versions. */
	List<String> columns(long surveyId, JsonMapper mapper) {
		Set<String> columns = new LinkedHashSet<>();
		this.jdbc.sql("select definition from survey_version where survey_id = :id order by version desc")
			.param("id", surveyId)
			.query(String.class)
			.list()
			.forEach((text) -> mapper.readValue(text, SurveyDefinition.class).questions().forEach((q) -> {
				if (q instanceof Question.ExpectationPerception) {
					columns.add(q.code() + ".expectation");
					columns.add(q.code() + ".perception");
				}
				else {
					columns.add(q.code());
				}
			}));
		return new ArrayList<>(columns);
	}

	void csv(Responses.Where where, long surveyId, OutputStream out) {
		List<String> columns = columns(surveyId, this.json);
		Writer writer = writer(out);
		List<String> header = new ArrayList<>(HEAD);
		header.addAll(columns);
		line(writer, header);
		stream(where, (row, answers) -> {
			List<String> cells = new ArrayList<>(head(row));
			Map<String, String> values = new LinkedHashMap<>();
			for (Answer answer : answers) {
				switch (answer) {
					case Answer.Score score -> values.put(score.questionCode(), String.valueOf(score.value()));
					case Answer.Gap gap -> {
						values.put(gap.questionCode() + ".expectation", String.valueOf(gap.expectation()));
						values.put(gap.questionCode() + ".perception", String.valueOf(gap.perception()));
					}
					case Answer.Choice choice -> values.put(choice.questionCode(), String.join("|", choice.options()));
					case Answer.Text text -> values.put(text.questionCode(), text.text());
				}
			}
			columns.forEach((column) -> cells.add(values.getOrDefault(column, "")));
			line(writer, cells);
		});
		flush(writer);
	}

	void json(Responses.Where where, OutputStream out) {
		Writer writer = writer(out);
		boolean[] first = { true };
		write(writer, "[");
		stream(where, (row, answers) -> {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("id", row.head().id());
			item.put("survey", row.head().surveyCode());
			item.put("version", row.head().version());
			item.put("submittedAt", row.head().submittedAt());
			item.put("language", row.head().language());
			item.put("source", row.head().source());
			item.put("customer", row.customer());
			item.put("touchpoint", row.touchpoint());
			item.put("unit", row.unit());
			item.put("staff", row.staff());
			item.put("channel", row.head().channel());
			item.put("interactionId", row.head().interactionId());
			item.put("invitationId", row.head().invitationId());
			item.put("answers", answers);
			write(writer, (first[0] ? "\n" : ",\n") + this.json.writeValueAsString(item));
			first[0] = false;
		});
		write(writer, "\n]\n");
		flush(writer);
	}

	record Row(ResponseStore.Head head, @Nullable String customer, @Nullable String touchpoint, @Nullable String unit,
			@Nullable String staff) {

	}

	interface Sink {

		void accept(Row row, List<Answer> answers);

	}

	private void stream(Responses.Where where, Sink sink) {
		this.transactions.executeWithoutResult((status) -> {
			Grouping grouping = new Grouping(sink);
			this.template.query(SELECT + where.sql() + " order by r.id, a.position", grouping, where.args());
			grouping.flush();
		});
	}

	/** Gathers the answer rows of one response (they arrive together) and hands it on. */
	private static final class Grouping implements RowCallbackHandler {

		private final Sink sink;

		private @Nullable Row row;

		private final List<Answer> answers = new ArrayList<>();

		Grouping(Sink sink) {
			this.sink = sink;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long id = rs.getLong("id");
			if (this.row == null || this.row.head().id() != id) {
				flush();
				this.row = new Row(ResponseStore.head(rs, 0), rs.getString("customer_code"),
						rs.getString("touchpoint_code"), rs.getString("unit_code"), rs.getString("staff_code"));
			}
			if (rs.getString("question_code") != null) {
				this.answers.add(ResponseStore.answer(rs));
			}
		}

		void flush() {
			if (this.row != null) {
				this.sink.accept(this.row, List.copyOf(this.answers));
			}
			this.row = null;
			this.answers.clear();
		}

	}

	private static List<String> head(Row row) {
		ResponseStore.Head head = row.head();
		return List.of(String.valueOf(head.id()), head.surveyCode(), String.valueOf(head.version()),
				String.valueOf(head.submittedAt()), head.language().tag(), head.source().name(), text(row.customer()),
				text(row.touchpoint()), text(row.unit()), text(row.staff()),
				(head.channel() != null) ? head.channel().name() : "", text(head.interactionId()),
				text(head.invitationId()));
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static Writer writer(OutputStream out) {
		return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
	}

	private static void line(Writer writer, List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells.get(i)));
		}
		write(writer, line.append("\r\n").toString());
	}

	/**
	 * Quotes a cell where CSV needs it, and defuses text a spreadsheet would run as a
	 * formula.
	 */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+"))
				? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	private static void write(Writer writer, String text) {
		try {
			writer.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void flush(Writer writer) {
		try {
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
