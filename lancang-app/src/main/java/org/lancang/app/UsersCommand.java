package org.lancang.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.store.Platform;
import org.lancang.users.Role;
import org.lancang.users.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lancang users add|list|set-role}: user administration from the shell. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Manage users and their roles.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.SetRole.class})
final class UsersCommand extends CommandGroup {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user. Without --password a strong one is generated and printed once.")
    static final class Add extends PlatformCommand {
        @Parameters(index = "0", description = "username")
        String username;

        @Option(
                names = "--role",
                required = true,
                split = ",",
                description = "role(s): ${COMPLETION-CANDIDATES}; repeat or separate with commas")
        List<Role> roles;

        @Option(names = "--name", description = "display name (default: the username)")
        String displayName;

        @Option(names = "--password", description = "the password (better: leave it out and use the generated one)")
        String password;

        @Override
        int run(Platform platform, PrintWriter out) {
            String pw = password != null ? password : platform.users().generatePassword();
            User user;
            try {
                user = platform.users()
                        .add(
                                username,
                                displayName != null ? displayName : username,
                                pw,
                                roles.stream().map(Role::name).toList());
            } catch (InvalidInput e) {
                throw inCommandLineTerms(e);
            }
            out.println("added " + user.username() + " with roles " + roleList(user));
            if (password == null) {
                out.println("password: " + pw + "   (shown only now)");
            }
            return 0;
        }

        /**
         * The service names the API's fields; here the user typed an argument and options. A display name left out
         * defaults to the username, so its error is the username's and is not said twice.
         */
        private InvalidInput inCommandLineTerms(InvalidInput e) {
            List<FieldError> errors = e.errors().stream()
                    .filter(err -> displayName != null || !err.field().equals("displayName"))
                    .map(err -> new FieldError(cliName(err.field()), err.message(), err.code()))
                    .toList();
            return new InvalidInput(errors);
        }

        private static String cliName(String field) {
            return switch (field) {
                case "username" -> "username (the first argument)";
                case "displayName" -> "--name";
                case "password" -> "--password";
                case "roles" -> "--role";
                default -> field;
            };
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers extends PlatformCommand {
        @Override
        int run(Platform platform, PrintWriter out) {
            out.printf("%-24s %-30s %s%n", "username", "display name", "roles");
            for (User u : platform.users().list()) {
                out.printf("%-24s %-30s %s%n", u.username(), u.displayName(), roleList(u));
            }
            return 0;
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Replace a user's roles.")
    static final class SetRole extends PlatformCommand {
        @Parameters(index = "0", description = "username")
        String username;

        @Parameters(index = "1..*", arity = "1..*", description = "the new roles: ${COMPLETION-CANDIDATES}")
        List<Role> roles;

        @Override
        int run(Platform platform, PrintWriter out) {
            User user = platform.users()
                    .setRoles(username, roles.stream().map(Role::name).toList());
            out.println(user.username() + " now has roles " + roleList(user));
            return 0;
        }
    }

    static String roleList(User u) {
        return u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
