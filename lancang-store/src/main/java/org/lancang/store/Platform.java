package org.lancang.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lancang.customs.CustomsRules;
import org.lancang.data.DataFiles;
import org.lancang.dispatch.CpSatMeetSolver;
import org.lancang.freight.FreightData;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.SkylightFile;
import org.lancang.money.Currencies;
import org.lancang.network.Joins;
import org.lancang.network.NameFolding;
import org.lancang.network.NetworkParser;
import org.lancang.operations.ConflictForecast;
import org.lancang.operations.DispatchRules;
import org.lancang.reference.ReferenceData;
import org.lancang.store.changes.NetworkChanges;
import org.lancang.store.changes.RoadLimits;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.customs.CustomsService;
import org.lancang.store.customs.NetworkCustoms;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.db.GroupCommit;
import org.lancang.store.db.WriterLock;
import org.lancang.store.freight.FreightService;
import org.lancang.store.freight.NetworkFreight;
import org.lancang.store.maintenance.MaintenanceService;
import org.lancang.store.maintenance.NetworkMaintenance;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.networks.ServedNetworks;
import org.lancang.store.operations.NetworkOperations;
import org.lancang.store.operations.OperationsService;
import org.lancang.store.reference.CurrencyFiles;
import org.lancang.store.reference.ReferenceStore;
import org.lancang.store.sales.JourneyBookings;
import org.lancang.store.sales.NetworkSales;
import org.lancang.store.sales.SalesAudit;
import org.lancang.store.sales.SalesService;
import org.lancang.store.sales.SimulatedPaymentProvider;
import org.lancang.store.sales.TimetableChangeNotices;
import org.lancang.store.timetable.TimetableService;
import org.lancang.store.tracking.TrackingService;
import org.lancang.store.users.PasswordHasher;
import org.lancang.store.users.UserService;
import org.lancang.ticketing.ChangeRemedies;
import org.lancang.ticketing.RefundRules;
import org.lancang.ticketing.SalesWindow;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.tracking.TerminalTimes;
import org.lancang.users.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lancang's running parts, wired once: the database (migrated), the reference data (loaded into an empty database,
 * then always read back from it), and the application services. A server ({@link #start}) takes the database for
 * itself (one database serves exactly one Lancang server: {@link WriterLock}), settles payments a stop left half-way,
 * and runs the housekeeping (holds lapse, payments settle); a one-shot command ({@link #open}) only uses the database.
 */
public final class Platform implements AutoCloseable {
    /** Committer threads for sales: one batch is prepared while another is in the database (see GroupCommit). */
    public static final int SALES_COMMITTERS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    public static final String FIRST_ADMIN = "admin";
    /**
     * The wall-clock budget of one meet re-planning (the solver gets what is left of it): 0.8 s, or the
     * system property {@code lancang.replan.seconds} (read at each start).
     */
    static Duration operationsSolverLimit() {
        return Duration.ofMillis(
                Math.round(1000 * Double.parseDouble(System.getProperty("lancang.replan.seconds", "0.8"))));
    }

    private final Database database;
    private final ReferenceData reference;
    private final Operators operators;
    private final UserService users;
    private final TimetableService timetable;
    private final GroupCommit commits;
    private final SalesService sales;
    private final MaintenanceService maintenance;
    private final OperationsService operations;
    private final TimetableChangeService changes;
    private final FreightService freight;
    private final ScheduledExecutorService housekeeping;
    private final String generatedAdminPassword;
    private final WriterLock writerLock;
    private final NameFolding nameFolding;
    private ServedNetworks networks;
    private volatile NetworkSales networkSales;
    /** Journeys across two networks bought in one step (ADR 0034). */
    private volatile JourneyBookings journeyBookings;

    private volatile NetworkOperations networkOperations;
    private volatile NetworkMaintenance networkMaintenance;
    private volatile NetworkFreight networkFreight;
    private volatile NetworkChanges networkChanges;
    private CustomsService customs;
    private volatile NetworkCustoms networkCustoms;
    /** Every currency of the networks served (ADR 0030), set once at start. */
    private Currencies currencies;
    /** Freight tracking (issue 18), set once after the services it builds on. */
    private TrackingService tracking;

    private Platform(
            Database database,
            ReferenceData reference,
            Operators operators,
            UserService users,
            TimetableService timetable,
            GroupCommit commits,
            SalesService sales,
            MaintenanceService maintenance,
            OperationsService operations,
            TimetableChangeService changes,
            FreightService freight,
            String generatedAdminPassword,
            WriterLock writerLock,
            NameFolding nameFolding) {
        this.nameFolding = nameFolding;
        this.database = database;
        this.reference = reference;
        this.operators = operators;
        this.users = users;
        this.timetable = timetable;
        this.commits = commits;
        this.sales = sales;
        this.networkSales = NetworkSales.of(sales, List.of());
        this.journeyBookings = new JourneyBookings(networkSales, new Joins(List.of()));
        this.maintenance = maintenance;
        this.operations = operations;
        this.networkOperations = NetworkOperations.of(operations, List.of());
        this.networkMaintenance = NetworkMaintenance.of(maintenance, List.of());
        this.changes = changes;
        this.networkChanges = NetworkChanges.of(changes, List.of());
        this.freight = freight;
        this.networkFreight = NetworkFreight.of(freight, List.of());
        this.generatedAdminPassword = generatedAdminPassword;
        this.writerLock = writerLock;
        this.housekeeping = writerLock == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "lancang-housekeeping");
                    t.setDaemon(true);
                    return t;
                });
        if (housekeeping != null) {
            housekeeping.scheduleWithFixedDelay(this::keepHouse, 30, 30, TimeUnit.SECONDS);
        }
    }

    /** Releases holds whose time is up, and settles payments left unsettled by a request that failed half-way. */
    private void keepHouse() {
        try {
            int n = networkSales.expireHolds();
            if (n > 0) {
                LOG.info("released {} expired holds", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("releasing expired holds failed; will try again", e);
        }
        try {
            sales.settlePayments(SalesAudit.STUCK_AFTER.dividedBy(2));
        } catch (RuntimeException e) {
            LOG.warn("settling payments failed; will try again", e);
        }
    }

    /**
     * Starts a server's platform: the database (taken for this server alone, or refused with {@link
     * WriterLock.HeldByAnotherServer} naming the server that has it), {@code referenceFiles} loaded if the database
     * holds no network yet, the first admin created with a generated password if there are no users, payments left
     * half-way by a stop settled, and the housekeeping started.
     */
    public static Platform start(DatabaseConfig config, DataFiles referenceFiles, Clock clock) {
        return start(config, referenceFiles, List.of(), clock, true).platform();
    }

    /**
     * Opens the platform for a one-shot command: the same database and services, without taking the database (a
     * server may be running on it) and without housekeeping.
     */
    public static Platform open(DatabaseConfig config, DataFiles referenceFiles, Clock clock) {
        return start(config, referenceFiles, List.of(), clock, false).platform();
    }

    /**
     * Starts a server's platform serving several networks: {@code home} as {@link #start(DatabaseConfig, DataFiles,
     * Clock)} does, and {@code others} read-only from their folders (points, trains, running times, days, GTFS).
     * Refused with {@link ServedNetworks.Clash} when two networks share a code or a train number; on a first start,
     * as for a bad file of any of them, before anything is written.
     */
    public static Platform start(DatabaseConfig config, DataFiles home, List<DataFiles> others, Clock clock) {
        return withNetworks(start(config, home, others, clock, true));
    }

    /** Opens the platform for a one-shot command, serving several networks (see the {@code start} above). */
    public static Platform open(DatabaseConfig config, DataFiles home, List<DataFiles> others, Clock clock) {
        return withNetworks(start(config, home, others, clock, false));
    }

    /** A platform started on home alone, and the other networks' folders it read and checked, to serve them next. */
    private record Started(Platform platform, List<OtherFiles> others) {}

    /**
     * Home's network as a start runs it, its planner, the timetable file's plans checked on it (a first start's; null
     * on a restart, which runs the stored timetable) and home's other files read against it: read, nothing written.
     */
    private record HomeRead(ReferenceData reference, Planner planner, List<TrainPlan> checkedPlans, HomeFiles files) {
        static HomeRead of(
                ReferenceData reference,
                boolean first,
                DataFiles files,
                Currencies currencies,
                MaintenanceRules maintenance) {
            Planner planner = new Planner(reference.network(), reference.rollingStock(), BlockingRules.defaults());
            List<TrainPlan> plans = first
                    ? TimetableFile.load(
                            TimetableService.TIMETABLE_FILE, files.read(TimetableService.TIMETABLE_FILE), planner)
                    : null;
            return new HomeRead(
                    reference, planner, plans, HomeFiles.read(files, reference.network(), currencies, maintenance));
        }
    }

    private static Platform withNetworks(Started started) {
        Platform platform = started.platform();
        try {
            List<ServedNetwork> served = new ArrayList<>();
            served.add(platform.networks.home()); // as start made it: home's files are read once
            started.others().forEach(folder -> served.add(folder.network()));
            platform.networks = ServedNetworks.of(served);
            // every holder knows every network served, to tell one served without its feature from an unknown one
            List<String> codes = served.stream().map(ServedNetwork::code).toList();
            Map<String, OtherFiles> folders = new LinkedHashMap<>();
            started.others().forEach(folder -> folders.put(folder.network().code(), folder));
            Map<String, TimetableService> timetables = new LinkedHashMap<>();
            for (ServedNetwork n : platform.networks.others()) {
                // one timetable per network for its sales and operations alike, the road's windows in each day
                timetables.put(n.code(), TimetableService.fromPlans(n.planner(), n.plans(), n::roadWindows));
            }
            platform.networkMaintenance =
                    NetworkMaintenance.of(platform.maintenance, maintenance(platform, folders, timetables));
            platform.networkSales = NetworkSales.of(platform.sales, sellers(platform.sales, served, timetables), codes);
            platform.journeyBookings = new JourneyBookings(
                    platform.networkSales,
                    new Joins(served.stream()
                            .flatMap(n -> n.joins().all().stream())
                            .toList()));
            platform.networkOperations =
                    NetworkOperations.of(platform.operations, operations(platform, folders, timetables), codes);
            followTrains(platform, folders);
            List<TimetableChangeService> changes = changes(platform, timetables);
            platform.networkChanges = NetworkChanges.of(platform.changes, changes);
            forbidTrainsOfOtherNetworks(platform);
            platform.networkFreight =
                    NetworkFreight.of(platform.freight, freight(platform, folders, timetables, changes), codes);
            platform.networkCustoms =
                    NetworkCustoms.of(platform.customs, customs(platform, folders, timetables), codes);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * A timetable change may not add a train under a number another network served runs, in its base plan or added by
     * one of its published changes: the numbers stay unique across the networks, as every start checks.
     */
    private static void forbidTrainsOfOtherNetworks(Platform platform) {
        for (TimetableChangeService changes : platform.networkChanges.all()) {
            changes.networksElsewhere(number -> platform.networkChanges.all().stream()
                    .filter(other -> !other.network().equals(changes.network()))
                    .filter(other -> platform.networks
                                    .find(other.network())
                                    .flatMap(n -> n.plan(number.strip()))
                                    .isPresent()
                            || other.addsTrain(number.strip()))
                    .map(TimetableChangeService::network)
                    .findFirst());
        }
    }

    /**
     * Freight tracking follows the trains of every other network that runs (issue 19): the steps of the units on them
     * come from that network's running events, with its terminals' times ({@value TerminalTimes#FILE}; none, the
     * train's arrival is the ETA, where its folder has no such file).
     */
    private static void followTrains(Platform platform, Map<String, OtherFiles> folders) {
        for (OperationsService o : platform.networkOperations.all()) {
            if (o == platform.operations) {
                continue; // home's is followed from the start
            }
            OtherFiles folder = folders.get(o.network());
            ServedNetwork n = folder.network();
            platform.tracking.follow(n.network(), n.operators(), o, folder.terminalTimes());
        }
    }

    /**
     * The sales of each network other than home that has fares, through home's code with its own timetable (its
     * folder's), fares and sales window (ADR 0027).
     */
    private static List<SalesService> sellers(
            SalesService home, List<ServedNetwork> served, Map<String, TimetableService> timetables) {
        List<SalesService> out = new ArrayList<>();
        for (ServedNetwork n : served) {
            if (!n.home() && n.fares().isPresent()) {
                out.add(home.forNetwork(
                        timetables.get(n.code()), n.fares().get(), n.documents(), SalesWindow.of(n.operators())));
            }
        }
        return out;
    }

    /**
     * The maintenance of each network other than home: its own asset register (generated from its network on the
     * first start, as home's: no overhead line where a section is not electrified), defects, work orders and skylights
     * ({@value SkylightFile#FILE} from its folder where it has one), held against its own timetable; the planning
     * views of the network ({@link ServedNetwork#day}) see them too.
     */
    private static List<MaintenanceService> maintenance(
            Platform platform, Map<String, OtherFiles> folders, Map<String, TimetableService> timetables) {
        List<MaintenanceService> out = new ArrayList<>();
        for (OtherFiles folder : folders.values()) {
            ServedNetwork n = folder.network();
            TimetableService timetable = timetables.get(n.code());
            out.add(new MaintenanceService(
                    platform.database.jdbi(),
                    n.network(),
                    timetable,
                    folder.maintenanceRules(),
                    folder.skylights(),
                    platform.operations.clock()));
            n.runsOn(timetable);
        }
        return out;
    }

    /**
     * The timetable changes of each network other than home, over its own timetable (so its sales, operations and
     * planning views see them), with the limits of the road's closed time on its shared bridges.
     */
    private static List<TimetableChangeService> changes(Platform platform, Map<String, TimetableService> timetables) {
        List<TimetableChangeService> out = new ArrayList<>();
        for (ServedNetwork n : platform.networks.others()) {
            out.add(new TimetableChangeService(
                    platform.database.jdbi(),
                    timetables.get(n.code()),
                    new TimetableChangeNotices(platform.database.jdbi()),
                    ChangeRemedies.defaults(),
                    platform.operations.clock(),
                    RoadLimits.of(n)));
        }
        return out;
    }

    /**
     * The operations of each network other than home that has dispatching rules ({@value DispatchRules#FILE}): its
     * own forecast, service day and re-planning over its own timetable, sharing home's database and clock.
     */
    private static List<OperationsService> operations(
            Platform platform, Map<String, OtherFiles> folders, Map<String, TimetableService> timetables) {
        List<OperationsService> out = new ArrayList<>();
        for (OtherFiles folder : folders.values()) {
            ServedNetwork n = folder.network();
            if (folder.dispatchRules().isPresent()) {
                OperationsService service = new OperationsService(
                        platform.database.jdbi(),
                        timetables.get(n.code()),
                        folder.dispatchRules().get(),
                        new CpSatMeetSolver(2),
                        operationsSolverLimit(),
                        platform.operations.clock());
                // the road's windows are in the network's days already; its closed-time limits bind the re-planning
                service.roadLimits(f -> n.roadLimits()
                        .breaches(n.roadRailBridges()
                                .closures(
                                        f.graph().runs().stream()
                                                .map(r -> ConflictForecast.asForecast(f, r))
                                                .toList(),
                                        f.graph().date(),
                                        n.network().serviceZone()))
                        .size());
                out.add(service);
            }
        }
        return out;
    }

    /**
     * The freight of each network other than home that has a freight catalogue ({@value FreightData#SLOTS_FILE}), on
     * its own timetable (after its maintenance, so its days hold its skylights), its approvals published through its
     * timetable change service; the goods codes are home's where its
     * folder has none (HS and UN numbers are world-wide).
     */
    private static List<FreightService> freight(
            Platform platform,
            Map<String, OtherFiles> folders,
            Map<String, TimetableService> timetables,
            List<TimetableChangeService> changes) {
        List<FreightService> out = new ArrayList<>();
        for (OtherFiles folder : folders.values()) {
            ServedNetwork n = folder.network();
            if (folder.freight().isPresent()) {
                FreightData data = folder.freight().get();
                TimetableChangeService changesOfN = changes.stream()
                        .filter(c -> c.network().equals(n.code()))
                        .findFirst()
                        .orElseThrow();
                out.add(FreightService.onNetwork(
                        platform.database.jdbi(),
                        n,
                        timetables.get(n.code()),
                        changesOfN,
                        data,
                        platform.operations.clock()));
            }
        }
        return out;
    }

    /**
     * Customs at the borders of each network other than home that books freight and runs (issue 19): its own
     * interlock over its own forecast, its advance data due by its folder's {@value CustomsRules#FILE} at the border
     * each train crosses (the default where it has none), its releases tracked as home's are.
     */
    private static List<CustomsService> customs(
            Platform platform, Map<String, OtherFiles> folders, Map<String, TimetableService> timetables) {
        List<CustomsService> out = new ArrayList<>();
        for (FreightService f : platform.networkFreight.all()) {
            Optional<OperationsService> operations = platform.networkOperations.all().stream()
                    .filter(o -> o != platform.operations && o.network().equals(f.networkCode()))
                    .findFirst();
            if (f == platform.freight || operations.isEmpty()) {
                continue;
            }
            OtherFiles folder = folders.get(f.networkCode());
            CustomsService c = new CustomsService(
                    platform.database.jdbi(),
                    f,
                    operations.get(),
                    timetables.get(folder.network().code()),
                    folder.customs(),
                    platform.operations.clock());
            c.onDecision(platform.tracking::decided);
            out.add(c);
        }
        return out;
    }

    private static Started start(
            DatabaseConfig config, DataFiles referenceFiles, List<DataFiles> others, Clock clock, boolean server) {
        List<DataFiles> every = new ArrayList<>(List.of(referenceFiles));
        every.addAll(others);
        // one table for every network served: the database holds all their money, read back by currency code
        Currencies currencies = CurrencyFiles.of(every);
        Database database = Database.start(config);
        WriterLock writerLock = null;
        GroupCommit commits = new GroupCommit(database.jdbi(), "sales", SALES_COMMITTERS);
        try {
            if (server) {
                writerLock = WriterLock.acquire(
                        database,
                        clock,
                        () -> commits.fence("this server lost the database to another Lancang server: it no longer"
                                + " sells (one database serves exactly one Lancang server)"));
            }
            ReferenceStore referenceStore = new ReferenceStore(database.jdbi());
            ReferenceData described = ReferenceData.parse(referenceFiles);
            MaintenanceRules maintenanceRules = MaintenanceRules.defaults();
            boolean first = referenceStore.isEmpty();
            // A first start runs on the network it stores, read from the files (a later start reads the same figures
            // back); later starts on the stored one, which wins over the files.
            // home's timetable file goes through the load every served network's does (each train run once, a bad row
            // refused naming the file, row and train) only when the database takes it; a restart runs the stored one
            HomeRead read = HomeRead.of(
                    first ? described : referenceStore.load(described),
                    first,
                    referenceFiles,
                    currencies,
                    maintenanceRules);
            List<TrainPlan> checkedPlans = read.checkedPlans();
            List<OtherFiles> otherFolders = OtherFiles.readEach(
                    others, currencies, read.files().freight().codes());
            // Every start, the first or a restart, checks every file of every network served (the timetables' trains
            // run; what each network serves by, its joins, bridges and fares; codes and train numbers unique across
            // the networks) before its first write: a restart may serve a folder added or changed since, checked
            // against home's stored network and timetable. Refused, it leaves the database as it found it (the first
            // start's empty: the network stored then wins over the files at every later start), and the next start
            // takes the files as mended, a train renamed on home's side too. Checking first is the simpler of the two
            // ways: the checks are pure and what they read is what the platform then runs on (each file read once,
            // each train run once, the planner keeping the runs), while one transaction would have to carry the
            // writes every service makes through its own handles as it starts.
            List<TrainPlan> homePlans = first ? checkedPlans : TimetableService.stored(database.jdbi());
            List<ServedNetwork> served = new ArrayList<>();
            served.add(ServedNetwork.home(
                    read.reference(),
                    read.files().operators(),
                    read.planner(),
                    () -> homePlans,
                    referenceFiles,
                    currencies));
            otherFolders.forEach(folder -> served.add(folder.network()));
            // a restart checks the trains the published timetable changes added too, of every network served
            ServedNetworks.of(
                    served, first ? Map.of() : TimetableChangeService.trainsAddedByPublished(database.jdbi()));
            if (first) {
                referenceStore.save(described);
                LOG.info("reference network and rolling stock loaded into the empty database");
            }
            int renamed = !first && server ? referenceStore.refreshNames(NetworkParser.parse(referenceFiles)) : 0;
            if (renamed > 0) {
                LOG.info("names of {} points brought up to the reference files", renamed);
            }
            // a restart that brought names up runs on the names it has just stored
            HomeRead started = renamed > 0
                    ? HomeRead.of(referenceStore.load(described), false, referenceFiles, currencies, maintenanceRules)
                    : read;
            ReferenceData reference = started.reference();
            Planner planner = started.planner();
            HomeFiles home = started.files();
            Operators operators = home.operators();
            TimetableService timetable = TimetableService.open(
                    database.jdbi(),
                    planner,
                    first
                            ? () -> checkedPlans
                            : () -> TimetableFile.load(
                                    TimetableService.TIMETABLE_FILE,
                                    referenceFiles.read(TimetableService.TIMETABLE_FILE),
                                    planner));
            UserService users = new UserService(database.jdbi(), new PasswordHasher(), clock);
            String adminPassword = null;
            if (users.isEmpty()) {
                adminPassword = users.generatePassword();
                users.add(FIRST_ADMIN, "Administrator", adminPassword, List.of(Role.ADMIN.name()));
            }
            SalesService sales = new SalesService(
                    database.jdbi(),
                    commits,
                    timetable,
                    home.fares(),
                    home.documents(),
                    SalesWindow.of(operators),
                    RefundRules.defaults(),
                    new SimulatedPaymentProvider(database.jdbi(), currencies, clock),
                    clock,
                    SalesService.DEFAULT_HOLD);
            MaintenanceService maintenance = new MaintenanceService(
                    database.jdbi(), reference.network(), timetable, maintenanceRules, home.skylights(), clock);
            if (server) {
                int settled = sales.settlePayments(Duration.ZERO);
                if (settled > 0) {
                    LOG.info("settled {} payments a stop had left half-way", settled);
                }
            }
            var operations = new OperationsService(
                    database.jdbi(),
                    timetable,
                    home.dispatchRules(),
                    new CpSatMeetSolver(2),
                    operationsSolverLimit(),
                    clock);
            TimetableChangeService changes = new TimetableChangeService(
                    database.jdbi(),
                    timetable,
                    new TimetableChangeNotices(database.jdbi()),
                    ChangeRemedies.defaults(),
                    clock);
            FreightService freight = new FreightService(database.jdbi(), timetable, changes, home.freight(), clock);
            Platform platform = new Platform(
                    database,
                    reference,
                    operators,
                    users,
                    timetable,
                    commits,
                    sales,
                    maintenance,
                    operations,
                    changes,
                    freight,
                    adminPassword,
                    writerLock,
                    home.nameFolding());
            platform.currencies = currencies;
            platform.customs =
                    new CustomsService(database.jdbi(), freight, operations, timetable, home.customs(), clock);
            platform.networks = ServedNetworks.of(List.of(ServedNetwork.home(
                    reference, operators, timetable.planner(), timetable::plans, referenceFiles, currencies)));
            platform.tracking = new TrackingService(
                    database.jdbi(), operations, reference.network(), operators, home.terminalTimes(), clock);
            platform.customs.onDecision(platform.tracking::decided);
            platform.networkCustoms = NetworkCustoms.of(platform.customs, List.of());
            platform.tracking.checkOnward((booking, onward) -> platform.networkCustoms.checkOnward(booking, onward));
            return new Started(platform, otherFolders);
        } catch (RuntimeException e) {
            commits.close();
            if (writerLock != null) {
                writerLock.close();
            }
            database.close();
            throw e;
        }
    }

    /** How station names and what people type to find them are compared (Lao spellings, 繁/简, pinyin). */
    public NameFolding nameFolding() {
        return nameFolding;
    }

    /** The currencies of every network served: the world's file and each network's own (ADR 0030). */
    public Currencies currencies() {
        return currencies;
    }

    /** The networks served: the home network (the database's) first, then those read from their folders. */
    public ServedNetworks networks() {
        return networks;
    }

    public Database database() {
        return database;
    }

    public ReferenceData reference() {
        return reference;
    }

    /** The network's operators (its operators.csv): who runs trains where, with their names and sales windows. */
    public Operators operators() {
        return operators;
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

    /** The sales of every network that sells (home first): each request goes to its train's, booking's or station's. */
    public NetworkSales networkSales() {
        return networkSales;
    }

    /** Journeys across two networks, both legs held, paid and cancelled as one (ADR 0034). */
    public JourneyBookings journeyBookings() {
        return journeyBookings;
    }

    public MaintenanceService maintenance() {
        return maintenance;
    }

    /** Running events, forecasts, re-planning and dispatching orders (issue 14) of the home network. */
    public OperationsService operations() {
        return operations;
    }

    /** The maintenance of every network served (home first): each request goes to its asset's, defect's or point's. */
    public NetworkMaintenance networkMaintenance() {
        return networkMaintenance;
    }

    /** The operations of every network that runs (home first): each request goes to its train's or point's. */
    public NetworkOperations networkOperations() {
        return networkOperations;
    }

    /** Timetable changes: the one way the plan changes (drafts, publication, undo). */
    public TimetableChangeService changes() {
        return changes;
    }

    /** The timetable changes of every network served, home's first. */
    public NetworkChanges networkChanges() {
        return networkChanges;
    }

    /** Freight for shippers: path requests, bookings, consignment notes, quotes (issue 17). */
    /** Customs at the border: advance cargo data, release states, the interlock's holds (issue 18). */
    public CustomsService customs() {
        return customs;
    }

    /** Customs at the borders of every network that books freight (home first): a through consignment's each border. */
    public NetworkCustoms networkCustoms() {
        return networkCustoms;
    }

    public FreightService freight() {
        return freight;
    }

    /** The freight of every network that books it (home first): each request goes to its network's. */
    public NetworkFreight networkFreight() {
        return networkFreight;
    }

    public TrackingService tracking() {
        return tracking;
    }

    /** The first admin's password, only on the start that created it. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        commits.close();
        if (writerLock != null) {
            writerLock.close();
        }
        database.close();
    }
}
