package nl.citydeal.engine.processengine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks for a user with a few groups without first reading which groups have authorizations at all.
 * Before it checks a user with groups, every engine command asks {@code select distinct GROUP_ID_ from
 * ACT_RU_AUTHORIZATION}, which reads the whole table (two authorizations or more per deal) to drop the user's groups
 * that have none from the check's {@code GROUP_ID_ in (...)}; a Tasklist page runs six such commands, a completed task
 * one (docs/benchmarks.md; camunda-bpm-platform issue 5485). Our users have one to three groups (their roles), so
 * the check takes them as they are: a group without authorizations matches no authorization row, so every check gives
 * the same answer, grants and revokes alike. A list longer than {@value #SHORT_LIST} groups (a directory's user, say)
 * is still filtered the engine's way, to keep the check's list short.
 */
@Component
public class GroupAuthorizationChecks extends AbstractProcessEnginePlugin {

    /** Up to this many groups are checked as the user has them. */
    static final int SHORT_LIST = 10;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ShortGroupListAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager (one per command), with a user's short list of groups taken as it is. */
    static class ShortGroupListAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null
                    || authenticatedGroupIds.isEmpty()
                    || authenticatedGroupIds.size() > SHORT_LIST) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            // a modifiable list, as the engine's own answer (MyBatis reads it by reflection)
            return new ArrayList<>(authenticatedGroupIds.stream()
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList());
        }
    }
}
