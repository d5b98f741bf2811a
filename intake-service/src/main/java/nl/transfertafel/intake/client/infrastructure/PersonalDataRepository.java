package nl.transfertafel.intake.client.infrastructure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.intake.client.domain.ClientDetails;
import nl.transfertafel.intake.support.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The client's personal data, one row per referral, every column encrypted by
 * {@link PersonalDataCipher}. Callers write an audit row for every read (see AuditLog).
 */
public class PersonalDataRepository {

    // The look-ups, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String FIND = "select * from client_personal_data where referral_id = :id";
    public static final String FIND_ALL = "select * from client_personal_data where referral_id = any(:ids)";

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    public PersonalDataRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public Mono<Void> insert(UUID referralId, ClientDetails client) {
        var spec = db.sql("""
                        insert into client_personal_data (referral_id, bsn, name, date_of_birth, postcode, email, phone, language)
                        values (:id, :bsn, :name, :dateOfBirth, :postcode, :email, :phone, :language)""")
                .bind("id", referralId)
                .bind("bsn", seal(referralId, "bsn", client.bsn()))
                .bind("name", seal(referralId, "name", client.name()))
                .bind("dateOfBirth", seal(referralId, "date_of_birth", client.dateOfBirth().toString()))
                .bind("postcode", seal(referralId, "postcode", client.postcode()))
                .bind("language", seal(referralId, "language", client.language().name()));
        spec = Sql.bind(spec, "email", seal(referralId, "email", client.email()), String.class);
        spec = Sql.bind(spec, "phone", seal(referralId, "phone", client.phone()), String.class);
        return spec.then();
    }

    public Mono<ClientDetails> find(UUID referralId) {
        return db.sql(FIND)
                .bind("id", referralId)
                .map(row -> open(row.get("referral_id", UUID.class), row))
                .one();
    }

    public Mono<Map<UUID, ClientDetails>> findAll(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql(FIND_ALL)
                .bind("ids", referralIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("referral_id", UUID.class), open(row.get("referral_id", UUID.class), row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private ClientDetails open(UUID id, io.r2dbc.spi.Readable row) {
        return new ClientDetails(
                unseal(id, "bsn", row.get("bsn", String.class)),
                unseal(id, "name", row.get("name", String.class)),
                LocalDate.parse(unseal(id, "date_of_birth", row.get("date_of_birth", String.class))),
                unseal(id, "postcode", row.get("postcode", String.class)),
                unseal(id, "email", row.get("email", String.class)),
                unseal(id, "phone", row.get("phone", String.class)),
                ClientDetails.Language.valueOf(unseal(id, "language", row.get("language", String.class))));
    }

    private String seal(UUID id, String column, String value) {
        return cipher.encrypt(value, id + "/" + column);
    }

    private String unseal(UUID id, String column, String value) {
        return cipher.decrypt(value, id + "/" + column);
    }
}
