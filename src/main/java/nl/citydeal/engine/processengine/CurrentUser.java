package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a process step: the authenticated user, or none when a timer fires. */
public final class CurrentUser {

    private CurrentUser() {}

    public static String id(DelegateExecution execution) {
        Authentication authentication =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
