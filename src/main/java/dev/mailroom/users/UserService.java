package dev.mailroom.users;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * The rules for desk users: one user per email address whatever its case, and the life cycle
 * ACTIVE → ARCHIVED → DELETED, where archiving and deleting keep the user's history and restore brings any of them
 * back to ACTIVE. Intake ignores mail from users who are not active.
 */
@Service
public class UserService {

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public PageResponse<DeskUser> list(UserFilter filter, PageRequest page) {
        return PageResponse.of(users.search(filter, page), page, users.count(filter));
    }

    @Transactional(readOnly = true)
    public DeskUser get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    @Transactional
    public DeskUser create(NewUser user) {
        requireFreeEmail(user.email(), null);
        try {
            return users.insert(user.email(), blankToNull(user.name()),
                    user.kind() == null ? UserKind.REQUESTER : user.kind(), false);
        } catch (DuplicateKeyException raced) {
            throw emailTaken(user.email());
        }
    }

    @Transactional
    public DeskUser update(long id, UserChanges changes) {
        DeskUser user = get(id);
        String email = changes.email() == null ? user.email() : changes.email();
        requireFreeEmail(email, id);
        try {
            users.update(id, email,
                    changes.name() == null ? user.name() : blankToNull(changes.name()),
                    changes.kind() == null ? user.kind() : changes.kind());
        } catch (DuplicateKeyException raced) {
            throw emailTaken(email);
        }
        return get(id);
    }

    /** Registers the user and puts them in {@code status} at once, all or nothing. */
    @Transactional
    public DeskUser create(NewUser user, UserStatus status) {
        DeskUser created = create(user);
        return moveTo(created, status);
    }

    /**
     * Changes the user and moves them to {@code status} by the life cycle's own rules (archive, delete or restore),
     * all or nothing: a refused move (archiving a deleted user) leaves the other changes unmade too.
     */
    @Transactional
    public DeskUser update(long id, UserChanges changes, UserStatus status) {
        update(id, changes);
        return switch (status) {
            case ACTIVE -> restore(id);
            case ARCHIVED -> archive(id);
            case DELETED -> delete(id);
        };
    }

    @Transactional
    public DeskUser archive(long id) {
        DeskUser user = get(id);
        if (user.status() == UserStatus.DELETED) {
            throw new ConflictException("status", "User " + user.email() + " is deleted; restore it before archiving");
        }
        return moveTo(user, UserStatus.ARCHIVED);
    }

    @Transactional
    public DeskUser delete(long id) {
        return moveTo(get(id), UserStatus.DELETED);
    }

    @Transactional
    public DeskUser restore(long id) {
        return moveTo(get(id), UserStatus.ACTIVE);
    }

    /** Repeating a move is harmless and leaves {@code updated_at} alone. */
    private DeskUser moveTo(DeskUser user, UserStatus status) {
        if (user.status() == status) {
            return user;
        }
        users.changeStatus(user.id(), status);
        return get(user.id());
    }

    private void requireFreeEmail(String email, Long ownId) {
        users.findByEmail(email)
                .filter(existing -> ownId == null || existing.id() != ownId)
                .ifPresent(existing -> {
                    throw emailTaken(email);
                });
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("email", "A user with email " + email.trim() + " already exists");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
