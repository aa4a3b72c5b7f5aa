package org.lancang.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.lancang.data.DataFiles;
import org.lancang.data.ReferenceData;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ReferenceStore;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Planner;
import org.lancang.store.users.PasswordHasher;
import org.lancang.store.users.UserService;
import org.lancang.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lancang's running parts, wired once: the database (migrated), the reference data (loaded into an empty database,
 * then always read back from it), and the application services. The web server and the command line both use it.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    public static final String FIRST_ADMIN = "admin";

    private final Database database;
    private final ReferenceData reference;
    private final UserService users;
    private final TimetableService timetable;
    private final String generatedAdminPassword;

    private Platform(Database database, ReferenceData reference, UserService users, TimetableService timetable,
                     String generatedAdminPassword) {
        this.database = database;
        this.reference = reference;
        this.users = users;
        this.timetable = timetable;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Starts the database, loads {@code referenceFiles} if the database holds no network yet, and creates the first
     * admin with a generated password if there are no users.
     */
    public static Platform start(DatabaseConfig config, DataFiles referenceFiles, Clock clock) {
        Database database = Database.start(config);
        try {
            ReferenceStore referenceStore = new ReferenceStore(database.jdbi());
            if (referenceStore.isEmpty()) {
                referenceStore.save(ReferenceData.parse(referenceFiles));
                LOG.info("reference network and rolling stock loaded into the empty database");
            }
            ReferenceData reference = referenceStore.load();
            TimetableService.loadIfEmpty(database.jdbi(), referenceFiles);
            TimetableService timetable = new TimetableService(database.jdbi(),
                    new Planner(reference.network(), reference.rollingStock(), BlockingRules.defaults()));
            UserService users = new UserService(database.jdbi(), new PasswordHasher(), clock);
            String adminPassword = null;
            if (users.isEmpty()) {
                adminPassword = users.generatePassword();
                users.add(FIRST_ADMIN, "Administrator", adminPassword, List.of(Role.ADMIN.name()));
            }
            return new Platform(database, reference, users, timetable, adminPassword);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public ReferenceData reference() {
        return reference;
    }

    public UserService users() {
        return users;
    }

    public TimetableService timetable() {
        return timetable;
    }

    /** The first admin's password, only on the start that created it. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    @Override
    public void close() {
        database.close();
    }
}
