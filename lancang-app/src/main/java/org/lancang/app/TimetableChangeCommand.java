package org.lancang.app;

import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.InvalidInput;
import org.lancang.store.Platform;
import org.lancang.store.changes.ChangeImpact;
import org.lancang.store.changes.ChangeRecord;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lancang timetable change list|move|cancel|impact|publish|undo|discard}: timetable changes from the command
 * line, through the same service as the API (drafts first; {@code --publish} publishes at once).
 */
@Command(
        name = "change",
        mixinStandardHelpOptions = true,
        description = "Timetable changes over a scope of dates: drafts, their impact, publish, undo.",
        subcommands = {
            TimetableChangeCommand.ListChanges.class,
            TimetableChangeCommand.Move.class,
            TimetableChangeCommand.Cancel.class,
            TimetableChangeCommand.Impact.class,
            TimetableChangeCommand.Publish.class,
            TimetableChangeCommand.Undo.class,
            TimetableChangeCommand.Discard.class
        })
final class TimetableChangeCommand extends CommandGroup {
    private static final String USER = "cli";

    /** The dates a change holds for: {@code --date D} or {@code --from D --to D}, optionally {@code --days}. */
    static final class ScopeOptions {
        @Option(names = "--date", required = true, description = "the first (or only) service date, YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--until", description = "the last service date (default: --date)")
        LocalDate until;

        @Option(names = "--days", split = ",", description = "days of the week, e.g. MON,FRI (default: every day)")
        List<String> days = new ArrayList<>();

        ChangeScope scope() {
            EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            for (String d : days) {
                String upper = d.strip().toUpperCase(Locale.ROOT);
                set.add(EnumSet.allOf(DayOfWeek.class).stream()
                        .filter(x -> upper.length() >= 3 && x.name().startsWith(upper))
                        .findFirst()
                        .orElseThrow(() -> new InvalidInput("days", "'" + d + "' is not MON … SUN")));
            }
            return new ChangeScope(
                    date, until == null ? date : until, set.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : set);
        }
    }

    /** Options a new change shares: its title, and whether to publish it at once. */
    abstract static class NewChange extends PlatformCommand {
        @ArgGroup(exclusive = false, multiplicity = "1")
        ScopeOptions scope;

        @Option(names = "--title", defaultValue = "", description = "why (shown to the passengers told)")
        String title;

        @Option(names = "--publish", description = "publish at once instead of keeping a draft")
        boolean publish;

        @Option(names = "--accept-conflicts", description = "with --publish: publish even with new conflicts")
        boolean acceptConflicts;

        @Mixin
        NetworkOption network;

        abstract Edit edit();

        @Override
        int run(Platform platform, PrintWriter out) {
            TimetableChange change = new TimetableChange(title, ChangeOrigin.PLANNER, scope.scope(), List.of(edit()));
            TimetableChangeService changes = platform.networkChanges().named(network.code(platform), "--network");
            if (publish) {
                TimetableChangeService.Outcome done = changes.publishNew(change, USER, acceptConflicts);
                out.printf("%s published%n", done.change().id());
                print(out, done.impact());
            } else {
                ChangeRecord draft = changes.draft(change, USER);
                out.printf("%s kept as a draft%n", draft.id());
                print(out, changes.impact(draft.id()));
            }
            return 0;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move a train's first departure.")
    static final class Move extends NewChange {
        @Option(names = "--train", required = true)
        String train;

        @Option(names = "--departure", required = true, description = "new local time at the origin, HH:MM")
        LocalTime departure;

        @Override
        Edit edit() {
            return new Edit.Move(train.toUpperCase(Locale.ROOT), departure);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a train on the dates.")
    static final class Cancel extends NewChange {
        @Option(names = "--train", required = true)
        String train;

        @Override
        Edit edit() {
            return new Edit.Cancel(train.toUpperCase(Locale.ROOT));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every change, newest first.")
    static final class ListChanges extends PlatformCommand {
        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) {
            for (ChangeRecord r : platform.networkChanges()
                    .named(network.code(platform), "--network")
                    .list()) {
                TimetableChange c = r.change();
                out.printf(
                        "%s %-9s %s–%s %s %s%s%n",
                        r.id(),
                        r.status(),
                        c.scope().from(),
                        c.scope().to(),
                        c.scope().days().size() == 7 ? "daily" : c.scope().days(),
                        c.edits(),
                        c.title().isEmpty() ? "" : " (" + c.title() + ")");
            }
            return 0;
        }
    }

    @Command(name = "impact", mixinStandardHelpOptions = true, description = "The sold tickets a change touches.")
    static final class Impact extends PlatformCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Platform platform, PrintWriter out) {
            print(out, platform.networkChanges().holding(id).impact(id));
            return 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish a draft.")
    static final class Publish extends PlatformCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--accept-conflicts", description = "publish even with new conflicts")
        boolean acceptConflicts;

        @Override
        int run(Platform platform, PrintWriter out) {
            TimetableChangeService.Outcome done =
                    platform.networkChanges().holding(id).publish(id, USER, acceptConflicts);
            out.printf("%s published%n", done.change().id());
            print(out, done.impact());
            return 0;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Undo a published change.")
    static final class Undo extends PlatformCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Platform platform, PrintWriter out) {
            TimetableChangeService.Outcome done =
                    platform.networkChanges().holding(id).undo(id, USER);
            out.printf("%s undone%n", done.change().id());
            print(out, done.impact());
            return 0;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Discard a draft.")
    static final class Discard extends PlatformCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Platform platform, PrintWriter out) {
            out.printf(
                    "%s %s%n",
                    id, platform.networkChanges().holding(id).discard(id, USER).status());
            return 0;
        }
    }

    static void print(PrintWriter out, ChangeImpact impact) {
        out.printf("%d booking(s), %d passenger(s) touched%n", impact.bookings().size(), impact.passengers());
        for (ChangeImpact.TouchedBooking t : impact.bookings()) {
            out.printf(
                    "  %s %s %s–%s %d passenger(s) %s %s%n",
                    t.date(),
                    t.train(),
                    t.from(),
                    t.to(),
                    t.passengers(),
                    t.cancelled()
                            ? "cancelled"
                            : String.format(
                                    Locale.ROOT,
                                    "dep %+d min, arr %+d min",
                                    t.departureShiftMinutes(),
                                    t.arrivalShiftMinutes()),
                    t.remedy());
        }
    }
}
