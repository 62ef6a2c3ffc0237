package nl.citydeal.engine.identity;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.prompt.Recipient;
import nl.citydeal.engine.prompt.Recipients;

/** Recipients are the users of Camunda's identity service, with the name and e-mail address kept there. */
@Component
public class CamundaRecipients implements Recipients {

    private final IdentityService identityService;
    private final Clock clock;

    public CamundaRecipients(IdentityService identityService, Clock clock) {
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public Optional<Recipient> user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                        identityService.createUserQuery().userId(userId).singleResult())
                .map(CamundaRecipients::of);
    }

    @Override
    public Optional<Recipient> active(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                        identityService.createUserQuery().userId(userId).singleResult())
                .filter(user -> !locked(user))
                .map(CamundaRecipients::of);
    }

    /** Locked after wrong passwords (the identity service's own lock, which ends by itself). */
    private boolean locked(User user) {
        Date until = user instanceof UserEntity entity ? entity.getLockExpirationTime() : null;
        return until != null && until.toInstant().isAfter(clock.instant());
    }

    @Override
    public List<Recipient> programmeOffice() {
        return membersOf(Role.PROGRAMME_OFFICE);
    }

    @Override
    public List<Recipient> administrators() {
        return membersOf(Role.ADMINISTRATOR);
    }

    private List<Recipient> membersOf(Role role) {
        return identityService.createUserQuery().memberOfGroup(role.groupId()).orderByUserId().asc().list().stream()
                .map(CamundaRecipients::of)
                .toList();
    }

    @Override
    public boolean isProgrammeOffice(String userId) {
        return userId != null
                && identityService
                                .createUserQuery()
                                .userId(userId)
                                .memberOfGroup(Role.PROGRAMME_OFFICE.groupId())
                                .count()
                        > 0;
    }

    private static Recipient of(User user) {
        return new Recipient(user.getId(), CamundaPersonNames.nameOf(user), user.getEmail());
    }
}
