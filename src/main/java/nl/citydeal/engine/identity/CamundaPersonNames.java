package nl.citydeal.engine.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.system.PersonNames;

/**
 * People's names as Camunda's identity service keeps them (first and last name), looked up in one query per call
 * (batches of {@value #BATCH} ids, so a long list does not make one enormous query; bounded, so the engine's
 * {@code query-max-results-limit} for a logged-in user never refuses it).
 */
@Component
class CamundaPersonNames implements PersonNames {

    static final int BATCH = 500;

    private final IdentityService identityService;

    CamundaPersonNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Names namesOf(Collection<String> userIds) {
        String[] ids = userIds.stream()
                .filter(Objects::nonNull)
                .filter(id -> !id.isBlank())
                .distinct()
                .toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < ids.length; from += BATCH) {
            String[] batch = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            for (User user : identityService.createUserQuery().userIdIn(batch).listPage(0, batch.length)) {
                String name = nameOf(user);
                if (name != null) {
                    names.put(user.getId(), name);
                }
            }
        }
        return new Names(names);
    }

    /** First and last name, as far as known; null when the user has neither. */
    static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName().strip()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName().strip()))
                .strip();
        return name.isEmpty() ? null : name;
    }
}
