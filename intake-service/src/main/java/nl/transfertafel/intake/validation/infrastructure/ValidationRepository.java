package nl.transfertafel.intake.validation.infrastructure;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.support.Sql;
import nl.transfertafel.intake.validation.domain.Answer;
import nl.transfertafel.intake.validation.domain.Question;
import nl.transfertafel.intake.validation.domain.RoundFigures;
import nl.transfertafel.intake.validation.domain.RoundScope;
import nl.transfertafel.intake.validation.domain.RoundStatus;
import nl.transfertafel.intake.validation.domain.ValidationRound;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Validation rounds and their questions; figures are counted in SQL, never by loading questions. */
public class ValidationRepository {

    /** The entries a round asks: still waiting, in the round's scope. */
    public static final String IN_SCOPE = """
            select referral_id, client_pseudonym, referrer_agb, provider_agb from waiting_entry
            where region = :region and stage in ('WAITING', 'INTAKE_DONE')
              and (cast(:provider as text) is null or provider_agb = :provider)
              and (cast(:diagnosisGroup as text) is null or diagnosis_group = :diagnosisGroup)
            order by registered_on, referral_id""";
    private static final String INSERT_ROUND = """
            insert into validation_round (id, region, provider_agb, diagnosis_group, started_by, started_by_org,
                started_at, deadline, reminder_until, status, waiting_before)
            values (:id, :region, :provider, :diagnosisGroup, :startedBy, :startedByOrg, :startedAt, :deadline,
                :reminderUntil, 'OPEN', :waitingBefore)""";
    private static final String INSERT_QUESTION = """
            insert into validation_question (id, round_id, referral_id, client_pseudonym, referrer_agb, provider_agb)
            values (:id, :round, :referral, :pseudonym, :referrer, :provider)""";
    private static final String QUESTION_COLUMNS = """
            q.id, q.round_id, q.referral_id, r.region, q.client_pseudonym, q.referrer_agb, q.provider_agb, q.answer,
            q.answered_via, q.answered_at, q.reminded_at, q.flagged_at, q.token_expires_at, q.token_used_at
            from validation_question q join validation_round r on r.id = q.round_id""";
    /** Figures per round, counted in one pass over its questions (and their entries' stage now). */
    private static final String FIGURES = """
            select r.id, r.region, r.provider_agb, r.diagnosis_group, r.started_at, r.deadline, r.status,
                   r.waiting_before, r.waiting_after,
                   count(q.id) as asked,
                   count(q.answer) as answered,
                   count(*) filter (where q.answer = 'STILL_WAITING') as still_waiting,
                   count(*) filter (where q.answer = 'NO_LONGER_NEEDED') as withdrawn,
                   count(*) filter (where q.answer in ('WAITING_AS_PRECAUTION', 'NO_TRANSFER_SCREENING')) as changed,
                   count(q.id) - count(q.answer) as no_answer,
                   count(distinct q.client_pseudonym) filter (where e.stage in ('WAITING', 'INTAKE_DONE'))
                       as still_listed
            from validation_round r
            left join validation_question q on q.round_id = r.id
            left join waiting_entry e on e.referral_id = q.referral_id
            """;

    private final DatabaseClient db;

    public ValidationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A waiting entry a round asks about. */
    public record Candidate(UUID referralId, String clientPseudonym, String referrerAgb, String providerAgb) {
    }

    public Flux<Candidate> inScope(RoundScope scope) {
        GenericExecuteSpec spec = db.sql(IN_SCOPE).bind("region", scope.region());
        spec = Sql.bind(spec, "provider", scope.providerAgb(), String.class);
        spec = Sql.bindName(spec, "diagnosisGroup", scope.diagnosisGroup());
        return spec.map(row -> new Candidate(row.get("referral_id", UUID.class), row.get("client_pseudonym", String.class),
                row.get("referrer_agb", String.class), row.get("provider_agb", String.class))).all();
    }

    public Mono<Void> insertRound(ValidationRound round) {
        GenericExecuteSpec spec = db.sql(INSERT_ROUND)
                .bind("id", round.id())
                .bind("region", round.scope().region())
                .bind("startedBy", round.startedBy())
                .bind("startedByOrg", round.startedByOrganisation())
                .bind("startedAt", at(round.startedAt()))
                .bind("deadline", at(round.deadline()))
                .bind("reminderUntil", at(round.reminderUntil()))
                .bind("waitingBefore", round.waitingBefore());
        spec = Sql.bind(spec, "provider", round.scope().providerAgb(), String.class);
        spec = Sql.bindName(spec, "diagnosisGroup", round.scope().diagnosisGroup());
        return spec.then();
    }

