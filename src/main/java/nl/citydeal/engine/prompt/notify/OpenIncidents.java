package nl.citydeal.engine.prompt.notify;

import java.util.List;

/**
 * What failed and is not yet resolved (a prompt that could not fire, a mail given up), for the programme office's
 * weekly digest. Implemented by the administrators' incident list ({@code admin}).
 */
public interface OpenIncidents {

    List<DigestText.Incident> forDigest();
}
