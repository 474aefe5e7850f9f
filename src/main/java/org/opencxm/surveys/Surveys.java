package org.opencxm.surveys;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.Codes;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey definitions. Any authenticated user reads them; CX managers write them. A draft
 * is changed in place; a change to a published survey adds a version, and responses keep
 * the version they answered.
 */
@Service
public class Surveys {

	private static final String WHAT = "survey";

	private final SurveyStore store;

	private final OrgScope scope;

	private final Clock clock;

	Surveys(SurveyStore store, OrgScope scope, Clock clock) {
		this.store = store;
		this.scope = scope;
		this.clock = clock;
	}

	public Survey get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException(WHAT, code));
	}

	public Optional<Survey> find(String code) {
		return this.store.byCode(code);
	}

	/** Surveys in code order, each with its current version. */
	public PageResult<Survey> list(PageRequest page) {
		return new PageResult<>(this.store.page(page.size(), page.offset()), page.page(), page.size(),
				this.store.count());
	}

	/**
	 * The questions of one version, as responses to it were asked.
	 */
	public SurveyDefinition version(String code, int version) {
		return this.store.version(code, version)
			.orElseThrow(() -> new NotFoundException("survey version", code + "/" + version))
			.definition();
	}

	/**
	 * The questions of one version, by the version's id (as responses and their
	 * evaluations name it); empty for a version that is not stored.
	 */
	public Optional<SurveyDefinition> definition(long versionId) {
		return this.store.findVersion(versionId).map(SurveyVersion::definition);
	}

	/**
	 * Creates a survey (a draft unless {@code publish}). The same survey sent again
	 * answers with the stored one; other content under a code that is taken is a
	 * conflict.
	 */
	@Transactional
	public Created<Survey> create(SurveyRequest request, boolean publish) {
		return create(request, publish, null);
	}

	@Transactional
	Created<Survey> create(SurveyRequest request, boolean publish, @Nullable String template) {
		this.scope.requireRole(Role.CX_MANAGER);
		String code = request.code();
		if (code == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		if (!code.matches(Codes.PATTERN)) {
			throw new InvalidInputException("code", Codes.MESSAGE);
		}
		SurveyDefinition definition = request.definition();
		SurveyChecks.check(definition);
		Optional<Survey> existing = find(code);
		if (existing.isPresent()) {
			Survey current = existing.get();
			if (current.definition().equals(definition) && (!publish || current.status() == SurveyStatus.PUBLISHED)) {
				return new Created<>(current, false);
			}
			throw new ConflictException(WHAT + " " + code + " exists already with other content", current);
		}
		this.store.insert(code, definition, template, publish, now());
		return new Created<>(get(code), true);
	}

	/**
	 * Creates the survey under this code or changes it: a draft is rewritten, a published
	 * survey gains a new published version (unless nothing changed).
	 */
	@Transactional
	public Created<Survey> put(String code, SurveyRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		SurveyDefinition definition = request.definition();
		SurveyChecks.check(definition);
		Optional<Survey> existing = find(code);
		if (existing.isEmpty()) {
			this.store.insert(code, definition, null, false, now());
			return new Created<>(get(code), true);
		}
		Survey current = existing.get();
		if (!current.definition().equals(definition)) {
			if (current.status() == SurveyStatus.DRAFT) {
				this.store.replaceDraft(current.versionId(), definition, current.id(), now());
			}
			else {
				this.store.addVersion(current.id(), current.version() + 1, definition, now(), now());
			}
		}
		return new Created<>(get(code), false);
	}

	/**
	 * Publishes a draft so that it takes answers. Publishing a published survey changes
	 * nothing.
	 */
	@Transactional
	public Survey publish(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		Survey current = get(code);
		if (current.status() == SurveyStatus.DRAFT) {
			this.store.publish(current.id(), current.versionId(), now());
		}
		return get(code);
	}

	/** The version answers are taken for now. */
	SurveyVersion current(String code) {
		return this.store.current(code).orElseThrow(() -> new NotFoundException(WHAT, code));
	}

	Optional<SurveyVersion> currentById(long surveyId) {
		return this.store.currentById(surveyId);
	}

	Optional<SurveyVersion> versionOf(String code, int version) {
		return this.store.version(code, version);
	}

	SurveyVersion version(long versionId) {
		return this.store.version(versionId);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