    public Mono<Void> insertQuestion(UUID id, UUID roundId, Candidate candidate) {
        GenericExecuteSpec spec = db.sql(INSERT_QUESTION)
                .bind("id", id)
                .bind("round", roundId)
                .bind("referral", candidate.referralId())
                .bind("pseudonym", candidate.clientPseudonym())
                .bind("referrer", candidate.referrerAgb());
        return Sql.bind(spec, "provider", candidate.providerAgb(), String.class).then();
    }

    public Mono<ValidationRound> round(UUID id) {
        return db.sql("select * from validation_round where id = :id").bind("id", id)
                .map(ValidationRepository::toRound).one();
    }

    /** Rounds whose deadline or reminder period has passed and that are not closed yet. */
    public Flux<ValidationRound> due(Instant now) {
        return db.sql("""
                        select * from validation_round
                        where (status = 'OPEN' and deadline <= :now) or (status = 'REMINDED' and reminder_until <= :now)
                        order by deadline, id""")
                .bind("now", at(now))
                .map(ValidationRepository::toRound).all();
    }

    /** Locks the round's row for a status change; empty when it is not in {@code status} any more. */
    public Mono<ValidationRound> lockIn(UUID id, RoundStatus status) {
        return db.sql("select * from validation_round where id = :id and status = :status for update")
                .bind("id", id).bind("status", status.name())
                .map(ValidationRepository::toRound).one();
    }

    public Mono<Void> markReminded(UUID roundId, Instant now) {
        return db.sql("update validation_round set status = 'REMINDED', reminded_at = :now where id = :id")
                .bind("id", roundId).bind("now", at(now)).then();
    }

    /** Closes the round, keeping "the list after" as it is now. */
    public Mono<Void> close(UUID roundId, Instant now) {
        return db.sql("""
                        update validation_round set status = 'CLOSED', closed_at = :now,
                            waiting_after = (select count(distinct q.client_pseudonym) from validation_question q
                                             join waiting_entry e on e.referral_id = q.referral_id
                                             where q.round_id = :id and e.stage in ('WAITING', 'INTAKE_DONE'))
                        where id = :id""")
                .bind("id", roundId).bind("now", at(now)).then();
    }

    public Flux<Question> unansweredNotReminded(UUID roundId) {
        return questions("where q.round_id = :round and q.answer is null and q.reminded_at is null order by q.id", roundId);
    }

    public Flux<Question> unansweredNotFlagged(UUID roundId) {
        // only entries still on a list: a client who left meanwhile is not flagged
        return questions("where q.round_id = :round and q.answer is null and q.flagged_at is null and exists ("
                + "select 1 from waiting_entry e where e.referral_id = q.referral_id"
                + " and e.stage in ('WAITING', 'INTAKE_DONE')) order by q.id", roundId);
    }

    private Flux<Question> questions(String where, UUID roundId) {
        return db.sql("select " + QUESTION_COLUMNS + " " + where).bind("round", roundId)
                .map(ValidationRepository::toQuestion).all();
    }

    public Mono<Void> markReminded(List<UUID> questionIds, Instant now) {
        return db.sql("update validation_question set reminded_at = :now where id = any(:ids)")
                .bind("ids", questionIds.toArray(UUID[]::new)).bind("now", at(now)).then();
    }

    public Mono<Void> markFlagged(UUID questionId, Instant now) {
        return db.sql("update validation_question set flagged_at = :now where id = :id")
                .bind("id", questionId).bind("now", at(now)).then();
    }

    public Mono<Question> question(UUID id) {
        return db.sql("select " + QUESTION_COLUMNS + " where q.id = :id").bind("id", id)
                .map(ValidationRepository::toQuestion).one();
    }

    /** The question for an answer, locked against a second answer at the same time. */
    public Mono<Question> questionForUpdate(UUID id) {
        return db.sql("select " + QUESTION_COLUMNS + " where q.id = :id for update of q").bind("id", id)
                .map(ValidationRepository::toQuestion).one();
    }

    public Mono<Question> byTokenHash(byte[] hash) {
        return db.sql("select " + QUESTION_COLUMNS + " where q.token_hash = :hash").bind("hash", ByteBuffer.wrap(hash))
                .map(ValidationRepository::toQuestion).one();
    }

    public Mono<Question> byTokenHashForUpdate(byte[] hash) {
        return db.sql("select " + QUESTION_COLUMNS + " where q.token_hash = :hash for update of q")
                .bind("hash", ByteBuffer.wrap(hash))
                .map(ValidationRepository::toQuestion).one();
    }

    /** A new link for the question replaces the previous one (its hash is overwritten). */
    public Mono<Void> storeToken(UUID questionId, byte[] hash, Instant expiresAt) {
        return db.sql("""
                        update validation_question set token_hash = :hash, token_expires_at = :expires, token_used_at = null
                        where id = :id""")
                .bind("id", questionId).bind("hash", ByteBuffer.wrap(hash)).bind("expires", at(expiresAt)).then();
    }

