package org.lancang.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.lancang.errors.Conflict;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.store.Platform;
import org.lancang.users.Role;
import org.lancang.users.User;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lancang users add|list|set-role}: user administration from the shell. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage users and their roles.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.SetRole.class})
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a user action and turns a rule violation into a message and exit code 2. */
    abstract static class UserAction implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            try (Platform platform = PlatformOpener.open(database)) {
                run(platform, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InvalidInput e) {
                e.errors().forEach(err -> spec.commandLine().getErr().println(err.field() + ": " + err.message()));
            } catch (Conflict | NotFound e) {
                spec.commandLine().getErr().println(e.getMessage());
            }
            spec.commandLine().getErr().flush();
            return 2;
        }

        abstract void run(Platform platform, PrintWriter out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. Without --password a strong one is generated and printed once.")
    static final class Add extends UserAction {
        @Parameters(index = "0", description = "username")
        String username;

        @Option(names = "--role", required = true, split = ",",
                description = "role(s): ${COMPLETION-CANDIDATES}; repeat or separate with commas")
        List<Role> roles;

        @Option(names = "--name", description = "display name (default: the username)")
        String displayName;

        @Option(names = "--password", description = "the password (better: leave it out and use the generated one)")
        String password;

        @Override
        void run(Platform platform, PrintWriter out) {
            String pw = password != null ? password : platform.users().generatePassword();
            User user = platform.users().add(username, displayName != null ? displayName : username, pw,
                    roles.stream().map(Role::name).toList());
            out.println("added " + user.username() + " with roles " + roleList(user));
            if (password == null) {
                out.println("password: " + pw + "   (shown only now)");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers extends UserAction {
        @Override
        void run(Platform platform, PrintWriter out) {
            out.printf("%-24s %-30s %s%n", "username", "display name", "roles");
            for (User u : platform.users().list()) {
                out.printf("%-24s %-30s %s%n", u.username(), u.displayName(), roleList(u));
            }
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Replace a user's roles.")
    static final class SetRole extends UserAction {
        @Parameters(index = "0", description = "username")
        String username;

        @Parameters(index = "1..*", arity = "1..*", description = "the new roles: ${COMPLETION-CANDIDATES}")
        List<Role> roles;

        @Override
        void run(Platform platform, PrintWriter out) {
            User user = platform.users().setRoles(username, roles.stream().map(Role::name).toList());
            out.println(user.username() + " now has roles " + roleList(user));
        }
    }

    static String roleList(User u) {
        return u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
