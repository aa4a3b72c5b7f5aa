package org.lancang.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lancang.data.DataFiles;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.reference.ReferenceData;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.maintenance.MaintenanceService;
import org.lancang.store.reference.ReferenceStore;
import org.lancang.store.sales.SalesService;
import org.lancang.store.sales.SimulatedPaymentProvider;
import org.lancang.store.sales.TimetableChangeNotices;
import org.lancang.store.timetable.TimetableService;
import org.lancang.store.users.PasswordHasher;
import org.lancang.store.users.UserService;
import org.lancang.ticketing.ChangeRemedies;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Planner;
import org.lancang.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lancang's running parts, wired once: the database (migrated), the reference data (loaded into an empty database,
 * then always read back from it), and the application services. The web server and the command line both use it.
 */
public final class Platform implements AutoCloseable {
    /** Committer threads for sales: one batch is prepared while another is in the database (see GroupCommit). */
    public static final int SALES_COMMITTERS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    public static final String FIRST_ADMIN = "admin";

    private final Database database;
    private final ReferenceData reference;
    private final UserService users;
    private final TimetableService timetable;
    private final GroupCommit commits;
    private final SalesService sales;
    private final MaintenanceService maintenance;
    private final TimetableChangeService changes;
    private final ScheduledExecutorService housekeeping;
    private final String generatedAdminPassword;

    private Platform(
            Database database,
            ReferenceData reference,
            UserService users,
            TimetableService timetable,
            GroupCommit commits,
            SalesService sales,
            MaintenanceService maintenance,
            TimetableChangeService changes,
            String generatedAdminPassword) {
        this.database = database;
        this.reference = reference;
        this.users = users;
        this.timetable = timetable;
        this.commits = commits;
        this.sales = sales;
        this.maintenance = maintenance;
        this.changes = changes;
        this.generatedAdminPassword = generatedAdminPassword;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lancang-hold-expiry");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::expireHolds, 30, 30, TimeUnit.SECONDS);
    }

    private void expireHolds() {
        try {
            int n = sales.expireHolds();
            if (n > 0) {
                LOG.info("released {} expired holds", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("releasing expired holds failed; will try again", e);
        }
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
            TimetableService timetable = new TimetableService(
                    database.jdbi(),
                    new Planner(reference.network(), reference.rollingStock(), BlockingRules.defaults()));
            UserService users = new UserService(database.jdbi(), new PasswordHasher(), clock);
            String adminPassword = null;
            if (users.isEmpty()) {
                adminPassword = users.generatePassword();
                users.add(FIRST_ADMIN, "Administrator", adminPassword, List.of(Role.ADMIN.name()));
            }
            GroupCommit commits = new GroupCommit(database.jdbi(), "sales", SALES_COMMITTERS);
            FareTable fares = FareTable.parse(
                    reference.network(),
                    referenceFiles.read(FareTable.FILE),
                    referenceFiles.read(FareTable.RATES_FILE));
            SalesService sales = new SalesService(
                    database.jdbi(),
                    commits,
                    timetable,
                    fares,
                    SalesWindow.defaults(),
                    RefundRules.defaults(),
                    new SimulatedPaymentProvider(),
                    clock,
                    SalesService.DEFAULT_HOLD);
            MaintenanceService maintenance = new MaintenanceService(
                    database.jdbi(), reference.network(), timetable, MaintenanceRules.defaults(), clock);
            TimetableChangeService changes = new TimetableChangeService(
                    database.jdbi(),
                    timetable,
                    new TimetableChangeNotices(database.jdbi()),
                    ChangeRemedies.defaults(),
                    clock);
            return new Platform(
                    database, reference, users, timetable, commits, sales, maintenance, changes, adminPassword);
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

    public SalesService sales() {
        return sales;
    }

    public MaintenanceService maintenance() {
        return maintenance;
    }

    /** Timetable changes: the one way the plan changes (drafts, publication, undo). */
    public TimetableChangeService changes() {
        return changes;
    }

    /** The first admin's password, only on the start that created it. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        commits.close();
        database.close();
    }
}
