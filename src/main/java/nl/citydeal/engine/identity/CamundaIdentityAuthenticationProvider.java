package nl.citydeal.engine.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Camunda's identity service, so the app, the APIs and the Camunda webapps share one set
 * of accounts. The identity service throttles repeated failed logins per user. A password it accepted is taken as
 * checked for a minute ({@link VerifiedCredentials}), so API clients do not pay the slow hash on every request.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verified;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, VerifiedCredentials verified) {
        this.identityService = identityService;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        if (userId == null || userId.isBlank()) {
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
        }
        if (!verified.recentlyAccepted(userId, password)) {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
            }
            verified.accepted(userId, password);
        }
        List<SimpleGrantedAuthority> authorities =
                identityService.createGroupQuery().groupMember(userId).list().stream()
                        .flatMap(group -> Role.ofGroup(group.getId()).stream())
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
