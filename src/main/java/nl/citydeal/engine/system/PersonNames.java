package nl.citydeal.engine.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The names of people by their user id, for everything a person reads: pages and mails show "Anna de Vries", not
 * "anna". A user without a name, or one that does not exist (any more), is shown by their id. Implemented on the
 * identity service ({@code identity}); a page looks up all its people at once.
 */
public interface PersonNames {

    /** The names of these users, one lookup for all of them; blank and null ids are left out. */
    Names namesOf(Collection<String> userIds);

    /** The name of one user (their id when they have none); null for no user. */
    default String nameOf(String userId) {
        return namesOf(userId == null ? List.of() : List.of(userId)).of(userId);
    }

    /** Names found by one lookup: {@link #of} gives the name of a user id, the id itself where there is none. */
    record Names(Map<String, String> byId) {

        public static final Names NONE = new Names(Map.of());

        public Names {
            byId = Map.copyOf(byId);
        }

        /** The user's name; the id when the user has no name or was not looked up; null for null. */
        public String of(String userId) {
            if (userId == null) {
                return null;
            }
            String name = byId.get(userId);
            return name == null || name.isBlank() ? userId : name;
        }

        /**
         * The user's name with their id, as a text that is kept (a decision's summary) names them: "Anna de Vries
         * (anna)"; the id alone when the user has no name.
         */
        public String withId(String userId) {
            String name = of(userId);
            return name == null || name.equals(userId) ? userId : "%s (%s)".formatted(name, userId);
        }

        /** The names of several users, in their order. */
        public List<String> ofAll(Collection<String> userIds) {
            return userIds.stream().map(this::of).toList();
        }
    }
}
