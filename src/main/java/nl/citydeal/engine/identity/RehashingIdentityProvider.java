package nl.citydeal.engine.identity;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, which also rehashes a password with the current hash
 * ({@link Pbkdf2PasswordEncryptor}) when its user logs in with a hash of an older kind (Camunda's salted
 * single-round {@code {SHA-512}}) or of fewer iterations. Every login goes through here: the app's pages and
 * APIs, the Camunda webapps and the engine REST API.
 */
public class RehashingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
        if (!super.checkPassword(userId, password)) {
            return false;
        }
        PasswordEncryptor encryptor = Context.getProcessEngineConfiguration().getPasswordEncryptor();
        UserEntity user = findUserById(userId);
        if (encryptor instanceof Pbkdf2PasswordEncryptor current && current.needsRehash(user.getPassword())) {
            // the entity belongs to this command: the engine writes the new salt and hash when the command ends
            user.setPassword(password);
            user.encryptPassword();
        }
        return true;
    }
}
