package io.miniman.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.backup.BackupPart;
import io.miniman.backup.JsonEntry;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user accounts in a backup: names, roles and BCrypt hashes (never a password). Optional in a
 * download. A restore makes the accounts those of the backup, except that the admin doing it is never
 * removed, disabled or demoted (they would lock themselves out mid-restore); sessions of changed or
 * removed accounts end.
 */
@Component
class UsersBackupPart implements BackupPart {

    static final String ENTRY = "users.json";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    record Account(String username, String passwordHash, Role role, boolean enabled, boolean mustChangePassword) {

        String line() {
            return username + "  " + role + (enabled ? "" : "  disabled") + (mustChangePassword ? "  must change password" : "");
        }
    }

    private final AppUserRepository users;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    UsersBackupPart(AppUserRepository users, ObjectMapper json, Clock clock, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.users = users;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
        this.events = events;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String title() {
        return "User accounts";
    }

    @Override
    public int restoreOrder() {
        return 200;
    }

    @Override
    public boolean optional() {
        return true;
    }

    @Override
    public Map<String, byte[]> export() {
        return Map.of(ENTRY, JsonEntry.write(json, current().values(), "user accounts"));
    }

    @Override
    public PartPreview preview(Map<String, byte[]> entries) {
        Map<String, Account> restored = parse(entries);
        Map<String, Account> current = current();
        Optional<String> me = CurrentUser.name();
        List<String> changes = new ArrayList<>();
        restored.values().forEach(account -> {
            Account was = current.get(account.username());
            if (was == null) {
                changes.add("User '" + account.username() + "' is added (" + account.role() + ").");
            } else if (!was.passwordHash().equals(account.passwordHash())) {
                changes.add("User '" + account.username() + "' gets the password of the backup.");
            }
        });
        current.values().stream().filter(account -> !restored.containsKey(account.username())).forEach(account ->
                changes.add(me.filter(account.username()::equals).isPresent()
                        ? "User '" + account.username() + "' (you) is not in the backup and is kept."
                        : "User '" + account.username() + "' is removed."));
        me.map(restored::get).filter(mine -> mine.role() != Role.ADMIN || !mine.enabled())
                .ifPresent(mine -> changes.add("You ('" + mine.username() + "') stay an enabled admin."));
        return new PartPreview(text(current), text(restored), changes, List.of());
    }

    @Override
    public String restore(Map<String, byte[]> entries, RestoreContext context) {
        Map<String, Account> restored = parse(entries);
        String me = CurrentUser.name().orElse("");
        int[] counts = new int[3];
        transaction.executeWithoutResult(status -> {
            for (Account account : restored.values()) {
                boolean mine = account.username().equals(me);
                AppUser user = users.findByUsernameIgnoreCase(account.username()).orElse(null);
                if (user == null) {
                    user = new AppUser(account.username(), account.passwordHash(), account.role(),
                            account.mustChangePassword(), clock.instant());
                    counts[0]++;
                } else if (!changed(user, account, mine)) {
                    continue;
                } else {
                    counts[1]++;
                    boolean newHash = !user.getPasswordHash().equals(account.passwordHash());
                    if (!mine) {
                        user.setPassword(account.passwordHash(), account.mustChangePassword());
                        events.publishEvent(new AccountChanged(user.getUsername(), newHash, null));
                    } else if (newHash) {
                        user.setPassword(account.passwordHash(), false);
                    }
                }
                user.setRole(mine ? Role.ADMIN : account.role());
                user.setEnabled(mine || account.enabled());
                users.save(user);
            }
            for (AppUser user : users.findAll()) {
                if (!restored.containsKey(user.getUsername()) && !user.getUsername().equals(me)) {
                    users.delete(user);
                    events.publishEvent(AccountChanged.of(user.getUsername()));
                    counts[2]++;
                }
            }
        });
        return "users: " + counts[0] + " added, " + counts[1] + " changed, " + counts[2] + " removed";
    }

    private static boolean changed(AppUser user, Account account, boolean mine) {
        return !user.getPasswordHash().equals(account.passwordHash())
                || (!mine && (user.getRole() != account.role() || user.isEnabled() != account.enabled()
                        || user.isMustChangePassword() != account.mustChangePassword()));
    }

    private Map<String, Account> current() {
        return users.findAll().stream().sorted(Comparator.comparing(AppUser::getUsername))
                .map(u -> new Account(u.getUsername(), u.getPasswordHash(), u.getRole(), u.isEnabled(), u.isMustChangePassword()))
                .collect(Collectors.toMap(Account::username, a -> a, (a, b) -> a, TreeMap::new));
    }

    private Map<String, Account> parse(Map<String, byte[]> entries) {
        List<Account> accounts = JsonEntry.read(json, entries, ENTRY, new TypeReference<List<Account>>() { }, "the user accounts");
        Map<String, Account> byName = new TreeMap<>();
        for (Account account : accounts) {
            if (account == null || account.username() == null || !NAME.matcher(account.username()).matches()) {
                throw new IllegalArgumentException("a user account in the backup has no valid name");
            }
            if (account.role() == null || account.passwordHash() == null || !BCRYPT.matcher(account.passwordHash()).matches()) {
                throw new IllegalArgumentException("user '" + account.username() + "' has no role or no BCrypt hash");
            }
            if (byName.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("user '" + account.username() + "' appears twice");
            }
        }
        return byName;
    }

    private static String text(Map<String, Account> accounts) {
        return accounts.values().stream().map(Account::line).collect(Collectors.joining("\n"));
    }
}