    /** Records the answer once: emits false when the question was answered already. */
    public Mono<Boolean> recordAnswer(UUID questionId, Answer answer, Question.Channel via, Instant now,
            String outcome) {
        GenericExecuteSpec spec = db.sql("""
                        update validation_question set answer = :answer, answered_via = :via, answered_at = :now,
                            outcome = :outcome, token_used_at = coalesce(:usedAt, token_used_at)
                        where id = :id and answer is null""")
                .bind("id", questionId).bind("answer", answer.name()).bind("via", via.name()).bind("now", at(now))
                .bind("outcome", outcome);
        spec = Sql.bind(spec, "usedAt", via == Question.Channel.LINK ? at(now) : null, OffsetDateTime.class);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The client-support organisation the client of a referral named (empty: none). */
    public Mono<String> supportOrganisationOf(UUID referralId) {
        return db.sql("select client_support_organisation from referral where id = :id").bind("id", referralId)
                .map(row -> java.util.Optional.ofNullable(row.get("client_support_organisation", String.class)))
                .one().flatMap(found -> found.map(Mono::just).orElseGet(Mono::empty));
    }

    /** The client no longer accepts transfer screening: the referral's consent, as registered with it. */
    public Mono<Void> withdrawScreeningConsent(UUID referralId) {
        return db.sql("update referral set screening_consent = false where id = :id").bind("id", referralId).then();
    }

    /** The open question (newest round) of each of these referrals, for the GP's worklist and the provider's list. */
    public Flux<Question> openQuestionsOf(List<UUID> referralIds) {
        return db.sql("select distinct on (q.referral_id) " + QUESTION_COLUMNS
                        + " where q.referral_id = any(:ids) and (q.answer is null) order by q.referral_id, r.started_at desc")
                .bind("ids", referralIds.toArray(UUID[]::new))
                .map(ValidationRepository::toQuestion).all();
    }

    public Mono<RoundFigures> figures(UUID roundId) {
        return db.sql(FIGURES + " where r.id = :id group by r.id").bind("id", roundId)
                .map(ValidationRepository::toFigures).one();
    }

    /** A region's newest rounds (all of them, or only those of one provider's list), newest first. */
    public Flux<RoundFigures> newest(String region, String providerAgb, int limit) {
        GenericExecuteSpec spec = db.sql(FIGURES + """
                         where (cast(:region as text) is null or r.region = :region)
                           and (cast(:provider as text) is null or r.provider_agb = :provider)
                        group by r.id order by r.started_at desc, r.id limit :limit""")
                .bind("limit", limit);
        spec = Sql.bind(spec, "region", region, String.class);
        spec = Sql.bind(spec, "provider", providerAgb, String.class);
        return spec.map(ValidationRepository::toFigures).all();
    }

    private static RoundFigures toFigures(Readable row) {
        RoundStatus status = Sql.enumOf(row, "status", RoundStatus.class);
        Long storedAfter = row.get("waiting_after", Long.class);
        long after = status == RoundStatus.CLOSED && storedAfter != null ? storedAfter : count(row, "still_listed");
        return new RoundFigures(row.get("id", UUID.class),
                new RoundFigures.Scope(row.get("region", String.class), row.get("provider_agb", String.class),
                        Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class)),
                instant(row, "started_at"), instant(row, "deadline"), status,
                count(row, "asked"), count(row, "answered"), count(row, "still_waiting"), count(row, "withdrawn"),
                count(row, "changed"), count(row, "no_answer"), count(row, "waiting_before"), after);
    }

    private static ValidationRound toRound(Readable row) {
        return new ValidationRound(row.get("id", UUID.class),
                new RoundScope(row.get("region", String.class), row.get("provider_agb", String.class),
                        Sql.enumOf(row, "diagnosis_group", DiagnosisGroup.class)),
                row.get("started_by", String.class), row.get("started_by_org", String.class),
                instant(row, "started_at"), instant(row, "deadline"), instant(row, "reminder_until"),
                Sql.enumOf(row, "status", RoundStatus.class), count(row, "waiting_before"));
    }

    private static Question toQuestion(Readable row) {
        return new Question(row.get("id", UUID.class), row.get("round_id", UUID.class), row.get("referral_id", UUID.class),
                row.get("region", String.class), row.get("client_pseudonym", String.class),
                row.get("referrer_agb", String.class), row.get("provider_agb", String.class),
                Sql.enumOf(row, "answer", Answer.class), Sql.enumOf(row, "answered_via", Question.Channel.class),
                instant(row, "answered_at"), instant(row, "reminded_at"), instant(row, "flagged_at"),
                instant(row, "token_expires_at"), instant(row, "token_used_at"));
    }

    private static long count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
