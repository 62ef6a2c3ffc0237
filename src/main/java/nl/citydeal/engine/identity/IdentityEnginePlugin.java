package nl.citydeal.engine.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Passwords in the engine: new hashes are PBKDF2 ({@link Pbkdf2PasswordEncryptor}); Camunda's older
 * {@code {SHA-512}} hashes still verify (the engine's password manager always knows them) and are replaced at
 * their user's next login ({@link RehashingIdentityProvider}). The password policy and the login delays are
 * generic properties in application.yaml. The Spring Boot starter applies every ProcessEnginePlugin bean.
 */
@Component
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    private final PasswordProperties passwords;

    public IdentityEnginePlugin(PasswordProperties passwords) {
        this.passwords = passwords;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(passwords.pbkdf2Iterations()));
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(RehashingIdentityProvider.class));
    }
}
